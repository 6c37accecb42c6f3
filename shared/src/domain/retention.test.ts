import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { INITIAL_MINUTES_CHECK, NO_ELECTIONS } from '../doc/plenary.js'
import { createIdeaMap, type Idea, ideasRoot, readIdeas } from '../doc/schema/board.js'
import { authorsRoot, readGroups } from '../doc/schema/event.js'
import { plenaryEvent } from '../testing/plenaryEvent.js'
import { type AttendanceEntry, printedAttendance } from './attendance.js'
import * as groups from './groups.js'
import {
  addMonths,
  attendanceKeptInMinutes,
  authoredNotes,
  eraseAuthorNames,
  eraseFacilitatorNames,
  eraseNoteAuthors,
  eventEnd,
  facilitatorNames,
  retentionPlan,
} from './retention.js'

/** The bytes as Latin-1 text: enough to look for an ASCII name in them. */
const bytesAsText = (bytes: Uint8Array) => Array.from(bytes, (b) => String.fromCharCode(b)).join('')
const utc = (text: string) => Date.parse(`${text}Z`)

describe('the retention rule', () => {
  it('counts calendar months, keeping the day where the month has it', () => {
    expect(addMonths(utc('2027-09-12T15:00:00'), 3)).toBe(utc('2027-12-12T15:00:00'))
    expect(addMonths(utc('2027-11-30T08:00:00'), 3)).toBe(utc('2028-02-29T08:00:00'))
    expect(addMonths(utc('2027-01-31T00:00:00'), 1)).toBe(utc('2027-02-28T00:00:00'))
    expect(addMonths(utc('2027-12-15T12:00:00'), 12)).toBe(utc('2028-12-15T12:00:00'))
  })

  it('counts from the lock while the minutes are locked, else from the event’s end', () => {
    const months = { afterLockMonths: 3, afterEndMonths: 12 }
    const end = utc('2027-09-12T12:00:00')
    const lockedAt = utc('2027-10-01T09:30:00')
    expect(retentionPlan({ state: 'locked', lockedAt }, end, months)).toEqual({
      rule: 'afterLock',
      from: lockedAt,
      months: 3,
      dueAt: utc('2028-01-01T09:30:00'),
    })
    // Never locked, or reopened: the end.
    expect(retentionPlan(INITIAL_MINUTES_CHECK, end, months)).toEqual({
      rule: 'afterEnd',
      from: end,
      months: 12,
      dueAt: utc('2028-09-12T12:00:00'),
    })
  })

  it('takes the event’s end, else its start, else when it was made', () => {
    const made = utc('2027-01-01T00:00:00')
    expect(
      eventEnd(
        { startsAt: '2027-09-12T09:00:00+03:00', endsAt: '2027-09-12T15:00:00+03:00' },
        made,
      ),
    ).toBe(utc('2027-09-12T12:00:00'))
    expect(eventEnd({ startsAt: '2027-09-12', endsAt: null }, made)).toBe(
      utc('2027-09-12T00:00:00'),
    )
    expect(eventEnd({ startsAt: 'someday', endsAt: null }, made)).toBe(made)
    expect(eventEnd(null, made)).toBe(made)
  })
})

const entry = (over: Partial<AttendanceEntry> & { id: string; name: string }): AttendanceEntry => ({
  participantId: over.id,
  organisation: null,
  groupId: 'g1',
  presence: 'room',
  arrivedAt: null,
  ...over,
})

