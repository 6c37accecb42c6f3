import { describe, expect, it } from 'vitest'
import { templateAgenda } from '../domain/agenda.js'
import { numbered } from '../domain/agendaNumbers.js'
import { cleanSeries, nextMeetingStart } from './series.js'

const NOW = new Date('2026-12-06T12:00:00Z')

describe('nextMeetingStart', () => {
  it('moves on by the cadence at the same time of day in Helsinki, across daylight saving time', () => {
    expect(nextMeetingStart('2027-03-10T09:00:00+02:00', 4, NOW)).toBe('2027-06-10T09:00:00+03:00')
    expect(nextMeetingStart('2027-06-10T09:00:00+03:00', 4, NOW)).toBe('2027-09-10T09:00:00+03:00')
    expect(nextMeetingStart('2027-09-10T13:30:00+03:00', 3, NOW)).toBe('2028-01-10T13:30:00+02:00')
    expect(nextMeetingStart('2027-09-10T13:30:00+03:00', 2, NOW)).toBe('2028-03-10T13:30:00+02:00')
  })

  it('never suggests a day in the past, and starts a new series four weeks ahead', () => {
    expect(nextMeetingStart('2025-01-15T09:00:00+02:00', 4, NOW)).toBe('2027-01-15T09:00:00+02:00')
    expect(nextMeetingStart(null, 2, NOW)).toBe('2027-01-03T09:00:00+02:00')
  })
})

describe('cleanSeries', () => {
  it('takes 2–4 meetings a year and names each organisation once', () => {
    expect(() => cleanSeries({ name: 'A', cadence: 5 })).toThrow('cadence')
    expect(() => cleanSeries({ name: 'A', cadence: 2.5 })).toThrow('cadence')
    const clean = cleanSeries({
      name: '  Läntinen   ryhmä ',
      cadence: 3,
      members: ['Martat ry', 'martat RY', 'Seurakunta'],
    })
    expect(clean).toMatchObject({
      name: 'Läntinen ryhmä',
      cadence: 3,
      members: ['Martat ry', 'Seurakunta'],
    })
  })
})

describe('the template agenda', () => {
  it('numbers the shared situational picture §5–§8 and the decisions §9 (where the follow-up item goes)', () => {
    const rows = numbered(templateAgenda('fi', []))
    expect(
      rows
        .filter((r) => r.item.kind === 'talk')
        .map((r) => r.label)
        .slice(0, 4),
    ).toEqual(['§5', '§6', '§7', '§8'])
  })
})
