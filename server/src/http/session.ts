import { eventDocName } from '@hytepaja/shared/doc/names'
import { readElections } from '@hytepaja/shared/doc/plenary'
import { readGroups, readMeta } from '@hytepaja/shared/doc/schema'
import { Hono } from 'hono'
import { resolveSession } from '../auth/sessions.js'
import type { ServerContext } from '../context.js'
import { bearerToken } from './bearer.js'
import { notFound, unauthorised } from './errors.js'

/** `GET /api/session`: who this token is, and the event it belongs to. */
export function sessionRoutes(ctx: ServerContext) {
  const app = new Hono()
  app.get('/session', async (c) => {
    const session = await resolveSession(ctx.db, bearerToken(c))
    if (!session) throw unauthorised()
    const event = await ctx.rooms.withDoc(eventDocName(session.eventId), (room) => ({
      meta: readMeta(room.doc),
      groups: readGroups(room.doc),
      checker: readElections(room.doc).checkers.find((c) => c.id === session.checkerId) ?? null,
    }))
    if (!event.meta) throw notFound('event')
    return c.json({
      eventId: session.eventId,
      role: session.role,
      groupId: session.groupId,
      participant: session.participant,
      // A minute-checker's seat (name, organisation) for a checker token; null otherwise.
      checker: event.checker,
      event: { ...event.meta, groups: event.groups },
    })
  })
  return app
}
