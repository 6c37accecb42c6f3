import { describe, expect, it } from 'vitest'
import { readCurrentItem, readMinutesCheck } from '../doc/plenary.js'
import { readMeta } from '../doc/schema/event.js'
import { plenaryEvent } from '../testing/plenaryEvent.js'
import * as agenda from './agenda.js'
import * as decisions from './decisions.js'
import * as elections from './elections.js'
import { ConflictError } from './errors.js'
import * as event from './event.js'
import * as groups from './groups.js'
import * as minutesCheck from './minutesCheck.js'
import * as plenary from './plenary.js'
import * as proposals from './proposals.js'

function electedEvent() {
  const event = plenaryEvent()
  const { elections: elected } = elections.elect(
    event.doc,
    {
      chair: null,
      secretary: null,
      checkers: [{ name: 'Aarne Aho' }, { name: 'Ellen Ek' }],
      voteCounters: [],
    },
    1,
    'chair',
  )
  const [first, second] = elected.checkers.map((c) => c.id) as [string, string]
  return { ...event, first, second }
}

describe('checking the minutes', () => {
  it('locks when both checkers have approved, with the hash of the final content', () => {
    const { doc, first, second } = electedEvent()
    let hashed = 0
    const hash = () => {
      hashed++
      return 'ab'.repeat(32)
    }
    minutesCheck.approve(doc, first, 10, hash)
    expect(readMinutesCheck(doc)).toMatchObject({ state: 'draft', hash: null, lockedAt: null })
    // Approving twice counts once.
    minutesCheck.approve(doc, first, 11, hash)
    expect(readMinutesCheck(doc).approvals).toHaveLength(1)
    minutesCheck.approve(doc, second, 12, hash)
    expect(hashed).toBe(1)
    expect(readMinutesCheck(doc)).toMatchObject({
      state: 'locked',
      version: 1,
      lockedAt: 12,
      hash: 'ab'.repeat(32),
      approvals: [
        { checkerId: first, name: 'Aarne Aho', at: 10 },
        { checkerId: second, name: 'Ellen Ek', at: 12 },
      ],
    })
  })

  it('does not lock with one checker elected', () => {
    const { doc } = plenaryEvent()
    const { elections: elected } = elections.elect(
      doc,
      { chair: null, secretary: null, checkers: [{ name: 'Aarne' }], voteCounters: [] },
      1,
      'chair',
    )
    minutesCheck.approve(doc, elected.checkers[0]?.id as string, 2, () => 'h')
    expect(readMinutesCheck(doc).state).toBe('draft')
  })

  it('refuses an approval by someone who is not a checker', () => {
    const { doc } = electedEvent()
    expect(() => minutesCheck.approve(doc, 'former', 1, () => 'h')).toThrow(ConflictError)
  })

  it('refuses every change to what the minutes record once locked', () => {
    const { doc, items, first, second, promote } = electedEvent()
    promote('g1')
    minutesCheck.approve(doc, first, 1, () => 'h')
    minutesCheck.approve(doc, second, 2, () => 'h')
    const before = readCurrentItem(doc)
    const changes: Array<() => unknown> = [
      () => plenary.setCurrentItem(doc, items.a.id),
      () => plenary.stepCurrentItem(doc, 1),
      () => plenary.approveAgenda(doc, { approved: true }, 3, 'chair'),
      () => plenary.setFullAttendance(doc, true),
      () =>
        elections.elect(
          doc,
          { chair: null, secretary: null, checkers: [], voteCounters: [] },
          3,
          'c',
        ),
      () =>
        decisions.record(doc, items.a.id, { outcome: 'asProposed', promotionVersion: 1 }, 3, 'c'),
      () => proposals.withdraw(doc, 'g1', 3),
      () => promote('g2'),
      () => agenda.add(doc, { title: 'Lisäkohta' }),
      () => agenda.update(doc, items.talk.id, { title: 'Uusi' }),
      () => agenda.move(doc, items.talk.id, 0),
      () => agenda.remove(doc, items.talk.id),
      () => minutesCheck.approve(doc, first, 3, () => 'h'),
      () => event.edit(doc, { place: 'Muu paikka' }),
      () => groups.add(doc, 'g9', { name: 'Myöhäinen ryhmä' }),
      () => groups.update(doc, 'g2', { name: 'Uusi nimi' }),
      () => groups.remove(doc, 'g3'),
    ]
    for (const change of changes) {
      expect(change).toThrow(minutesCheck.LOCKED_MESSAGE)
    }
    expect(readCurrentItem(doc)).toBe(before)
    expect(readMeta(doc)?.place).toBe('Järvilaakson koulun ruokasali')
  })

  it('reopens only locked minutes, with a reason, as a new version that keeps the old record', () => {
    const { doc, first, second } = electedEvent()
    expect(() => minutesCheck.reopen(doc, 'Korjaus', 1, 'organiser')).toThrow(/not locked/)
    minutesCheck.approve(doc, first, 1, () => 'h1')
    minutesCheck.approve(doc, second, 2, () => 'h1')
    expect(() => minutesCheck.reopen(doc, '   ', 3, 'organiser')).toThrow(/empty/)
    const reopened = minutesCheck.reopen(doc, 'Nimi oli väärin', 3, 'organiser')
    expect(reopened).toMatchObject({
      state: 'draft',
      version: 2,
      approvals: [],
      hash: null,
      reopenings: [
        { version: 1, lockedAt: 2, hash: 'h1', reason: 'Nimi oli väärin', at: 3, by: 'organiser' },
      ],
    })
    plenary.setFullAttendance(doc, true)
    minutesCheck.approve(doc, first, 4, () => 'h2')
    minutesCheck.approve(doc, second, 5, () => 'h2')
    expect(readMinutesCheck(doc)).toMatchObject({ state: 'locked', version: 2, hash: 'h2' })
  })

  it('checks a comment', () => {
    expect(minutesCheck.cleanComment('  §9 b: vastuutaho puuttuu ')).toBe(
      '§9 b: vastuutaho puuttuu',
    )
    expect(() => minutesCheck.cleanComment('')).toThrow()
    expect(() => minutesCheck.cleanComment('x'.repeat(2001))).toThrow(/longer/)
  })
})
