import { describe, expect, it } from 'vitest'
import { readAgendaApproval, readCurrentItem, readMinutesSettings } from '../doc/plenary.js'
import { readAgenda } from '../doc/schema/event.js'
import { plenaryEvent } from '../testing/plenaryEvent.js'
import { numbered } from './agenda.js'
import { NotFoundError } from './errors.js'
import * as plenary from './plenary.js'

describe('the current item', () => {
  it('moves by id, and to none', () => {
    const { doc, items } = plenaryEvent()
    expect(plenary.setCurrentItem(doc, items.a.id)).toBe(items.a.id)
    expect(readCurrentItem(doc)).toBe(items.a.id)
    plenary.setCurrentItem(doc, null)
    expect(readCurrentItem(doc)).toBeNull()
  })

  it('refuses an unknown item with a not-found error and keeps the current one', () => {
    const { doc, items } = plenaryEvent()
    plenary.setCurrentItem(doc, items.opening.id)
    expect(() => plenary.setCurrentItem(doc, 'nosuchitem')).toThrow(NotFoundError)
    expect(readCurrentItem(doc)).toBe(items.opening.id)
  })

  it('steps through the agenda as shown: § items with their sub-items in between', () => {
    const { doc, items } = plenaryEvent()
    const order = numbered(readAgenda(doc)).map((r) => r.item.id)
    const seen: Array<string | null> = []
    for (let i = 0; i < order.length + 2; i++) seen.push(plenary.stepCurrentItem(doc, 1))
    expect(seen.slice(0, order.length)).toEqual(order)
    // Held at the last item.
    expect(seen.slice(order.length)).toEqual([items.closing.id, items.closing.id])
    plenary.setCurrentItem(doc, items.decision.id)
    expect(plenary.stepCurrentItem(doc, 1)).toBe(items.a.id)
    expect(plenary.stepCurrentItem(doc, 1)).toBe(items.b.id)
    plenary.setCurrentItem(doc, items.a.id)
    expect(plenary.stepCurrentItem(doc, -1)).toBe(items.decision.id)
    plenary.setCurrentItem(doc, items.opening.id)
    expect(plenary.stepCurrentItem(doc, -1)).toBe(items.opening.id)
  })

  it('starts at the first item from none going forward, and stays at none going back', () => {
    const { doc, items } = plenaryEvent()
    expect(plenary.stepCurrentItem(doc, -1)).toBeNull()
    expect(plenary.stepCurrentItem(doc, 1)).toBe(items.opening.id)
  })
})

describe('the agenda approval (§3)', () => {
  it('records the approval with the changes noted, and takes it back', () => {
    const { doc } = plenaryEvent()
    plenary.approveAgenda(
      doc,
      { approved: true, changes: '  §10 käsitellään ennen §9:ää \r\n' },
      5,
      'chair',
    )
    expect(readAgendaApproval(doc)).toEqual({
      changes: '§10 käsitellään ennen §9:ää',
      at: 5,
      by: 'chair',
    })
    plenary.approveAgenda(doc, { approved: true, changes: '   ' }, 6, 'chair')
    expect(readAgendaApproval(doc)?.changes).toBeNull()
    plenary.approveAgenda(doc, { approved: false }, 7, 'chair')
    expect(readAgendaApproval(doc)).toBeNull()
  })

  it('refuses control characters and over-long changes', () => {
    const { doc } = plenaryEvent()
    expect(() =>
      plenary.approveAgenda(doc, { approved: true, changes: 'a\u0007b' }, 1, 'c'),
    ).toThrow(/control/)
    expect(() =>
      plenary.approveAgenda(doc, { approved: true, changes: 'x'.repeat(1001) }, 1, 'c'),
    ).toThrow(/longer/)
    expect(readAgendaApproval(doc)).toBeNull()
  })
})

describe('the minutes settings', () => {
  it('names organisations by default, everyone when set', () => {
    const { doc } = plenaryEvent()
    expect(readMinutesSettings(doc).fullAttendance).toBe(false)
    plenary.setFullAttendance(doc, true)
    expect(readMinutesSettings(doc).fullAttendance).toBe(true)
  })
})
