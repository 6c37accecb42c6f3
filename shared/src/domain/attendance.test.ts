import { describe, expect, it } from 'vitest'
import { NO_ELECTIONS } from '../doc/plenary.js'
import {
  type AttendanceEntry,
  cleanAttendance,
  cleanNewAttendee,
  printedAttendance,
} from './attendance.js'

const entry = (over: Partial<AttendanceEntry> & { id: string; name: string }): AttendanceEntry => ({
  participantId: over.id,
  organisation: null,
  groupId: null,
  presence: 'room',
  arrivedAt: null,
  ...over,
})

describe('attendance entries', () => {
  it('cleans the fields given and leaves the others out', () => {
    expect(cleanAttendance({ presence: 'remote' })).toEqual({ presence: 'remote' })
    expect(cleanAttendance({ name: ' Aino  ', organisation: '  ', arrivedAt: '09:40' })).toEqual({
      name: 'Aino',
      organisation: null,
      arrivedAt: '09:40',
    })
  })

  it('refuses unknown presence, bad times, empty names and a late arrival of someone absent', () => {
    expect(() => cleanAttendance({ presence: 'away' as never })).toThrow(/presence/)
    expect(() => cleanAttendance({ arrivedAt: '9:40' })).toThrow(/HH:MM/)
    expect(() => cleanAttendance({ arrivedAt: '24:00' })).toThrow(/HH:MM/)
    expect(() => cleanAttendance({ name: '   ' })).toThrow(/empty/)
    expect(() => cleanAttendance({ name: 'x'.repeat(121) })).toThrow(/longer/)
    expect(() => cleanAttendance({ presence: 'absent', arrivedAt: '10:00' })).toThrow(/absent/)
  })

  it('adds an unregistered person in the room by default, with a name required', () => {
    expect(cleanNewAttendee({ name: 'Veikko', organisation: 'Seurakunta' })).toEqual({
      name: 'Veikko',
      organisation: 'Seurakunta',
      presence: 'room',
      arrivedAt: null,
    })
    expect(() => cleanNewAttendee({ organisation: 'X' })).toThrow(/name/)
  })
})

describe('the attendance as the minutes print it', () => {
  const entries = [
    entry({ id: 'p1', name: 'Veera Virtanen', organisation: 'Järvilaakson kunta' }),
    entry({ id: 'p2', name: 'Aarne Aho', organisation: 'Seurakunta', presence: 'remote' }),
    entry({ id: 'p3', name: 'Kalle Koski', organisation: 'Urheiluseura', presence: 'absent' }),
    entry({ id: 'p4', name: 'Ulla Ulvila', organisation: 'Järvilaakson kunta', presence: null }),
    entry({ id: 'x1', name: 'Ellen Ek', organisation: 'Ämmälän ry', arrivedAt: '10:15' }),
  ]
  const elections = {
    ...NO_ELECTIONS,
    chair: { id: 'e1', name: 'Veera Virtanen', organisation: null, attendeeId: 'p1' },
  }

  it('names the organisations present and only the elected people by default', () => {
    const printed = printedAttendance(entries, elections, { fullAttendance: false })
    expect(printed.organisations).toEqual(['Järvilaakson kunta', 'Seurakunta', 'Ämmälän ry'])
    expect(printed.people.map((p) => p.name)).toEqual(['Veera Virtanen'])
    expect(printed).toMatchObject({ fullList: false, present: 3, remote: 1 })
  })

  it('names everyone present (never the absent or unconfirmed) when the setting says so', () => {
    const printed = printedAttendance(entries, elections, { fullAttendance: true })
    expect(printed.people).toEqual([
      { name: 'Aarne Aho', organisation: 'Seurakunta', presence: 'remote', arrivedAt: null },
      { name: 'Ellen Ek', organisation: 'Ämmälän ry', presence: 'room', arrivedAt: '10:15' },
      {
        name: 'Veera Virtanen',
        organisation: 'Järvilaakson kunta',
        presence: 'room',
        arrivedAt: null,
      },
    ])
  })
})
