import { LANGUAGES } from '@hytepaja/shared/doc/schema/event'
import { isIsoDateTime } from '@hytepaja/shared/domain/event'
import { cleanText } from '@hytepaja/shared/validation/text'
import { Hono } from 'hono'
import * as v from 'valibot'
import { createEvent } from '../commands/events.js'
import type { ServerContext } from '../context.js'
import { listEvents } from '../store/events.js'
import { requireConsoleKey } from './consoleKey.js'
import { validate } from './validate.js'

// The shared text rules (trimmed, no control or invisible characters, counted as people see
// them); a text that breaks them answers 400 with the rule's code.
const text = (field: string, max: number) =>
  v.pipe(
    v.string(),
    v.transform((raw) => cleanText(raw, field, max)),
  )
const optionalText = (field: string, max: number) =>
  v.pipe(
    v.string(),
    v.transform((raw) => cleanText(raw, field, max, { allowEmpty: true })),
  )
// A version in Finnish or Swedish beside a text (bilingual counties): null or empty = none;
// the command refuses one in the event's own language.
const version = (field: string, max: number) => v.optional(v.nullable(optionalText(field, max)))
const isoDate = v.pipe(
  v.string(),
  v.check(isIsoDateTime, 'must be an ISO-8601 date, or date and time'),
)
const webUrl = v.pipe(
  v.string(),
  v.url(),
  v.check((u) => /^https?:\/\//i.test(u), 'must be an http(s) link'),
  v.maxLength(2000),
)

export const CreateEventBody = v.object({
  title: text('event.title', 200),
  titleFi: version('event.titleFi', 200),
  titleSv: version('event.titleSv', 200),
  municipalities: v.pipe(v.array(text('event.municipality', 100)), v.maxLength(40)),
  startsAt: isoDate,
  endsAt: v.optional(v.nullable(isoDate)),
  place: v.optional(v.nullable(optionalText('event.place', 200))),
  remoteUrl: v.optional(v.nullable(webUrl)),
  language: v.optional(v.picklist(LANGUAGES)),
  groups: v.optional(
    v.pipe(
      v.array(
        v.object({
          name: text('group.name', 100),
          nameFi: version('group.nameFi', 100),
          nameSv: version('group.nameSv', 100),
          description: v.optional(optionalText('group.description', 500)),
          descriptionFi: version('group.descriptionFi', 500),
          descriptionSv: version('group.descriptionSv', 500),
          facilitators: v.optional(
            v.pipe(v.array(text('group.facilitator', 100)), v.maxLength(10)),
          ),
        }),
      ),
      v.minLength(1),
      v.maxLength(12),
    ),
  ),
  municipalityGroupId: v.optional(v.nullable(v.pipe(v.string(), v.maxLength(64)))),
})

/** Routes of the organisers' console key (ADMIN_TOKEN). */
export function adminRoutes(ctx: ServerContext) {
  const app = new Hono()
  // Only these two routes: /api/events/{id}/… carries event tokens, not the console key.
  const requireAdmin = requireConsoleKey(ctx)
  app.post('/', requireAdmin, validate('json', CreateEventBody), async (c) => {
    const created = await createEvent(ctx, c.req.valid('json'), { role: 'admin', id: 'admin' })
    ctx.log.info({ eventId: created.id }, 'event created')
    return c.json(created, 201)
  })
  app.get('/', requireAdmin, async (c) => {
    const rows = await listEvents(ctx.db)
    return c.json({
      events: rows.map((r) => ({
        id: r.id,
        title: r.title,
        startsAt: r.starts_at,
        joinCode: r.join_code,
        municipalityGroupId: r.municipality_group_id,
        seriesId: r.series_id,
      })),
    })
  })
  return app
}
