import { AGE_GROUPS, type AgeGroup } from '@hytepaja/shared/doc/schema/board'
import type { ActionFilter } from '../../api/followUp'

/**
 * The summary page's filter as it lives in the address (`?year=2026&group=…&theme=…`), so a
 * reload or a link sent to a colleague shows the same summary. Values that the address cannot
 * mean are left out here; the server checks what is left (`summary.*.invalid`).
 */
export interface SummaryForm {
  period: 'year' | 'range'
  year: string
  from: string
  to: string
  /** '' for every group side by side, 'none' for the events of no group. */
  group: string
  theme: string
  organisationId: string
  ageGroup: AgeGroup | ''
}

export function formFromSearch(search: URLSearchParams, thisYear: number): SummaryForm {
  const from = search.get('from') ?? ''
  const to = search.get('to') ?? ''
  const ageGroup = search.get('ageGroup') ?? ''
  return {
    period: from || to ? 'range' : 'year',
    year: search.get('year') ?? String(thisYear),
    from,
    to,
    group: search.get('group') ?? '',
    theme: search.get('theme') ?? '',
    organisationId: search.get('organisationId') ?? '',
    ageGroup: (AGE_GROUPS as readonly string[]).includes(ageGroup) ? (ageGroup as AgeGroup) : '',
  }
}

export function searchFromForm(form: SummaryForm): Record<string, string> {
  const out: Record<string, string> = {}
  if (form.period === 'year') out.year = form.year
  else {
    if (form.from) out.from = form.from
    if (form.to) out.to = form.to
  }
  if (form.group) out.group = form.group
  if (form.theme) out.theme = form.theme
  if (form.organisationId) out.organisationId = form.organisationId
  if (form.ageGroup) out.ageGroup = form.ageGroup
  return out
}

/** What the server is asked for (`GET /api/summaries`, `GET /api/actions/unreported`). */
export function filterOf(form: SummaryForm): ActionFilter {
  return {
    ...(form.period === 'year' ? { year: form.year } : { from: form.from, to: form.to }),
    ...(form.group ? { municipalityGroupId: form.group } : {}),
    ...(form.theme ? { theme: form.theme } : {}),
    ...(form.organisationId ? { organisationId: form.organisationId } : {}),
    ...(form.ageGroup ? { ageGroup: form.ageGroup } : {}),
  }
}

/** The years a person can pick: a few back and the next one (an event planned ahead). */
export function yearChoices(thisYear: number, chosen: string): string[] {
  const years = new Set<string>()
  for (let y = thisYear + 1; y >= thisYear - 5; y--) years.add(String(y))
  if (/^\d{4}$/.test(chosen)) years.add(chosen)
  return [...years].sort().reverse()
}
