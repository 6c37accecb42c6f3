import { buildMinutes } from '@hytepaja/shared/minutes/build'
import { MINUTES_LANGUAGES, type MinutesLanguage } from '@hytepaja/shared/minutes/model'
import { Hono } from 'hono'
import type { ServerContext } from '../context.js'
import {
  CONTENT_TYPES,
  contentDisposition,
  MINUTES_FORMATS,
  type MinutesFormat,
  renderMinutes,
} from '../minutes/render.js'
import { loadMinutesSource } from '../minutes/source.js'
import { authorise } from './caller.js'
import { ApiError, notFound } from './errors.js'

// The contract's two languages; the model has English too, for the preview only.
const FILE_LANGUAGES: readonly MinutesLanguage[] = ['fi', 'sv']

function pick<T extends string>(value: string | undefined, allowed: readonly T[], name: string) {
  if (value !== undefined && !(allowed as readonly string[]).includes(value)) {
    throw new ApiError(
      400,
      `minutes.${name}.invalid`,
      `${name} must be one of ${allowed.join(', ')}`,
    )
  }
  return value as T | undefined
}

/**
 * `GET /api/events/{id}/minutes?format=html|docx|pdf&lang=fi|sv`: the minutes as they stand,
 * as a file. `format=json` answers the model itself (in `en` too) for the on-screen preview of
 * readers who may not list the attendance (a minute-checker's phone).
 */
export function minutesRoutes(ctx: ServerContext) {
  const app = new Hono()
  app.get('/:id/minutes', async (c) => {
    const eventId = c.req.param('id')
    await authorise(ctx, c, eventId, 'minutes.read')
    const asked = c.req.query('format') ?? 'html'
    const preview = asked === 'json'
    const format = preview ? null : pick<MinutesFormat>(asked, MINUTES_FORMATS, 'format')
    const requested = pick(
      c.req.query('lang'),
      preview ? MINUTES_LANGUAGES : FILE_LANGUAGES,
      'lang',
    )
    const source = await loadMinutesSource(ctx, eventId)
    if (!source) throw notFound('event')
    const lang =
      requested ?? (MINUTES_LANGUAGES.includes(source.meta.language) ? source.meta.language : 'fi')
    const minutes = buildMinutes(source, lang)
    if (!format) return c.json(minutes)
    const body = await renderMinutes(minutes, format)
    return c.body(body as Uint8Array<ArrayBuffer>, 200, {
      'Content-Type': CONTENT_TYPES[format],
      'Content-Disposition': contentDisposition(minutes.fileStem, format),
      'X-Content-Type-Options': 'nosniff',
    })
  })
  return app
}
