import { setText } from '@hytepaja/shared/domain/proposals'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { mapIndex, mapSelection, type TextDelta } from './mapSelection'

/** The delta of a change made by a second client to `from`, as the first client sees it. */
function deltaOf(
  from: string,
  change: (text: Y.Text) => void,
): { delta: TextDelta; after: string } {
  const a = new Y.Doc()
  a.getText('t').insert(0, from)
  const b = new Y.Doc()
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a))
  let delta: TextDelta = []
  a.getText('t').observe((event) => {
    delta = event.delta as TextDelta
  })
  b.transact(() => change(b.getText('t')))
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b))
  return { delta, after: a.getText('t').toString() }
}

describe('mapping the caret through a remote change', () => {
  it('keeps the caret on its word when someone types before it', () => {
    const { delta, after } = deltaOf('Kunta ja järjestöt', (t) => t.insert(0, 'Koko '))
    // caret after "ja" (index 8) stays after "ja"
    expect(after.slice(0, mapIndex(8, delta))).toBe('Koko Kunta ja')
  })

  it('does not move for changes after it', () => {
    const { delta } = deltaOf('Kunta ja järjestöt', (t) => t.insert(18, ', seurakunnat'))
    expect(mapIndex(5, delta)).toBe(5)
  })

  it('moves back over text deleted before it, and to the start of a deletion around it', () => {
    const { delta } = deltaOf('abcdefgh', (t) => t.delete(1, 4))
    expect(mapIndex(7, delta)).toBe(3)
    expect(mapIndex(3, delta)).toBe(1)
  })

  it('keeps a selection around the same text', () => {
    const { delta, after } = deltaOf('vuosi 2026 loppuun', (t) => {
      t.insert(0, 'Koko ')
      t.delete(t.length - 7, 7)
    })
    const moved = mapSelection({ start: 6, end: 10 }, delta)
    expect(after.slice(moved.start, moved.end)).toBe('2026')
  })

  it('stays before text someone else inserts exactly at it', () => {
    const { delta, after } = deltaOf('Aloitus: ', (t) => t.insert(9, 'Pekan'))
    expect(mapIndex(9, delta)).toBe(9)
    expect(after.slice(0, mapIndex(9, delta))).toBe('Aloitus: ')
  })
})

/**
 * One person's plain input on their own copy: a value, a caret, and the field's rules (a
 * remote change maps the caret, a keystroke writes the smallest edit ending at the caret).
 */
function field(doc: Y.Doc) {
  const text = doc.getText('t')
  const me = { caret: 0 }
  text.observe((event, transaction) => {
    if (!transaction.local) me.caret = mapIndex(me.caret, event.delta as TextDelta)
  })
  return {
    me,
    type(letter: string) {
      const value = text.toString()
      const next = value.slice(0, me.caret) + letter + value.slice(me.caret)
      me.caret += letter.length
      doc.transact(() => setText(text, next, me.caret))
    },
  }
}

describe('two people typing at one spot of a plain field', () => {
  it.each([
    ['Pihapeli', 'Lähiliikunta'],
    ['kesä 2026', 'syksy 2027'],
    ['aaa', 'aab'],
  ])('keeps “%s” and “%s” each whole, on both copies, whoever comes first', (one, two) => {
    for (const firstClient of [1, 2]) {
      const a = new Y.Doc()
      const b = new Y.Doc()
      a.clientID = firstClient
      b.clientID = 3 - firstClient
      a.getText('t').insert(0, 'Alku: ')
      Y.applyUpdate(b, Y.encodeStateAsUpdate(a))
      const anna = field(a)
      const bo = field(b)
      anna.me.caret = 6
      bo.me.caret = 6
      // Letter by letter at the same moment: each types before seeing the other's letter.
      for (let i = 0; i < Math.max(one.length, two.length); i++) {
        const beforeA = Y.encodeStateVector(a)
        const beforeB = Y.encodeStateVector(b)
        if (i < one.length) anna.type(one[i] as string)
        if (i < two.length) bo.type(two[i] as string)
        const fromA = Y.encodeStateAsUpdate(a, beforeA)
        const fromB = Y.encodeStateAsUpdate(b, beforeB)
        Y.applyUpdate(b, fromA)
        Y.applyUpdate(a, fromB)
      }
      const result = a.getText('t').toString()
      expect(b.getText('t').toString()).toBe(result)
      expect([`Alku: ${one}${two}`, `Alku: ${two}${one}`]).toContain(result)
    }
  })
})
