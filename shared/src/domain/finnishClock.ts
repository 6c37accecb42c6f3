/**
 * Finnish clocks (Europe/Helsinki) without Intl: UTC+2, and UTC+3 from the last Sunday of March
 * at 01:00 UTC to the last Sunday of October at 01:00 UTC, the EU's summer time, Finland's rule
 * since 1996. Instants before 1996 are asked from Intl.
 *
 * Why not Intl.DateTimeFormat for every instant: the first one a process makes loads ICU's date
 * formatting and time zone data, and the server kept ~8 MB more memory for reading an hour and a
 * minute when an event was created (6.4 MB of the node binary's pages, 1.7 MB of C heap; README
 * "Where the memory goes"). finnishClock.test.ts compares the rule with the runtime's time zone
 * data around every change up to 2040: if Finland's clocks ever change rules, that test fails.
 */
export const FINNISH_TIME_ZONE = 'Europe/Helsinki'

const RULE_SINCE_YEAR = 1996
const MINUTE = 60_000

/** The last Sunday of a month (0-based) at 01:00 UTC, when the EU's clocks change. */
function lastSundayAtOneUtc(year: number, month: number): number {
  const lastDay = new Date(Date.UTC(year, month + 1, 0))
  return Date.UTC(year, month, lastDay.getUTCDate() - lastDay.getUTCDay(), 1)
}

let offsetFormat: Intl.DateTimeFormat | null = null

/** The offset as the runtime's time zone data has it ("GMT+02:00" → 120). */
function offsetFromIntl(utcMillis: number): number {
  offsetFormat ??= new Intl.DateTimeFormat('en-US', {
    timeZone: FINNISH_TIME_ZONE,
    timeZoneName: 'longOffset',
  })
  const name = offsetFormat.formatToParts(utcMillis).find((p) => p.type === 'timeZoneName')
  const m = /([+-])(\d{2}):(\d{2})/.exec(name?.value ?? '')
  if (!m) return 0
  return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3]))
}

/** How many minutes Finnish clocks are ahead of UTC at an instant: 120 or 180. */
export function finnishOffsetMinutes(utcMillis: number): number {
  const year = new Date(utcMillis).getUTCFullYear()
  if (year < RULE_SINCE_YEAR) return offsetFromIntl(utcMillis)
  const summer = utcMillis >= lastSundayAtOneUtc(year, 2) && utcMillis < lastSundayAtOneUtc(year, 9)
  return summer ? 180 : 120
}

/** The offset as ISO-8601 writes it: "+02:00", "+03:00". */
export function finnishOffsetText(utcMillis: number): string {
  const minutes = finnishOffsetMinutes(utcMillis)
  const abs = Math.abs(minutes)
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${minutes < 0 ? '-' : '+'}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`
}

/**
 * What a Finnish clock and calendar show at an instant, as a Date whose UTC fields
 * (getUTCHours, getUTCDate, …) are the Finnish ones.
 */
export function finnishWallClock(utcMillis: number): Date {
  return new Date(utcMillis + finnishOffsetMinutes(utcMillis) * MINUTE)
}