describe('the attendance the locked minutes keep', () => {
  const entries = [
    entry({ id: 'p1', name: 'Veera Virtanen', organisation: 'Järvilaakson kunta' }),
    entry({
      id: 'p2',
      name: 'Aarne Aho',
      organisation: 'Seurakunta',
      presence: 'remote',
      arrivedAt: '10:05',
    }),
    entry({ id: 'p3', name: 'Kalle Koski', organisation: 'Urheiluseura', presence: 'absent' }),
    entry({ id: 'p4', name: 'Ulla Ulvila', organisation: 'Järvilaakson kunta', presence: null }),
    entry({
      id: 'x1',
      name: 'Ellen Ek',
      organisation: 'Ämmälän ry',
      participantId: null,
      groupId: null,
    }),
  ]
  const elections = {
    ...NO_ELECTIONS,
    chair: { id: 'e1', name: 'Veera Virtanen', organisation: null, attendeeId: 'p1' },
    checkers: [{ id: 'e2', name: 'Ellen Ek', organisation: 'Ämmälän ry', attendeeId: 'x1' }],
  }

  it('prints the same, without the names it does not print', () => {
    const settings = { fullAttendance: false }
    const kept = attendanceKeptInMinutes(entries, elections, settings)
    expect(printedAttendance(kept, elections, settings)).toEqual(
      printedAttendance(entries, elections, settings),
    )
    expect(kept.map((e) => e.name)).toEqual(['Veera Virtanen', '', 'Ellen Ek'])
    expect(kept[1]).toEqual({
      id: 'unnamed-1',
      participantId: null,
      name: '',
      organisation: 'Seurakunta',
      groupId: null,
      presence: 'remote',
      arrivedAt: null,
    })
    expect(JSON.stringify(kept)).not.toMatch(/Aarne|Kalle|Ulla|p2|p3|p4/)
  })

  it('keeps everyone present by name when the minutes name everyone', () => {
    const settings = { fullAttendance: true }
    const kept = attendanceKeptInMinutes(entries, elections, settings)
    expect(printedAttendance(kept, elections, settings)).toEqual(
      printedAttendance(entries, elections, settings),
    )
    expect(kept.map((e) => e.name)).toEqual(['Veera Virtanen', 'Aarne Aho', 'Ellen Ek'])
  })
})

const idea = (id: string, over: Partial<Idea> = {}): Idea => ({
  id,
  text: `Idea ${id}`,
  authorKey: 'k-veera',
  createdAt: 1,
  x: 0,
  y: 0,
  color: 'yellow',
  clusterId: null,
  tags: ['liikunta'],
  ageGroups: [],
  lang: 'fi',
  deletedAt: null,
  deletedBy: null,
  hidden: false,
  ...over,
})

describe('erasing names from the documents', () => {
  it('takes the authors and deleters off the notes and keeps everything else', () => {
    const doc = new Y.Doc()
    ideasRoot(doc).set('i1', createIdeaMap(idea('i1')))
    ideasRoot(doc).set('i2', createIdeaMap(idea('i2', { deletedAt: 5, deletedBy: 'k-veera' })))
    ideasRoot(doc).set('i3', createIdeaMap(idea('i3', { authorKey: '' })))
    expect(authoredNotes(doc)).toBe(2)
    expect(eraseNoteAuthors(doc)).toBe(2)
    expect(authoredNotes(doc)).toBe(0)
    expect(readIdeas(doc)).toEqual([
      idea('i1', { authorKey: '' }),
      idea('i2', { authorKey: '', deletedAt: 5, deletedBy: '' }),
      idea('i3', { authorKey: '' }),
    ])
    // Garbage-collected: the names are not in the document's state any more.
    expect(bytesAsText(Y.encodeStateAsUpdate(doc))).not.toMatch(/k-veera/)
    expect(eraseNoteAuthors(doc)).toBe(0)
  })

  it('takes the published author names out of the event document', () => {
    const { doc } = plenaryEvent()
    authorsRoot(doc).set('g1', { 'k-veera': { name: 'Veera Virtanen', role: 'participant' } })
    eraseAuthorNames(doc)
    expect([...authorsRoot(doc).keys()]).toEqual([])
    expect(bytesAsText(Y.encodeStateAsUpdate(doc))).not.toMatch(/Veera/)
  })

  it('takes the facilitators’ names off the groups', () => {
    const { doc } = plenaryEvent()
    const [first] = readGroups(doc)
    groups.update(doc, first?.id as string, { facilitators: ['Fiia Fasilitaattori', 'Olli'] })
    expect(facilitatorNames(doc)).toBe(2)
    expect(eraseFacilitatorNames(doc)).toBe(2)
    expect(readGroups(doc).map((g) => g.facilitators)).toEqual([[], [], []])
    expect(readGroups(doc).map((g) => g.name)).toEqual(['Liikunta', 'Mieli', 'Turvallisuus'])
    expect(bytesAsText(Y.encodeStateAsUpdate(doc))).not.toMatch(/Fiia/)
  })
})
