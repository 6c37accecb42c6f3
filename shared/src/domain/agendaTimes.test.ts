import { describe, expect, it } from 'vitest'
import { fitTemplateTimes, minutesOfDay } from './agendaTimes.js'

const DAY = { start: '09:00', end: '15:00' }
const TEMPLATE = ['09:00', null, null, '09:20', '12:00', '13:45', null, '14:45']

describe('fitTemplateTimes', () => {
  it('keeps the template as it is for a 09–15 day on Finnish clocks', () => {
    expect(
      fitTemplateTimes(TEMPLATE, DAY, '2026-09-10T09:00:00+03:00', '2026-09-10T15:00:00+03:00'),
    ).toEqual(TEMPLATE)
  })

  it('fits an evening event at 17–19 into its two hours, rounded to 5 minutes', () => {
    // 20 of 360 minutes → 6.7 of 120 → 17:05; 180 → 60 → 18:00; 285 → 95 → 18:35; 345 → 115.
    expect(
      fitTemplateTimes(TEMPLATE, DAY, '2026-11-05T17:00:00+02:00', '2026-11-05T19:00:00+02:00'),
    ).toEqual(['17:00', null, null, '17:05', '18:00', '18:35', null, '18:55'])
  })

  it('reads instants in UTC on Finnish clocks, summer and winter', () => {
    // What the organiser's browser sends: toISOString() of a Finnish wall clock.
    expect(
      fitTemplateTimes(TEMPLATE, DAY, '2026-06-10T10:00:00.000Z', '2026-06-10T13:00:00.000Z'),
    ).toEqual(['13:00', null, null, '13:10', '14:30', '15:25', null, '15:55'])
    expect(minutesOfDay('2026-01-10T15:00:00.000Z')).toBe(17 * 60)
  })

  it('takes a time without a zone as the wall clock it is', () => {
    expect(fitTemplateTimes(TEMPLATE, DAY, '2026-11-05T17:00', '2026-11-05T19:00')[7]).toBe('18:55')
  })

  it('starts the first item at the event’s own minute and keeps the rest inside the event', () => {
    const times = fitTemplateTimes(TEMPLATE, DAY, '2026-11-05T17:02', '2026-11-05T17:32')
    expect(times[0]).toBe('17:02')
    for (const time of times.filter((t): t is string => t !== null)) {
      expect(time >= '17:02' && time <= '17:32').toBe(true)
    }
  })

  it('gives only the opening a time when the event has no end, or an end before its start', () => {
    const opening = ['17:00', null, null, null, null, null, null, null]
    expect(fitTemplateTimes(TEMPLATE, DAY, '2026-11-05T17:00', null)).toEqual(opening)
    expect(fitTemplateTimes(TEMPLATE, DAY, '2026-11-05T17:00', '2026-11-05T16:00')).toEqual(opening)
    expect(fitTemplateTimes(TEMPLATE, DAY, '2026-11-05T17:00', '2026-11-08T16:00')).toEqual(opening)
  })

  it('leaves every time empty for an event without a time of day', () => {
    expect(fitTemplateTimes(TEMPLATE, DAY, '2026-11-05', '2026-11-05')).toEqual(
      TEMPLATE.map(() => null),
    )
    expect(fitTemplateTimes(TEMPLATE, DAY, null, null)).toEqual(TEMPLATE.map(() => null))
  })

  it('wraps past midnight for an event that ends the next morning', () => {
    const times = fitTemplateTimes(TEMPLATE, DAY, '2026-11-05T22:00', '2026-11-06T04:00')
    expect(times).toEqual(['22:00', null, null, '22:20', '01:00', '02:45', null, '03:45'])
  })
})
