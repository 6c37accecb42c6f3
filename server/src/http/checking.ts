import { Hono } from 'hono'
import * as v from 'valibot'
import {
  addComment,
  approve,
  checkerSelf,
  commentsOf,
  currentContent,
  reopen,
} from '../commands/checking.js'
import type { ServerContext } from '../context.js'
import { authorise } from './caller.js'
import { validate } from './validate.js'

const CommentBody = v.object({
  itemId: v.nullable(v.pipe(v.string(), v.maxLength(64))),
  text: v.pipe(v.string(), v.maxLength(10_000)),
})

const ReopenBody = v.object({ reason: v.pipe(v.string(), v.maxLength(10_000)) })

/**
 * `/api/events/{id}/plenary/check/…`: the minute-checkers' comments and approval;
 * `/api/events/{id}/plenary/minutes/…`: the organiser's reopening, the hashed content.
 */
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

  app.post(`${base}/approve`, async (c) => {
    const caller = await authorise(ctx, c, c.req.param('id'), 'minutes.check')
    return c.json(await approve(ctx, caller))
  })

  app.post('/:id/plenary/minutes/reopen', validate('json', ReopenBody), async (c) => {
    const caller = await authorise(ctx, c, c.req.param('id'), 'minutes.reopen')
    return c.json(await reopen(ctx, caller, c.req.valid('json').reason))
  })

  app.get('/:id/plenary/minutes/content', async (c) => {
    const caller = await authorise(ctx, c, c.req.param('id'), 'minutes.read')
    return c.json(await currentContent(ctx, caller.holder.eventId))
  })

  return app
}
