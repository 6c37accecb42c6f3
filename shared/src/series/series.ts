import type { AgendaItem, Group } from '../doc/schema/event.js'
import { groupSubItems } from '../domain/agenda.js'
import { byOrder } from '../domain/agendaNumbers.js'
import { DomainError } from '../domain/errors.js'
import { finnishOffsetText, finnishWallClock } from '../domain/finnishClock.js'
import { newId } from '../ids.js'
import { cleanOrganisationName, nameKey } from '../register/organisations.js'
import { cleanText } from '../validation/text.js'

/**
 * Partnership groups (kumppanuusryhmät, Pohjois-Karjala): a named group of municipalities and
 * member organisations that meets 2–4 times a year between the annual negotiations, on a set
 * of themes. Each meeting is an event of the series; the next one is made from the last.
 */

export const MAX_SERIES = 200
export const MAX_SERIES_NAME = 120
export const MIN_CADENCE = 2
export const MAX_CADENCE = 4
export const MAX_THEMES = 8
export const MAX_THEME = 100
export const MAX_SERIES_MUNICIPALITIES = 40
export const MAX_SERIES_MEMBERS = 100
/** Ten years at the highest cadence and some extra meetings. */
export const MAX_MEETINGS = 60

export interface SeriesInput {
  name?: unknown
  cadence?: unknown
  themes?: unknown
  municipalities?: unknown
  members?: unknown
  municipalityGroupId?: unknown
}

export interface CleanSeries {
  name?: string
  /** Meetings a year. */
  cadence?: number
  themes?: string[]
  /** Names of the register's organisations (municipalities; members of any kind). */
  municipalities?: string[]
  members?: string[]
  municipalityGroupId?: string | null
}

function cleanNames(list: unknown, field: string, max: number): string[] {
  if (!Array.isArray(list) || list.length > max)
    throw new DomainError(`series.${field}.invalid`, `a list of at most ${max} names`)
  const seen = new Set<string>()
  const out: string[] = []
  for (const raw of list) {
    const name = cleanOrganisationName(raw, `series.${field}`)
    if (seen.has(nameKey(name))) continue
    seen.add(nameKey(name))
    out.push(name)
  }
  return out
}

export function cleanSeries(input: SeriesInput, { partial = false } = {}): CleanSeries {
  const out: CleanSeries = {}
  const given = (value: unknown) => value !== undefined || !partial
  if (given(input.name))
    out.name = cleanText(input.name, 'series.name', MAX_SERIES_NAME).replace(/\s+/g, ' ')
  if (given(input.cadence)) {
    const cadence = input.cadence
    if (
      typeof cadence !== 'number' ||
      !Number.isInteger(cadence) ||
      cadence < MIN_CADENCE ||
      cadence > MAX_CADENCE
    )
      throw new DomainError(
        'series.cadence.invalid',
        `cadence is ${MIN_CADENCE}–${MAX_CADENCE} meetings a year`,
      )
    out.cadence = cadence
  }
  if (input.themes !== undefined) {
    const themes = input.themes
    if (!Array.isArray(themes) || themes.length > MAX_THEMES)
      throw new DomainError('series.themes.invalid', `a list of at most ${MAX_THEMES} themes`)
    const clean = themes.map((t) => cleanText(t, 'series.theme', MAX_THEME))
    out.themes = [...new Set(clean)]
  } else if (!partial) out.themes = []
  if (given(input.municipalities))
    out.municipalities = cleanNames(
      input.municipalities ?? [],
      'municipalities',
      MAX_SERIES_MUNICIPALITIES,
    )
  if (given(input.members))
    out.members = cleanNames(input.members ?? [], 'members', MAX_SERIES_MEMBERS)
  if (input.municipalityGroupId !== undefined) {
    const id = input.municipalityGroupId
    if (id !== null && (typeof id !== 'string' || !/^[A-Za-z0-9_-]{1,64}$/.test(id)))
      throw new DomainError('series.municipalityGroup.invalid', 'an id or null')
    out.municipalityGroupId = id
  }
  return out
}

/**
 * A wall-clock day and time in Helsinki (the counties' clocks: a meeting keeps its time of day
 * across daylight saving time) as an ISO-8601 instant with its offset then.
 */
function helsinkiInstant(year: number, month: number, day: number, time: string): string {
  const date = new Date(Date.UTC(year, month, day))
  const ymd = date.toISOString().slice(0, 10)
  // The offset at that wall time: guessed from noon UTC that day, then checked once.
  let offset = finnishOffsetText(Date.parse(`${ymd}T12:00:00Z`))
  const fixed = finnishOffsetText(Date.parse(`${ymd}T${time}${offset}`))
  if (fixed !== offset) offset = fixed
  return `${ymd}T${time}${offset}`
}

/**
 * When the next meeting would be: the last one's day moved on by the cadence's interval
 * (12 / cadence months) at the same time of day in Helsinki (daylight saving time or not);
 * never in the past (a paused series moves on by whole intervals). A series without
 * meetings suggests four weeks from `now` at 09:00.
 */
export function nextMeetingStart(lastStartsAt: string | null, cadence: number, now: Date): string {
  const months = Math.round(12 / cadence)
  if (!lastStartsAt) {
    const day = new Date(now.getTime() + 28 * 86_400_000)
    return helsinkiInstant(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate(), '09:00:00')
  }
  const last = Date.parse(lastStartsAt)
  // The last meeting's wall-clock day and time in Helsinki.
  const clock = finnishWallClock(last)
  const time = clock.toISOString().slice(11, 19)
  let step = 1
  let next = ''
  do {
    next = helsinkiInstant(
      clock.getUTCFullYear(),
      clock.getUTCMonth() + months * step,
      clock.getUTCDate(),
      time,
    )
    step++
  } while (Date.parse(next) < now.getTime())
  return next
}

/**
 * The next meeting's agenda from the last one's: every top-level item as it was (titles,
 * kinds, times, presenters), without the decisions' group sub-items (made again for the new
 * groups) and without the last follow-up item (the new meeting gets its own); new ids.
 */
export function agendaForNextMeeting(
  last: AgendaItem[],
  groups: Group[],
  leaveOut: Set<string>,
): AgendaItem[] {
  const top = last
    .filter((i) => i.parentId === null && !leaveOut.has(i.id))
    .sort(byOrder)
    .map((item, order) => ({ ...item, id: newId(10), order, groupId: null }))
  const decisionIndex = top.findIndex((i) => i.kind === 'decision')
  const decision = top[decisionIndex]
  if (!decision) return top
  return [...top, ...groupSubItems(decision.id, groups)]
}
