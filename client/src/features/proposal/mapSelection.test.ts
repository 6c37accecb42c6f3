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
})
