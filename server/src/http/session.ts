import { eventDocName } from '@hytepaja/shared/doc/names'
import { readElections } from '@hytepaja/shared/doc/plenary'
import { readGroups, readMeta } from '@hytepaja/shared/doc/schema/event'
import { Hono } from 'hono'
import { resolveSession } from '../auth/sessions.js'
import { actorOf } from '../auth/syncAccess.js'
import { ownAuthorKeys } from '../boards/authorKeys.js'
import type { ServerContext } from '../context.js'
import { bearerToken } from './bearer.js'
import { notFound, unauthorised } from './errors.js'

/**
 * `GET /api/session`: who this token is, the event it belongs to, and its own author keys on
 * the boards it may write (how the client recognises its own notes).
 */
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
    const holder = { eventId: session.eventId, role: session.role, groupId: session.groupId }
    return c.json({
      eventId: session.eventId,
      role: session.role,
      groupId: session.groupId,
      participant: session.participant,
      // A facilitator's own seat (the organiser named them, or they named themselves on the
      // group's shared link); null for the shared link, whose holder is asked who they are.
      facilitator: session.facilitator,
      // A minute-checker's seat (name, organisation) for a checker token; null otherwise.
      checker: event.checker,
      event: { ...event.meta, groups: event.groups },
      authorKeys: ownAuthorKeys(
        ctx.secrets.linkSecret,
        holder,
        actorOf(session).id,
        event.groups.map((g) => g.id),
      ),
    })
  })
  return app
}
