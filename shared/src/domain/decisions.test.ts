import { describe, expect, it } from 'vitest'
import { readDecision, readDecisionRecord, readDecisions } from '../doc/plenary.js'
import { readPromotions } from '../doc/schema/event.js'
import { plenaryEvent } from '../testing/plenaryEvent.js'
import * as agenda from './agenda.js'
import * as decisions from './decisions.js'
import { ConflictError, DomainError, NotFoundError } from './errors.js'
import * as groups from './groups.js'
import * as proposals from './proposals.js'

describe('which items take a decision', () => {
  it('takes decisions on §9 sub-items with a promoted proposal and on decision items', () => {
    const { doc, items, promote } = plenaryEvent()
    promote('g1')
    expect(decisions.subjectOf(doc, items.a.id).version?.version).toBe(1)
    expect(decisions.subjectOf(doc, items.decision.id).version).toBeNull()
  })

  it('refuses a sub-item without a proposal, a talk, and an unknown item', () => {
    const { doc, items } = plenaryEvent()
    expect(() => decisions.subjectOf(doc, items.b.id)).toThrow(ConflictError)
    expect(() => decisions.subjectOf(doc, items.b.id)).toThrow(/not promoted/)
    expect(() => decisions.subjectOf(doc, items.talk.id)).toThrow(/takes no decision/)
    expect(() => decisions.subjectOf(doc, 'nosuchitem')).toThrow(NotFoundError)
    expect(decisions.canDecide(doc, items.talk.id)).toBe(false)
  })

  it('refuses a withdrawn proposal', () => {
    const { doc, items, promote } = plenaryEvent()
    promote('g1')
    proposals.withdraw(doc, 'g1', 2)
    expect(() =>
      decisions.record(doc, items.a.id, { outcome: 'asProposed', promotionVersion: 1 }, 3, 'chair'),
    ).toThrow(/not promoted/)
  })
})

