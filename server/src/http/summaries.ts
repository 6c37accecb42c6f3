import { isoDay } from '@hytepaja/shared/minutes/dates'
import { labelsFor } from '@hytepaja/shared/minutes/labels'
import type { MinutesLanguage } from '@hytepaja/shared/minutes/model'
import { CSV_SEPARATORS, type CsvSeparator, toCsv } from '@hytepaja/shared/summary/csv'
import { readFilter } from '@hytepaja/shared/summary/filters'
import { buildSummaryReport, summaryFileStem } from '@hytepaja/shared/summary/report'
import { summaryTable } from '@hytepaja/shared/summary/table'
import { Hono } from 'hono'
import { loadSummary } from '../commands/summaries.js'
import type { ServerContext } from '../context.js'
import { CONTENT_TYPES, contentDisposition, renderMinutes } from '../minutes/render.js'
import { requireConsoleKey } from './consoleKey.js'
import { ApiError } from './errors.js'

export const SUMMARY_FORMATS = ['json', 'csv', 'xlsx', 'html', 'docx', 'pdf'] as const
type SummaryFormat = (typeof SUMMARY_FORMATS)[number]
const FILE_LANGUAGES: readonly MinutesLanguage[] = ['fi', 'sv']

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

function pick<T extends string>(value: string | undefined, allowed: readonly T[], name: string) {
  if (value !== undefined && value !== '' && !(allowed as readonly string[]).includes(value))
    throw new ApiError(
      400,
      `summary.${name}.invalid`,
      `${name} must be one of ${allowed.join(', ')}`,
    )
  return (value || undefined) as T | undefined
}

/**
 * `GET /api/summaries` (console key): the summary (kooste) of agreed actions for a year or a
 * range, one municipality group or all side by side, as JSON or as a download (CSV, XLSX, or
 * a report in Finnish or Swedish drawn by the minutes' renderers).
 */
export function summaryRoutes(ctx: ServerContext) {
  const app = new Hono()
  app.use('/summaries', requireConsoleKey(ctx))
  app.get('/summaries', async (c) => {
    const query = c.req.query()
    const format = pick(query.format, SUMMARY_FORMATS, 'format') ?? 'json'
    const lang = pick(query.lang, FILE_LANGUAGES, 'lang') ?? 'fi'
    const separator =
      pick(query.separator, Object.keys(CSV_SEPARATORS) as CsvSeparator[], 'separator') ??
      'semicolon'
    const summary = await loadSummary(ctx, readFilter(query, isoDay(new Date())))
    if (format === 'json') return c.json(summary)
    const stem = summaryFileStem(summary, lang)
    const headers = (type: string, extension: string) => ({
      'Content-Type': type,
      'Content-Disposition': contentDisposition(stem, extension),
      'X-Content-Type-Options': 'nosniff',
    })
    if (format === 'csv') {
      const csv = toCsv(summaryTable(summary, lang), separator)
      return c.body(csv, 200, headers('text/csv; charset=utf-8', 'csv'))
    }
    if (format === 'xlsx') {
      const { renderXlsx } = await import('../summary/xlsx.js')
      const body = await renderXlsx(summaryTable(summary, lang), labelsFor(lang)('summary.sheet'))
      return c.body(body as Uint8Array<ArrayBuffer>, 200, headers(XLSX_TYPE, 'xlsx'))
    }
    const report = buildSummaryReport(summary, lang)
    const body = await renderMinutes(
      report,
      format as Exclude<SummaryFormat, 'json' | 'csv' | 'xlsx'>,
    )
    return c.body(body as Uint8Array<ArrayBuffer>, 200, headers(CONTENT_TYPES[format], format))
  })
  return app
}
