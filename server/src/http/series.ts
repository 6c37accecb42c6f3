import { isIsoDateTime } from '@hytepaja/shared/domain/event'
import { cleanText } from '@hytepaja/shared/validation/text'
import { Hono } from 'hono'
import * as v from 'valibot'
import {
  attachMeeting,
  createSeries,
  editSeries,
  listSeriesViews,
  newMeeting,
  removeSeries,
  seriesPage,
} from '../commands/series.js'
import type { ServerContext } from '../context.js'
import { CONSOLE_ACTOR, requireConsoleKey } from './consoleKey.js'
import { validate } from './validate.js'

// Outer bounds only; the shared rules (shared/series/series.ts) give each field its limit and
// its error code.
const text = (max: number) => v.pipe(v.string(), v.maxLength(max))
const names = v.pipe(v.array(text(1000)), v.maxLength(500))
const SeriesBody = v.object({
  name: v.optional(text(1000)),
  cadence: v.optional(v.unknown()),
  themes: v.optional(v.pipe(v.array(text(1000)), v.maxLength(100))),
  municipalities: v.optional(names),
  members: v.optional(names),
  municipalityGroupId: v.optional(v.nullable(text(64))),
})
const MeetingBody = v.object({
  title: v.optional(
    v.pipe(
      v.string(),
      v.transform((raw) => cleanText(raw, 'event.title', 200)),
    ),
  ),
  startsAt: v.optional(
    v.pipe(v.string(), v.check(isIsoDateTime, 'must be an ISO-8601 date, or date and time')),
  ),
  place: v.optional(
    v.nullable(
      v.pipe(
        v.string(),
        v.transform((raw) => cleanText(raw, 'event.place', 200, { allowEmpty: true })),
      ),
    ),
  ),
})

/** Partnership groups (`/api/series…`, console key): series of recurring meetings. */
export function seriesRoutes(ctx: ServerContext) {
  const app = new Hono()
  for (const path of ['/series', '/series/*']) app.use(path, requireConsoleKey(ctx))

  app.get('/series', async (c) => c.json({ series: await listSeriesViews(ctx) }))
  app.post('/series', validate('json', SeriesBody), async (c) =>
    c.json({ series: await createSeries(ctx, CONSOLE_ACTOR, c.req.valid('json')) }, 201),
  )
  app.get('/series/:seriesId', async (c) => c.json(await seriesPage(ctx, c.req.param('seriesId'))))
  app.patch('/series/:seriesId', validate('json', SeriesBody), async (c) =>
    c.json({
      series: await editSeries(ctx, CONSOLE_ACTOR, c.req.param('seriesId'), c.req.valid('json')),
    }),
  )
  app.delete('/series/:seriesId', async (c) => {
    await removeSeries(ctx, CONSOLE_ACTOR, c.req.param('seriesId'))
    return c.body(null, 204)
  })
  app.post('/series/:seriesId/meetings', validate('json', MeetingBody), async (c) => {
    const created = await newMeeting(
      ctx,
      CONSOLE_ACTOR,
      c.req.param('seriesId'),
      c.req.valid('json'),
    )
    ctx.log.info({ eventId: created.id, seriesId: created.seriesId }, 'series meeting created')
    return c.json(created, 201)
  })
  app.put('/series/:seriesId/meetings/:eventId', async (c) => {
    await attachMeeting(ctx, CONSOLE_ACTOR, c.req.param('seriesId'), c.req.param('eventId'), true)
    return c.json(await seriesPage(ctx, c.req.param('seriesId')))
  })
  app.delete('/series/:seriesId/meetings/:eventId', async (c) => {
    await attachMeeting(ctx, CONSOLE_ACTOR, c.req.param('seriesId'), c.req.param('eventId'), false)
    return c.body(null, 204)
  })
  return app
}