describe('recording a decision', () => {
  it('records as proposed with the promoted version and a note', () => {
    const { doc, items, promote } = plenaryEvent()
    promote('g1')
    const d = decisions.record(
      doc,
      items.a.id,
      { outcome: 'asProposed', promotionVersion: 1, note: ' Keskusteltiin aikataulusta. ' },
      5,
      'chair',
    )
    expect(d).toEqual({
      itemId: items.a.id,
      outcome: 'asProposed',
      note: 'Keskusteltiin aikataulusta.',
      promotionVersion: 1,
      amended: null,
      revision: 1,
      at: 5,
      by: 'chair',
    })
    expect(readDecision(doc, items.a.id)).toEqual(d)
  })

  it('needs the promoted version named, and the latest one', () => {
    const { doc, items, promote } = plenaryEvent()
    promote('g1')
    promote('g1', 'Toinen versio')
    expect(() => decisions.record(doc, items.a.id, { outcome: 'rejected' }, 1, 'c')).toThrow(
      /name the promoted version/,
    )
    expect(() =>
      decisions.record(doc, items.a.id, { outcome: 'rejected', promotionVersion: 1 }, 1, 'c'),
    ).toThrow(ConflictError)
    expect(() =>
      decisions.record(
        doc,
        items.decision.id,
        { outcome: 'rejected', promotionVersion: 1 },
        1,
        'c',
      ),
    ).toThrow(DomainError)
    expect(readDecisions(doc)).toEqual([])
  })

  it('keeps an amended copy beside the promoted version and shows the difference word by word', () => {
    const { doc, items, promote } = plenaryEvent()
    promote('g1')
    const version = readPromotions(doc)[0]?.versions[0]
    if (!version) throw new Error('no version')
    const copy = decisions.amendableCopy(version)
    const d = decisions.record(
      doc,
      items.a.id,
      {
        outcome: 'amended',
        promotionVersion: 1,
        amended: {
          ...copy,
          title: 'Liikkumisen ilo kaikenikäisille',
          // act2 dropped; act1's timeline edited
          actions: [
            { ...(copy.actions[0] as decisions.AmendedActionInput), timeline: 'Kevät 2028' },
          ],
        },
      },
      5,
      'chair',
    )
    expect(d.amended).toMatchObject({
      title: 'Liikkumisen ilo kaikenikäisille',
      body: 'Kunnat ja järjestöt yhdessä',
      actions: [{ id: 'act1', what: 'Kävelykerho kirjastolta', timeline: 'Kevät 2028' }],
      droppedActionIds: ['act2'],
    })
    // The promoted version is untouched.
    expect(readPromotions(doc)[0]?.versions[0]?.title).toBe('Liikkumisen ilo kaikille')
    const diff = decisions.diffDecision(version, d.amended as NonNullable<typeof d.amended>)
    expect(diff.title).toEqual([
      { op: 'same', text: 'Liikkumisen ilo ' },
      { op: 'removed', text: 'kaikille' },
      { op: 'added', text: 'kaikenikäisille' },
    ])
    expect(diff.actions.map((a) => [a.id, a.status])).toEqual([
      ['act1', 'changed'],
      ['act2', 'removed'],
    ])
    expect(diff.actions[0]?.fields.timeline).toEqual([
      { op: 'removed', text: 'Syksy' },
      { op: 'added', text: 'Kevät' },
      { op: 'same', text: ' ' },
      { op: 'removed', text: '2027' },
      { op: 'added', text: '2028' },
    ])
  })

  it('refuses an amended decision without a title or a text, and a copy on other outcomes', () => {
    const { doc, items, promote } = plenaryEvent()
    promote('g1')
    const amended = { title: 'Otsikko', body: 'Teksti', actions: [] }
    const cases = [
      { outcome: 'amended' as const, promotionVersion: 1 },
      { outcome: 'amended' as const, promotionVersion: 1, amended: { ...amended, title: '  ' } },
      { outcome: 'amended' as const, promotionVersion: 1, amended: { ...amended, body: '' } },
      { outcome: 'asProposed' as const, promotionVersion: 1, amended },
      {
        outcome: 'amended' as const,
        promotionVersion: 1,
        amended: { ...amended, actions: [{ id: 'invented', what: 'Uusi' }] },
      },
      { outcome: 'passed' as never, promotionVersion: 1 },
    ]
    for (const input of cases) {
      expect(() => decisions.record(doc, items.a.id, input, 1, 'chair')).toThrow(DomainError)
    }
    expect(readDecisionRecord(doc, items.a.id)).toBeNull()
  })

  it('keeps every correction with who and when; the last one stands', () => {
    const { doc, items, promote } = plenaryEvent()
    promote('g1')
    decisions.record(doc, items.a.id, { outcome: 'asProposed', promotionVersion: 1 }, 1, 'chair')
    decisions.record(doc, items.a.id, { outcome: 'tabled', promotionVersion: 1 }, 2, 'organiser')
    expect(
      decisions.history(doc, items.a.id).map((d) => [d.revision, d.outcome, d.at, d.by]),
    ).toEqual([
      [1, 'asProposed', 1, 'chair'],
      [2, 'tabled', 2, 'organiser'],
    ])
    expect(readDecision(doc, items.a.id)?.outcome).toBe('tabled')
  })

  it('refuses withdrawing, re-promoting or removing a decided proposal’s item', () => {
    const { doc, items, promote } = plenaryEvent()
    promote('g1')
    decisions.record(doc, items.a.id, { outcome: 'asProposed', promotionVersion: 1 }, 1, 'chair')
    expect(() => proposals.withdraw(doc, 'g1', 2)).toThrow(/decided/)
    expect(() => promote('g1', 'Uusi versio')).toThrow(ConflictError)
    expect(() => agenda.remove(doc, items.a.id)).toThrow(/decided/)
    expect(() => agenda.remove(doc, items.decision.id)).toThrow(/decided/)
    expect(() => groups.remove(doc, 'g1')).toThrow(/decided/)
    expect(readPromotions(doc)[0]).toMatchObject({ withdrawnAt: null, versions: [{ version: 1 }] })
    // Other groups are not held back.
    promote('g2')
    proposals.withdraw(doc, 'g2', 3)
  })
})
