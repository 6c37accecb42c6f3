import { describe, expect, it } from 'vitest'
import { plenaryEvent } from '../testing/plenaryEvent.js'
import type { AttendanceEntry } from './attendance.js'
import * as decisions from './decisions.js'
import * as elections from './elections.js'
import { canonicalJson, minutesContent } from './minutesContent.js'
import * as plenary from './plenary.js'

const attendance: AttendanceEntry[] = [
  {
    id: 'p1',
    participantId: 'p1',
    name: 'Veera Virtanen',
    organisation: 'Järvilaakson kunta',
    groupId: 'g1',
    presence: 'room',
    arrivedAt: null,
  },
  {
    id: 'p2',
    participantId: 'p2',
    name: 'Aarne Aho',
    organisation: 'Seurakunta',
    groupId: 'g1',
    presence: 'remote',
    arrivedAt: null,
  },
]

describe('canonical JSON', () => {
  it('sorts keys at every depth, keeps array order and leaves no spaces', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { f: null, e: 'ä' }], c: true } })).toBe(
      '{"a":{"c":true,"d":[3,{"e":"ä","f":null}]},"b":1}',
    )
    expect(canonicalJson({ a: undefined, b: 'x' })).toBe('{"b":"x"}')
  })
})

describe('the content of the minutes', () => {
  it('holds the event, the numbered agenda, §3, §4, the printed attendance and the decisions', () => {
    const { doc, items, promote } = plenaryEvent()
    promote('g1')
    plenary.approveAgenda(doc, { approved: true, changes: 'Ei muutoksia' }, 1, 'chair')
    elections.elect(
      doc,
      {
        chair: { name: 'Veera Virtanen', organisation: 'Järvilaakson kunta', attendeeId: 'p1' },
        secretary: null,
        checkers: [],
        voteCounters: [],
      },
      2,
      'chair',
    )
    decisions.record(doc, items.a.id, { outcome: 'asProposed', promotionVersion: 1 }, 3, 'chair')
    const content = minutesContent(doc, attendance)
    expect(content.event?.title).toBe('Hyte-neuvottelu 2027, Järvilaakson kuntaryhmä')
    expect(content.agenda.map((a) => a.label).slice(0, 4)).toEqual(['§1', '§2', '§3', '§4'])
    expect(content.agendaApproval).toEqual({ changes: 'Ei muutoksia' })
    expect(content.elections.chair).toEqual({
      name: 'Veera Virtanen',
      organisation: 'Järvilaakson kunta',
    })
    expect(content.attendance.people.map((p) => p.name)).toEqual(['Veera Virtanen'])
    expect(content.decisions).toEqual([
      expect.objectContaining({
        label: '§9 a',
        outcome: 'asProposed',
        promoted: expect.objectContaining({ version: 1, title: 'Liikkumisen ilo kaikille' }),
      }),
    ])
  })

  it('changes with every decided fact, and not with who recorded it or when', () => {
    const { doc, items, promote } = plenaryEvent()
    promote('g1')
    decisions.record(doc, items.a.id, { outcome: 'asProposed', promotionVersion: 1 }, 1, 'chair')
    const first = canonicalJson(minutesContent(doc, attendance))
    // A correction to the same outcome: the standing decision is the same.
    decisions.record(doc, items.a.id, { outcome: 'asProposed', promotionVersion: 1 }, 2, 'org')
    expect(canonicalJson(minutesContent(doc, attendance))).toBe(first)
    decisions.record(doc, items.a.id, { outcome: 'tabled', promotionVersion: 1 }, 3, 'chair')
    expect(canonicalJson(minutesContent(doc, attendance))).not.toBe(first)
    const tabled = canonicalJson(minutesContent(doc, attendance))
    plenary.setFullAttendance(doc, true)
    expect(canonicalJson(minutesContent(doc, attendance))).not.toBe(tabled)
    // The current item is the meeting's progress, not its content.
    const full = canonicalJson(minutesContent(doc, attendance))
    plenary.setCurrentItem(doc, items.closing.id)
    expect(canonicalJson(minutesContent(doc, attendance))).toBe(full)
  })
})
