import { Hono } from 'hono'
import * as v from 'valibot'
import { addComment, checkerSelf, commentsOf } from '../commands/checking.js'
import type { ServerContext } from '../context.js'
import { authorise } from './caller.js'
import { validate } from './validate.js'

const CommentBody = v.object({
  itemId: v.nullable(v.pipe(v.string(), v.maxLength(64))),
  text: v.pipe(v.string(), v.maxLength(10_000)),
})

/** `/api/events/{id}/plenary/check/…`: the minute-checkers' comments and approval. */
export function checkingRoutes(ctx: ServerContext) {
  const app = new Hono()
  const base = '/:id/plenary/check'

  app.get(`${base}/me`, async (c) => {
    const caller = await authorise(ctx, c, c.req.param('id'), 'minutes.check')
    return c.json(await checkerSelf(ctx, caller))
  })

  app.get(`${base}/comments`, async (c) => {
    const caller = await authorise(ctx, c, c.req.param('id'), 'minutes.comments')
    return c.json({ comments: await commentsOf(ctx, caller.holder.eventId) })
  })

  app.post(`${base}/comments`, validate('json', CommentBody), async (c) => {
    const caller = await authorise(ctx, c, c.req.param('id'), 'minutes.check')
    return c.json({ comment: await addComment(ctx, caller, c.req.valid('json')) }, 201)
  })

  return app
}
