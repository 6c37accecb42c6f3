import { AGE_GROUPS, type AgeGroup } from '../doc/schema/board.js'
import { DomainError } from '../domain/errors.js'
import { isIsoDateTime } from '../domain/event.js'
import type { ActionView } from '../followUp/actionViews.js'
import { isoDay } from '../minutes/dates.js'
import { nameKey } from '../register/organisations.js'

/**
 * Which decided actions a summary (kooste) covers: the events held in a date range (a year,
 * by default), one municipality group or all of them, and optionally one theme, one
 * responsible organisation or one age group.
 */
export interface SummaryFilter {
  /** First and last day, "YYYY-MM-DD", both included, on Finnish clocks. */
  from: string
  to: string
  /** A group's id; `none` for events of no group; undefined for all groups side by side. */
  municipalityGroupId?: string
  /** A theme (workshop group) as named, compared without case and punctuation. */
  theme?: string
  /** An organisation as it counts now (merges followed). */
  organisationId?: string
  ageGroup?: AgeGroup
}

export interface SummaryQuery {
  year?: string
  from?: string
  to?: string
  municipalityGroupId?: string
  theme?: string
  organisationId?: string
  ageGroup?: string
}

const DAY = /^\d{4}-\d{2}-\d{2}$/

function day(value: string, field: string): string {
  if (!DAY.test(value) || !isIsoDateTime(value))
    throw new DomainError(`summary.${field}.invalid`, `${field} must be a day, YYYY-MM-DD`)
  return value
}

/**
 * The filter a query asks for: `year` (default: the current year) or `from` and `to`; an
 * empty value is no filter. Throws `DomainError` (400) for what cannot be read.
 */
export function readFilter(query: SummaryQuery, today: string): SummaryFilter {
  let from: string
  let to: string
  if (query.from || query.to) {
    if (query.year) throw new DomainError('summary.range.invalid', 'give a year or a range')
    from = day(query.from ?? '', 'from')
    to = day(query.to ?? '', 'to')
    if (from > to) throw new DomainError('summary.range.invalid', 'the range ends before it starts')
  } else {
    const year = query.year || today.slice(0, 4)
    if (!/^\d{4}$/.test(year)) throw new DomainError('summary.year.invalid', 'a year, e.g. 2025')
    from = `${year}-01-01`
    to = `${year}-12-31`
  }
  const ageGroup = query.ageGroup || undefined
  if (ageGroup !== undefined && !(AGE_GROUPS as readonly string[]).includes(ageGroup))
    throw new DomainError('summary.ageGroup.invalid', 'unknown age group')
  return {
    from,
    to,
    municipalityGroupId: query.municipalityGroupId || undefined,
    theme: query.theme?.trim() || undefined,
    organisationId: query.organisationId || undefined,
    ageGroup: ageGroup as AgeGroup | undefined,
  }
}

/** The day an event was held on, on Finnish clocks ("" when its time cannot be read). */
export function eventDay(startsAt: string): string {
  const at = new Date(startsAt)
  return Number.isNaN(at.getTime()) ? '' : isoDay(at)
}

/** Whether an event of that start and municipality group falls in the filter. */
export function coversEvent(
  filter: SummaryFilter,
  event: { startsAt: string; municipalityGroupId: string | null },
): boolean {
  const held = eventDay(event.startsAt)
  if (!held || held < filter.from || held > filter.to) return false
  if (filter.municipalityGroupId === undefined) return true
  if (filter.municipalityGroupId === 'none') return event.municipalityGroupId === null
  return event.municipalityGroupId === filter.municipalityGroupId
}

/** Whether an action falls in the filter (its event, theme, organisation and age group). */
export function coversAction(filter: SummaryFilter, view: ActionView): boolean {
  if (!coversEvent(filter, view.event)) return false
  if (filter.theme !== undefined && nameKey(view.theme) !== nameKey(filter.theme)) return false
  if (
    filter.organisationId !== undefined &&
    !view.responsible.some((p) => p.organisationId === filter.organisationId)
  )
    return false
  if (filter.ageGroup !== undefined && !view.ageGroups.includes(filter.ageGroup)) return false
  return true
}
