import { LANGUAGE_TAGS, type MinutesLanguage } from './model.js'

/** The negotiations are Finnish meetings: times are shown on Finnish clocks wherever rendered. */
export const DEFAULT_TIME_ZONE = 'Europe/Helsinki'

export interface DateFormatter {
  /** "torstai 12. syyskuuta 2024", "torsdag 12 september 2024" */
  longDate(at: Date): string
  /** "12.9.2024" */
  shortDate(at: Date): string
  /** "9.00" */
  time(at: Date): string
  /** A wall-clock "HH:MM" as the language writes it ("10.15") */
  timeOfDay(hhmm: string): string
  /** "A, B ja C" */
  list(items: string[]): string
}

export function dateFormatter(lang: MinutesLanguage, timeZone = DEFAULT_TIME_ZONE): DateFormatter {
  const tag = LANGUAGE_TAGS[lang]
  // Weekday apart: Finnish puts a full date with weekday in the essive ("torstaina 12. …"),
  // minutes head a day in the nominative ("torstai 12. syyskuuta 2024").
  const weekday = new Intl.DateTimeFormat(tag, { weekday: 'long', timeZone })
  const date = new Intl.DateTimeFormat(tag, {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone,
  })
  const short = new Intl.DateTimeFormat(tag, {
    day: 'numeric',
    month: 'numeric',
    year: 'numeric',
    timeZone,
  })
  const clock = new Intl.DateTimeFormat(tag, { hour: 'numeric', minute: '2-digit', timeZone })
  const wall = new Intl.DateTimeFormat(tag, { hour: 'numeric', minute: '2-digit', timeZone: 'UTC' })
  const list = new Intl.ListFormat(tag, { type: 'conjunction' })
  return {
    longDate: (at) => `${weekday.format(at)} ${date.format(at)}`,
    shortDate: (at) => short.format(at),
    time: (at) => clock.format(at),
    timeOfDay: (hhmm) => {
      const [hours = 0, minutes = 0] = hhmm.split(':').map(Number)
      return wall.format(Date.UTC(2000, 0, 1, hours, minutes))
    },
    list: (items) => list.format(items),
  }
}

// Making an Intl.DateTimeFormat costs ~0.1 ms (its locale and time zone data are looked up);
// a summary asks for a day per action and event, so each time zone's is made once.
const dayFormats = new Map<string, Intl.DateTimeFormat>()

/** "2024-09-12" on the meeting's clock, for file names and the summaries' ranges. */
export function isoDay(at: Date, timeZone = DEFAULT_TIME_ZONE): string {
  let format = dayFormats.get(timeZone)
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', {
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      timeZone,
    })
    dayFormats.set(timeZone, format)
  }
  return format.format(at)
}
