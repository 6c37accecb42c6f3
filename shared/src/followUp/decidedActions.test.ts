import { describe, expect, it } from 'vitest'
import * as decisions from '../domain/decisions.js'
import * as groups from '../domain/groups.js'
import { plenaryEvent } from '../testing/plenaryEvent.js'
import { decidedActions } from './decidedActions.js'

describe('the actions a negotiation agreed on', () => {
  it('lists an item decided as proposed with the promoted actions, § and theme', () => {
    const { doc, items, promote } = plenaryEvent()
    promote('g1')
    decisions.record(doc, items.a.id, { outcome: 'asProposed', promotionVersion: 1 }, 5, 'chair')
    const { minutes, actions } = decidedActions(doc)
    expect(minutes).toEqual({ state: 'draft', version: 1 })
    expect(actions).toEqual([
      {
        itemId: items.a.id,
        actionId: 'act1',
        position: 0,
        label: '§9 a',
        theme: 'Liikunta',
        groupId: 'g1',
        outcome: 'asProposed',
        revision: 1,
        decidedAt: 5,
        what: 'Kävelykerho kirjastolta',
        responsible: ['Järvilaakson kunta'],
        timeline: 'Syksy 2027',
        indicator: 'Osallistujamäärä',
        target: '200 osallistujaa',
        ageGroups: ['older'],
      },
      expect.objectContaining({ actionId: 'act2', position: 1, what: 'Seurojen avoimet ovet' }),
    ])
  })

  it('takes an amended item’s amended actions, without the dropped ones', () => {
    const { doc, items, promote } = plenaryEvent()
    promote('g2')
    decisions.record(
      doc,
      items.b.id,
      {
        outcome: 'amended',
        promotionVersion: 1,
        amended: {
          title: 'Mieli',
          body: 'Muutettu',
          actions: [
            { id: 'act2', what: 'Avoimet ovet kaikille seuroille', responsible: ['Keuruu'] },
          ],
        },
      },
      6,
      'chair',
    )
    expect(decidedActions(doc).actions).toEqual([
      expect.objectContaining({
        actionId: 'act2',
        position: 0,
        label: '§9 b',
        theme: 'Mieli',
        outcome: 'amended',
        what: 'Avoimet ovet kaikille seuroille',
        responsible: ['Keuruu'],
        timeline: 'Syksy 2027',
      }),
    ])
  })

  it('lists nothing for rejected and tabled items, and follows a correction', () => {
    const { doc, items, promote } = plenaryEvent()
    promote('g1')
    promote('g3')
    decisions.record(doc, items.a.id, { outcome: 'rejected', promotionVersion: 1 }, 5, 'chair')
    decisions.record(doc, items.c.id, { outcome: 'tabled', promotionVersion: 1 }, 5, 'chair')
    expect(decidedActions(doc).actions).toEqual([])
    decisions.record(doc, items.a.id, { outcome: 'asProposed', promotionVersion: 1 }, 7, 'chair')
    expect(decidedActions(doc).actions.map((a) => [a.label, a.revision])).toEqual([
      ['§9 a', 2],
      ['§9 a', 2],
    ])
  })

  it('names the theme as the group is named now', () => {
    const { doc, items, promote } = plenaryEvent()
    promote('g1')
    decisions.record(doc, items.a.id, { outcome: 'asProposed', promotionVersion: 1 }, 5, 'chair')
    groups.update(doc, 'g1', { name: 'Liikunnallinen elämäntapa' })
    expect(decidedActions(doc).actions[0]?.theme).toBe('Liikunnallinen elämäntapa')
  })
})
