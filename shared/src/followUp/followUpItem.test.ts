import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { agendaRoot, readAgenda } from '../doc/schema/event.js'
import { replaceAll, templateAgenda } from '../domain/agenda.js'
import { numbered } from '../domain/agendaNumbers.js'
import {
  accept,
  followUpIndex,
  followUpReportsUntil,
  leaveOut,
  standingItem,
  wasLeftOut,
} from './followUpItem.js'

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

describe('the reports the minutes print under the follow-up item', () => {
  const meeting = { startsAt: '2026-10-22T17:00:00+03:00', endsAt: '2026-10-22T19:00:00+03:00' }
  const end = Date.parse(meeting.endsAt)

  it('count up to the meeting’s end, or up to now while it goes on', () => {
    expect(followUpReportsUntil(meeting, end + 86_400_000)).toBe(end)
    expect(followUpReportsUntil(meeting, end - 60_000)).toBe(end - 60_000)
  })

  it('count up to the end of the meeting’s day on Finnish clocks when it has no end', () => {
    const open = { startsAt: meeting.startsAt, endsAt: null }
    expect(followUpReportsUntil(open, end + 86_400_000)).toBe(
      Date.parse('2026-10-23T00:00:00+03:00') - 1,
    )
  })
})
