import { describe, expect, it } from 'vitest'
import { readElections, readMinutesCheck } from '../doc/plenary.js'
import { plenaryEvent } from '../testing/plenaryEvent.js'
import * as elections from './elections.js'
import * as minutesCheck from './minutesCheck.js'

const none = { chair: null, secretary: null, checkers: [], voteCounters: [] }

describe('elections (§4)', () => {
  it('records people picked from the attendance and typed ones', () => {
    const { doc } = plenaryEvent()
    const result = elections.elect(
      doc,
      {
        chair: { name: 'Veera Virtanen', organisation: 'Järvilaakson kunta', attendeeId: 'p1' },
        secretary: { name: ' Sanni Saari ', organisation: '' },
        checkers: [
          { name: 'Aarne Aho', attendeeId: 'p2' },
          { name: 'Ellen Ek', organisation: 'Ämmälän ry' },
        ],
        voteCounters: [{ name: 'Kalle Koski' }],
      },
      10,
      'chair',
    )
    const stored = readElections(doc)
    expect(stored).toMatchObject({
      chair: { name: 'Veera Virtanen', organisation: 'Järvilaakson kunta', attendeeId: 'p1' },
      secretary: { name: 'Sanni Saari', organisation: null, attendeeId: null },
      voteCounters: [{ name: 'Kalle Koski' }],
      at: 10,
      by: 'chair',
    })
    expect(stored.checkers.map((c) => c.name)).toEqual(['Aarne Aho', 'Ellen Ek'])
    expect(result.addedCheckers.map((c) => c.name)).toEqual(['Aarne Aho', 'Ellen Ek'])
    expect(result.removedCheckers).toEqual([])
  })

  it('keeps a re-elected checker’s seat (and link) and replaces the other', () => {
    const { doc } = plenaryEvent()
    const first = elections.elect(
      doc,
      { ...none, checkers: [{ name: 'Aarne Aho', attendeeId: 'p2' }, { name: 'Ellen Ek' }] },
      1,
      'chair',
    )
    const [aarne, ellen] = first.elections.checkers
    const second = elections.elect(
      doc,
      { ...none, checkers: [{ name: 'Aarne Aho', attendeeId: 'p2' }, { name: 'Olli Oja' }] },
      2,
      'chair',
    )
    expect(second.elections.checkers[0]?.id).toBe(aarne?.id)
    expect(second.removedCheckers.map((c) => c.id)).toEqual([ellen?.id])
    expect(second.addedCheckers.map((c) => c.name)).toEqual(['Olli Oja'])
    // The same typed person (any letter case) keeps the seat.
    const third = elections.elect(
      doc,
      { ...none, checkers: [{ name: 'Aarne Aho', attendeeId: 'p2' }, { name: 'olli oja' }] },
      3,
      'chair',
    )
    expect(third.addedCheckers).toEqual([])
  })

  it('drops the approval of a checker who was replaced', () => {
    const { doc } = plenaryEvent()
    const { elections: elected } = elections.elect(
      doc,
      { ...none, checkers: [{ name: 'Aarne Aho' }, { name: 'Ellen Ek' }] },
      1,
      'chair',
    )
    minutesCheck.approve(doc, elected.checkers[1]?.id as string, 2, () => 'hash')
    expect(readMinutesCheck(doc).approvals).toHaveLength(1)
    elections.elect(
      doc,
      { ...none, checkers: [{ name: 'Aarne Aho' }, { name: 'Olli Oja' }] },
      3,
      'c',
    )
    expect(readMinutesCheck(doc).approvals).toEqual([])
  })

  it('refuses three checkers, one person twice, five vote-counters and empty names', () => {
    const { doc } = plenaryEvent()
    const bad = [
      { ...none, checkers: [{ name: 'A' }, { name: 'B' }, { name: 'C' }] },
      {
        ...none,
        checkers: [
          { name: 'Aino', attendeeId: 'p1' },
          { name: 'Aino', attendeeId: 'p1' },
        ],
      },
      { ...none, voteCounters: ['A', 'B', 'C', 'D', 'E'].map((name) => ({ name })) },
      { ...none, chair: { name: '   ' } },
    ]
    for (const input of bad) {
      expect(() => elections.elect(doc, input, 1, 'chair')).toThrow()
    }
    expect(readElections(doc).at).toBeNull()
  })

  it('lists every elected person with the role', () => {
    const { doc } = plenaryEvent()
    const { elections: elected } = elections.elect(
      doc,
      { ...none, chair: { name: 'Veera' }, checkers: [{ name: 'Aarne' }] },
      1,
      'chair',
    )
    expect(elections.electedPeople(elected).map((e) => [e.role, e.person.name])).toEqual([
      ['chair', 'Veera'],
      ['checker', 'Aarne'],
    ])
  })
})
