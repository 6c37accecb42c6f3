import type { Summary } from '@hytepaja/shared/summary/summary'
import { fetchFile } from './files'
import { type ActionFilter, filterQuery } from './followUp'
import { requestJson } from './http'

export type { Summary }

export const SUMMARY_FILES = ['csv', 'xlsx', 'html', 'docx', 'pdf'] as const
export type SummaryFile = (typeof SUMMARY_FILES)[number]
export const SUMMARY_LANGUAGES = ['fi', 'sv'] as const
export type SummaryLanguage = (typeof SUMMARY_LANGUAGES)[number]

/** `GET /api/summaries` (console key): the decided actions of a range, per municipality group. */
export function fetchSummary(token: string, filter: ActionFilter, signal?: AbortSignal) {
  return requestJson<Summary>(`/api/summaries${filterQuery(filter)}`, { token, signal })
}

/** The same summary as a file (CSV, XLSX or the report), in Finnish or Swedish. */
export function fetchSummaryFile(
  token: string,
  filter: ActionFilter,
  format: SummaryFile,
  lang: SummaryLanguage,
) {
  return fetchFile(
    `/api/summaries${filterQuery(filter, { format, lang })}`,
    token,
    `kooste.${format}`,
  )
}
