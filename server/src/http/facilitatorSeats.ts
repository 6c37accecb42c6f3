import { Hono } from 'hono'
import * as v from 'valibot'
import { eventLinks } from '../commands/events.js'
import {
  nameSharedFacilitator,
  renewFacilitatorLink,
  retireSelfNamedFacilitator,
} from '../commands/facilitatorSeats.js'
import type { ServerContext } from '../context.js'
import { findEvent } from '../store/events.js'
import { authorise, callerOf } from './caller.js'
import { ApiError, forbidden } from './errors.js'
import { validate } from './validate.js'

const NameBody = v.object({ name: v.pipe(v.string(), v.maxLength(400)) })

/**
 * `/api/events/{id}/facilitators…`: a person on a group's shared facilitator link says who
 * they are (and gets a seat of their own); the organiser renews a facilitator's link, or takes
 * away the seat of someone who named themselves.
 */
export function facilitatorSeatRoutes(ctx: ServerContext) {
  const app = new Hono()

  app.post('/:id/facilitators', validate('json', NameBody), async (c) => {
    const eventId = c.req.param('id')
    const caller = await callerOf(ctx, c, eventId)
    // Only the group's shared link: a facilitator with a seat already is someone.
    if (caller.holder.role !== 'facilitator' || caller.session?.facilitator !== null) {
      throw forbidden('only a group’s shared facilitator link names a facilitator')
    }
    try {
      await ctx.limits.participants.consume(`facilitators:${eventId}`)
    } catch {
      ctx.metrics.refusedRequests.inc({ reason: 'participants' })
      throw new ApiError(429, 'participants.rateLimited', 'too many at once, wait a moment')
    }
    return c.json(await nameSharedFacilitator(ctx, caller, c.req.valid('json').name), 201)
  })

  const linksAnswer = async (eventId: string) => {
    const row = await findEvent(ctx.db, eventId)
    return { joinCode: row?.join_code, ...(await eventLinks(ctx, eventId)) }
  }

  app.post('/:id/facilitators/:seatId/renew', async (c) => {
    const caller = await authorise(ctx, c, c.req.param('id'), 'event.manage')
    await renewFacilitatorLink(ctx, caller, c.req.param('seatId'))
    return c.json(await linksAnswer(caller.holder.eventId))
  })

  // Someone who named themselves on the shared link loses their seat (named ones leave the
  // group's list instead).
  app.delete('/:id/facilitators/:seatId', async (c) => {
    const caller = await authorise(ctx, c, c.req.param('id'), 'event.manage')
    await retireSelfNamedFacilitator(ctx, caller, c.req.param('seatId'))
    return c.json(await linksAnswer(caller.holder.eventId))
  })

  return app
}
