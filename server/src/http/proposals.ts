import { Hono } from 'hono'
import * as v from 'valibot'
import { addAction, promote, removeAction, setReady, withdraw } from '../commands/proposals.js'
import type { ServerContext } from '../context.js'
import { authorise } from './caller.js'
import { validate } from './validate.js'

/** The group's decision proposal: its actions, ready, promote, withdraw. */
export function proposalRoutes(ctx: ServerContext) {
  const app = new Hono()
  const base = '/:id/groups/:groupId/proposal'

  app.post(`${base}/actions`, async (c) => {
    const groupId = c.req.param('groupId')
    const caller = await authorise(ctx, c, c.req.param('id'), 'proposal.write', groupId)
    return c.json({ id: await addAction(ctx, caller, groupId) }, 201)
  })

  app.delete(`${base}/actions/:actionId`, async (c) => {
    const groupId = c.req.param('groupId')
    const caller = await authorise(ctx, c, c.req.param('id'), 'proposal.write', groupId)
    await removeAction(ctx, caller, groupId, c.req.param('actionId'))
    return c.body(null, 204)
  })

  app.put(`${base}/ready`, validate('json', v.object({ ready: v.boolean() })), async (c) => {
    const groupId = c.req.param('groupId')
    const caller = await authorise(ctx, c, c.req.param('id'), 'proposal.facilitate', groupId)
    return c.json(await setReady(ctx, caller, groupId, c.req.valid('json').ready))
  })

  app.post(`${base}/promote`, async (c) => {
    const groupId = c.req.param('groupId')
    const caller = await authorise(ctx, c, c.req.param('id'), 'proposal.facilitate', groupId)
    return c.json(await promote(ctx, caller, groupId))
  })

  app.post(`${base}/withdraw`, async (c) => {
    const groupId = c.req.param('groupId')
    const caller = await authorise(ctx, c, c.req.param('id'), 'proposal.facilitate', groupId)
    await withdraw(ctx, caller, groupId)
    return c.body(null, 204)
  })

  return app
}
