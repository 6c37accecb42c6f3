import { afterEach, describe, expect, it } from 'vitest'
import { Awareness } from 'y-protocols/awareness'
import * as Y from 'yjs'
import { leftAnchoredCarets } from './caretAnchor'

const awarenesses: Awareness[] = []
afterEach(() => {
  for (const awareness of awarenesses.splice(0)) awareness.destroy()
})

/** Two copies of a rich text's root with "Alku " in it, and this person's awareness on the first. */
function setup() {
  const mine = new Y.Doc()
  const theirs = new Y.Doc()
  mine.get('root', Y.XmlText).insert(0, 'Alku ')
  Y.applyUpdate(theirs, Y.encodeStateAsUpdate(mine))
  const awareness = new Awareness(mine)
  awarenesses.push(awareness)
  const root = mine.get('root', Y.XmlText)
  const at = (index: number, assoc = 0) => Y.createRelativePositionFromTypeIndex(root, index, assoc)
  const indexOf = (key: 'anchorPos' | 'focusPos') => {
    const pos = awareness.getLocalState()?.[key] as Y.RelativePosition
    return Y.createAbsolutePositionFromRelativePosition(pos, mine)?.index
  }
  /** Someone else types `text` at `index` of their copy; it reaches this one. */
  const theyType = (index: number, text: string) => {
    const before = Y.encodeStateVector(theirs)
    theirs.get('root', Y.XmlText).insert(index, text)
    Y.applyUpdate(mine, Y.encodeStateAsUpdate(theirs, before))
  }
  return { awareness, wrapped: leftAnchoredCarets(awareness, mine), at, indexOf, theyType }
}

describe('the rich text caret after a remote change', () => {
  it('stays before text someone else types exactly at it', () => {
    const { wrapped, at, indexOf, theyType } = setup()
    // The binding stores a collapsed caret after "Alku " tied to its right (assoc 0).
    wrapped.setLocalState({ name: 'Anna', anchorPos: at(5), focusPos: at(5) })
    theyType(5, 'Pekan teksti')
    expect(indexOf('anchorPos')).toBe(5)
    expect(indexOf('focusPos')).toBe(5)
    // Text typed before it still pushes it on.
    theyType(0, 'Uusi ')
    expect(indexOf('anchorPos')).toBe(10)
  })

  it('leaves a selection’s ends as the binding tied them', () => {
    const { wrapped, at, indexOf, theyType } = setup()
    wrapped.setLocalState({ name: 'Anna', anchorPos: at(0), focusPos: at(4, -1) })
    theyType(4, 'x')
    expect([indexOf('anchorPos'), indexOf('focusPos')]).toEqual([0, 4])
  })

  it('sends nothing when the binding writes the same caret again', () => {
    const { awareness, wrapped, at } = setup()
    wrapped.setLocalState({ name: 'Anna', anchorPos: at(5), focusPos: at(5) })
    let updates = 0
    awareness.on('update', () => updates++)
    wrapped.setLocalState({ name: 'Anna', anchorPos: at(5), focusPos: at(5) })
    expect(updates).toBe(0)
    wrapped.setLocalState({ name: 'Anna', anchorPos: at(3), focusPos: at(3) })
    expect(updates).toBe(1)
  })
})
