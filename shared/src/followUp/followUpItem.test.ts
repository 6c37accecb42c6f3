import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { agendaRoot, readAgenda } from '../doc/schema.js'
import { replaceAll, templateAgenda } from '../domain/agenda.js'
import { numbered } from '../domain/agendaNumbers.js'
import { accept, followUpIndex, leaveOut, standingItem, wasLeftOut } from './followUpItem.js'

function eventDoc() {
  const doc = new Y.Doc()
  replaceAll(
    doc,
    templateAgenda('fi', [
      { id: 'g1', name: 'Liikunta', description: '', facilitators: [], order: 0 },
    ]),
  )
  return doc
}

describe('the follow-up item', () => {
  it('goes right after the county’s review, in the shared situational picture', () => {
    const doc = eventDoc()
    expect(followUpIndex(readAgenda(doc))).toBe(5)
    const { agendaItemId, made } = accept(doc, {
      actionIds: ['a', 'b'],
      sourceEventIds: ['e1'],
      now: 1,
    })
    expect(made).toBe(true)
    const rows = numbered(readAgenda(doc))
    const row = rows.find((r) => r.item.id === agendaItemId)
    expect(row?.label).toBe('§6')
    expect(row?.item.title).toBe('Aiemmin sovittujen toimenpiteiden seuranta')
    expect(row?.item.titleSv).toBe('Uppföljning av tidigare överenskomna åtgärder')
    expect(standingItem(doc)?.actionIds).toEqual(['a', 'b'])
  })

  it('lists the actions again when accepted again, on the same item', () => {
    const doc = eventDoc()
    const first = accept(doc, { actionIds: ['a'], sourceEventIds: ['e1'], now: 1 })
    const again = accept(doc, {
      actionIds: ['a', 'c'],
      sourceEventIds: ['e1'],
      now: 2,
    })
    expect(again).toEqual({ agendaItemId: first.agendaItemId, made: false })
    expect(standingItem(doc)).toMatchObject({ actionIds: ['a', 'c'], acceptedAt: 1 })
  })

  it('goes when left out, and counts as gone when its agenda item was removed by hand', () => {
    const doc = eventDoc()
    const { agendaItemId } = accept(doc, {
      actionIds: ['a'],
      sourceEventIds: [],
      now: 1,
    })
    agendaRoot(doc).delete(agendaItemId)
    expect(standingItem(doc)).toBeNull()
    accept(doc, { actionIds: ['a'], sourceEventIds: [], now: 2 })
    leaveOut(doc, 3)
    expect(standingItem(doc)).toBeNull()
    expect(wasLeftOut(doc)).toBe(true)
    expect(readAgenda(doc).some((i) => i.title.startsWith('Aiemmin'))).toBe(false)
  })
})
