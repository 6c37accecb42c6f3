import type { IntlShape } from 'react-intl'

/** A calendar date "YYYY-MM-DD" as the language writes it ("6. joulukuuta 2026"). */
export function formatCalendarDate(intl: IntlShape, date: string): string {
  return intl.formatDate(`${date}T00:00:00Z`, { dateStyle: 'long', timeZone: 'UTC' })
}

/** A moment (ms) as a date in the language ("6. joulukuuta 2026"). */
export function formatDay(intl: IntlShape, at: number): string {
  return intl.formatDate(at, { dateStyle: 'long' })
}
