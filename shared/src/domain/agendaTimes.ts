import { finnishWallClock } from './finnishClock.js'

/**
 * The agenda template's times fitted to the event: the template is a day of 09:00–15:00, and an
 * evening event at 17–19 gets the same proportions of its own two hours, rounded to 5 minutes.
 */

const DAY = 24 * 60
const ISO_ZONE = /(?:Z|[+-]\d{2}:?\d{2})$/i
const ISO_TIME = /T(\d{2}):(\d{2})/

const pad = (n: number) => String(n).padStart(2, '0')

/** "HH:MM" of minutes after midnight (wrapping past it). */
export function hhmm(minutes: number): string {
  const m = ((Math.round(minutes) % DAY) + DAY) % DAY
  return `${pad(Math.floor(m / 60))}:${pad(m % 60)}`
}

/** "09:20" as 560. */
export function minutesOf(time: string): number {
  const [hours = 0, minutes = 0] = time.split(':').map(Number)
  return hours * 60 + minutes
}

/**
 * The time of day of an ISO-8601 time on Finnish clocks (the negotiations are Finnish
 * meetings), in minutes after midnight; null for a date without a time. A time without a zone
 * is taken as written (already a wall clock).
 */
export function minutesOfDay(iso: string): number | null {
  const time = ISO_TIME.exec(iso)
  if (!time) return null
  if (!ISO_ZONE.test(iso)) return Number(time[1]) * 60 + Number(time[2])
  const at = Date.parse(iso)
  if (Number.isNaN(at)) return null
  const clock = finnishWallClock(at)
  return clock.getUTCHours() * 60 + clock.getUTCMinutes()
}

export interface TemplateDay {
  /** The template's own day, "HH:MM". */
  start: string
  end: string
}

/**
 * The template's times (`null` where an item has none) moved into the event's start and end,
 * keeping each time's place in the day: the item at the template's start starts when the
 * event does, the others are rounded to 5 minutes and stay within the event. With a start but
 * no end (or an end not after the start, or more than a day later) only that first item gets
 * a time; an event without a time of day gets none.
 */
export function fitTemplateTimes(
  template: ReadonlyArray<string | null>,
  day: TemplateDay,
  startsAt: string | null,
  endsAt: string | null,
): Array<string | null> {
  const start = startsAt ? minutesOfDay(startsAt) : null
  if (start === null) return template.map(() => null)
  const span =
    endsAt && minutesOfDay(endsAt) !== null
      ? (Date.parse(endsAt) - Date.parse(startsAt as string)) / 60_000
      : Number.NaN
  const dayStart = minutesOf(day.start)
  const daySpan = minutesOf(day.end) - dayStart
  return template.map((time) => {
    if (time === null) return null
    const offset = minutesOf(time) - dayStart
    // The item the day opens with starts when the event does, to the minute.
    if (offset === 0) return hhmm(start)
    if (!(span > 0 && span <= DAY)) return null
    const rounded = Math.round((start + (offset * span) / daySpan) / 5) * 5
    return hhmm(Math.min(start + span, Math.max(start, rounded)))
  })
}
