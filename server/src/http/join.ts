import { eventDocName } from '@hytepaja/shared/doc/names'
import { readGroups } from '@hytepaja/shared/doc/schema/event'
import { cleanParticipant } from '@hytepaja/shared/domain/participants'
import { newId } from '@hytepaja/shared/ids'
import { type Context, Hono } from 'hono'
import * as v from 'valibot'
import { deriveToken, hashToken, normaliseJoinCode, randomToken } from '../auth/tokens.js'
import { authorKey } from '../boards/authorKeys.js'
import { organisationForName } from '../commands/register.js'
import type { ServerContext } from '../context.js'
import { findEventByCode } from '../store/events.js'
import { insertParticipant } from '../store/participants.js'
import { insertToken, roleTokens } from '../store/tokens.js'
import { callerOf } from './caller.js'
import { addressKey, clientAddress } from './clientAddress.js'
import { ApiError, forbidden } from './errors.js'
import { roleLink } from './links.js'
import { validate } from './validate.js'

const JoinBody = v.object({ code: v.pipe(v.string(), v.maxLength(40)) })

const ParticipantBody = v.object({
  displayName: v.string(),
  organisation: v.optional(v.nullable(v.string())),
  groupId: v.pipe(v.string(), v.maxLength(64)),
})

/** `POST /api/join` (code → join token) and `POST /api/events/{id}/participants`. */
export function joinRoutes(ctx: ServerContext) {
  const app = new Hono()
  const addressOf = (c: Context) => addressKey(clientAddress(c, ctx.config.trustProxy))
  const tooManyGuesses = () => {
    ctx.metrics.refusedRequests.inc({ reason: 'joinCodeGuesses' })
    return new ApiError(429, 'join.rateLimited', 'too many attempts, wait a minute')
  }

  // Only wrong codes count (per address, across every instance): a hall of people behind one
  // address typing the right code is never stopped, someone trying codes is.
  app.post('/join', async (c, next) => {
    if (await ctx.limits.joinCodes.blocked(addressOf(c))) throw tooManyGuesses()
    await next()
  })
  app.post('/join', validate('json', JoinBody), async (c) => {
    const event = await findEventByCode(ctx.db, normaliseJoinCode(c.req.valid('json').code))
    const join = event
      ? (await roleTokens(ctx.db, event.id)).find((t) => t.role === 'join')
      : undefined
    if (!event || !join?.nonce) {
      await ctx.limits.joinCodes.fail(addressOf(c))
      throw new ApiError(404, 'join.unknownCode', 'no event with this code')
    }
    return c.json({ eventId: event.id, token: deriveToken(ctx.secrets.linkSecret, join.nonce) })
  })

  app.post('/events/:id/participants', validate('json', ParticipantBody), async (c) => {
    const eventId = c.req.param('id')
    const caller = await callerOf(ctx, c, eventId)
    if (caller.holder.role !== 'join' || caller.session === null) {
      throw forbidden('only the join link creates participants')
    }
    const body = c.req.valid('json')
    const { displayName, organisation } = cleanParticipant(body)
    try {
      await ctx.limits.participants.consume(eventId)
    } catch {
      ctx.metrics.refusedRequests.inc({ reason: 'participants' })
      throw new ApiError(
        429,
        'participants.rateLimited',
        'too many people joined at once, wait a moment',
      )
    }
    const groups = await ctx.rooms.withDoc(eventDocName(eventId), (room) => readGroups(room.doc))
    if (!groups.some((g) => g.id === body.groupId)) {
      throw new ApiError(400, 'group.unknown', 'no such group in this event')
    }
    const participantId = newId(12)
    const token = randomToken()
    const now = Date.now()
    await ctx.db.transaction(async (tx) => {
      // What people type builds the county's register: the name is linked to the organisation
      // it means (made when new), and the organiser merges the duplicates later.
      const registered = organisation ? await organisationForName(tx, organisation, 'join') : null
      await insertParticipant(tx, {
        id: participantId,
        event_id: eventId,
        display_name: displayName,
        organisation,
        group_id: body.groupId,
        created_at: now,
        organisation_id: registered?.id ?? null,
      })
      await insertToken(tx, {
        hash: hashToken(token),
        event_id: eventId,
        role: 'participant',
        group_id: null,
        participant_id: participantId,
        nonce: null,
        created_at: now,
      })
    })
    const link = roleLink(ctx.config.publicUrl, eventId, 'participant', token)
    const authorKeys = {
      [body.groupId]: authorKey(ctx.secrets.linkSecret, eventId, body.groupId, participantId),
    }
    return c.json({ participantId, token, link, authorKeys }, 201)
  })
  return app
}
