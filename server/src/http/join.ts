import { getConnInfo } from '@hono/node-server/conninfo'
import { eventDocName } from '@hytepaja/shared/doc/names'
import { readGroups } from '@hytepaja/shared/doc/schema'
import { newId } from '@hytepaja/shared/ids'
import { type Context, Hono } from 'hono'
import * as v from 'valibot'
import { deriveToken, hashToken, normaliseJoinCode, randomToken } from '../auth/tokens.js'
import type { ServerContext } from '../context.js'
import { findEventByCode } from '../store/events.js'
import { insertParticipant } from '../store/participants.js'
import { insertToken, roleTokens } from '../store/tokens.js'
import { callerOf } from './caller.js'
import { ApiError, forbidden } from './errors.js'
import { roleLink } from './links.js'
import { validate } from './validate.js'

const JoinBody = v.object({ code: v.pipe(v.string(), v.maxLength(40)) })

const ParticipantBody = v.object({
  displayName: v.pipe(
    v.string(),
    v.trim(),
    v.minLength(1),
    v.maxLength(80),
    v.regex(/^[^\p{Cc}]*$/u),
  ),
  organisation: v.optional(
    v.nullable(v.pipe(v.string(), v.trim(), v.maxLength(120), v.regex(/^[^\p{Cc}]*$/u))),
  ),
  groupId: v.pipe(v.string(), v.maxLength(64)),
})

function clientAddress(c: Context, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = c.req.header('x-forwarded-for')?.split(',')[0]?.trim()
    if (forwarded) return forwarded
  }
  try {
    return getConnInfo(c).remote.address ?? 'unknown'
  } catch {
    return 'unknown'
  }
}

/** `POST /api/join` (code → join token) and `POST /api/events/{id}/participants`. */
export function joinRoutes(ctx: ServerContext, limits = { points: 10, durationSec: 60 }) {
  // Eight digits are 10^8 codes; ten guesses a minute per address makes guessing hopeless.
  // Counted across every instance (in Redis when there are several).
  const limiter = ctx.bus.createRateLimiter({ name: 'join', ...limits })
  const app = new Hono()

  app.post('/join', async (c, next) => {
    try {
      await limiter.consume(clientAddress(c, ctx.config.trustProxy))
    } catch {
      throw new ApiError(429, 'join.rateLimited', 'too many attempts, wait a minute')
    }
    await next()
  })
  app.post('/join', validate('json', JoinBody), async (c) => {
    const event = await findEventByCode(ctx.db, normaliseJoinCode(c.req.valid('json').code))
    const join = event
      ? (await roleTokens(ctx.db, event.id)).find((t) => t.role === 'join')
      : undefined
    if (!event || !join?.nonce)
      throw new ApiError(404, 'join.unknownCode', 'no event with this code')
    return c.json({ eventId: event.id, token: deriveToken(ctx.secrets.linkSecret, join.nonce) })
  })

  app.post('/events/:id/participants', validate('json', ParticipantBody), async (c) => {
    const eventId = c.req.param('id')
    const caller = await callerOf(ctx, c, eventId)
    if (caller.holder.role !== 'join' || caller.session === null) {
      throw forbidden('only the join link creates participants')
    }
    const body = c.req.valid('json')
    const groups = await ctx.rooms.withDoc(eventDocName(eventId), (room) => readGroups(room.doc))
    if (!groups.some((g) => g.id === body.groupId)) {
      throw new ApiError(400, 'group.unknown', 'no such group in this event')
    }
    const participantId = newId(12)
    const token = randomToken()
    const now = Date.now()
    await ctx.db.transaction(async (tx) => {
      await insertParticipant(tx, {
        id: participantId,
        event_id: eventId,
        display_name: body.displayName,
        organisation: body.organisation || null,
        group_id: body.groupId,
        created_at: now,
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
    return c.json({ participantId, token, link }, 201)
  })
  return app
}
