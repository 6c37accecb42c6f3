import { Hono } from 'hono'
import {
  acceptFollowUpItem,
  leaveOutFollowUpItem,
  readFollowUpItemFor,
} from '../commands/followUpItem.js'
import type { ServerContext } from '../context.js'
import { authorise, callerOf } from './caller.js'
import { forbidden } from './errors.js'

/**
 * `/api/events/{id}/follow-up-item`: the earlier meetings' open actions on this event's
 * agenda. Read by every token of the event but the join link (handed around the hall before
 * anyone has joined); offered, accepted and left out by the organiser.
 */
export function followUpItemRoutes(ctx: ServerContext) {
  const app = new Hono()

  app.get('/:id/follow-up-item', async (c) => {
    const caller = await callerOf(ctx, c, c.req.param('id'))
    if (caller.holder.role === 'join') throw forbidden('join the event first')
    return c.json(await readFollowUpItemFor(ctx, caller))
  })

  app.post('/:id/follow-up-item', async (c) => {
    const caller = await authorise(ctx, c, c.req.param('id'), 'event.manage')
    const { made } = await acceptFollowUpItem(ctx, caller)
    return c.json(await readFollowUpItemFor(ctx, caller), made ? 201 : 200)
  })

  app.delete('/:id/follow-up-item', async (c) => {
    const caller = await authorise(ctx, c, c.req.param('id'), 'event.manage')
    await leaveOutFollowUpItem(ctx, caller)
    return c.body(null, 204)
  })
  return app
}
