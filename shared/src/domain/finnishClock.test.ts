import { describe, expect, it } from 'vitest'
import {
  FINNISH_TIME_ZONE,
  finnishOffsetMinutes,
  finnishOffsetText,
  finnishWallClock,
} from './finnishClock.js'

const HOUR = 3_600_000

/** What the runtime's time zone data shows on a Finnish clock: "2026-03-29 04:00". */
const intlClock = new Intl.DateTimeFormat('en-CA', {
  timeZone: FINNISH_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
})
const shownByIntl = (at: number) => intlClock.format(at).replace(',', '')
const shownByRule = (at: number) =>
  finnishWallClock(at).toISOString().slice(0, 16).replace('T', ' ')

describe('Finnish clocks', () => {
  it('agree with the time zone data every hour around each change, 1996–2040', () => {
    const disagreements: string[] = []
    for (let year = 1996; year <= 2040; year++) {
      for (const month of [2, 9]) {
        // Every hour from the 20th of March or October to the 5th of the next month.
        const from = Date.UTC(year, month, 20)
        for (let at = from; at < from + 16 * 24 * HOUR; at += HOUR / 2) {
          if (shownByRule(at) !== shownByIntl(at)) {
            disagreements.push(
              `${new Date(at).toISOString()}: ${shownByRule(at)} / ${shownByIntl(at)}`,
            )
          }
        }
      }
    }
    expect(disagreements).toEqual([])
  })

  it('agree with the time zone data at noon on every day of 2025–2028', () => {
    const disagreements: string[] = []
    for (let at = Date.UTC(2025, 0, 1, 12); at < Date.UTC(2029, 0, 1); at += 24 * HOUR) {
      if (shownByRule(at) !== shownByIntl(at)) disagreements.push(new Date(at).toISOString())
    }
    expect(disagreements).toEqual([])
  })

  it('go forward at 03:00 and back at 04:00 on the last Sundays of March and October', () => {
    expect(shownByRule(Date.parse('2026-03-29T00:59:00Z'))).toBe('2026-03-29 02:59')
    expect(shownByRule(Date.parse('2026-03-29T01:00:00Z'))).toBe('2026-03-29 04:00')
    expect(shownByRule(Date.parse('2026-10-25T00:59:00Z'))).toBe('2026-10-25 03:59')
    expect(shownByRule(Date.parse('2026-10-25T01:00:00Z'))).toBe('2026-10-25 03:00')
    expect(finnishOffsetText(Date.parse('2026-07-01T12:00:00Z'))).toBe('+03:00')
    expect(finnishOffsetText(Date.parse('2026-12-01T12:00:00Z'))).toBe('+02:00')
  })

  it('ask the time zone data before 1996, when the rule was another', () => {
    // 1995's summer time ended on the last Sunday of September.
    const at = Date.parse('1995-10-10T12:00:00Z')
    expect(finnishOffsetMinutes(at)).toBe(120)
    expect(shownByRule(at)).toBe(shownByIntl(at))
  })
})
