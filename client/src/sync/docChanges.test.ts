import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { changeCount, onDocChange } from './docChanges'

describe('document changes', () => {
  it('tells of a change to a root that did not exist when the subscription began', () => {
    const doc = new Y.Doc()
    doc.getMap('groups').set('g1', { name: 'Mielen hyvinvointi' })
    const before = changeCount(doc)
    let told = 0
    const unsubscribe = onDocChange(doc, () => told++)
    // A root first touched after the subscription, as a reader does once there are groups.
    doc.getMap('groupState').set('g1', { phase: 'ideas' })
    expect(told).toBe(1)
    expect(changeCount(doc)).toBe(before + 1)
    unsubscribe()
    doc.getMap('groupState').set('g1', { phase: 'voting' })
    expect(told).toBe(1)
  })

  it('counts a change made between the first read and the subscription', () => {
    const doc = new Y.Doc()
    const atRender = changeCount(doc)
    const remote = new Y.Doc()
    remote.getMap('groups').set('g1', { name: 'Arjen turvallisuus' })
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(remote))
    expect(changeCount(doc)).toBe(atRender + 1)
  })

  it('does not count a transaction that changed nothing', () => {
    const doc = new Y.Doc()
    const before = changeCount(doc)
    let told = 0
    onDocChange(doc, () => told++)
    doc.transact(() => {})
    expect(told).toBe(0)
    expect(changeCount(doc)).toBe(before)
  })
})
