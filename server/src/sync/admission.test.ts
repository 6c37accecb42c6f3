import { CloseCode } from '@hytepaja/shared/protocol/closeCodes'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { judgeWrites } from './admission.js'
import type { DocShape } from './docShape.js'
import type { Writes } from './updateHeaders.js'

const SHAPE: DocShape = {
  roots: new Set(['ideas']),
  maxEntries: { ideas: 3 },
  maxBytes: 1024 * 1024,
  organiserWritesAnyRoot: false,
}
const participant = { actor: undefined }

const writesKeys = (...keys: string[]): Writes => ({
  roots: new Set(['ideas']),
  keys: new Map([['ideas', new Set(keys)]]),
})

describe('judgeWrites: the number of keys of a root map', () => {
  it('counts only the keys a map still has: deleted ones leave room for new ones', () => {
    const doc = new Y.Doc()
    const ideas = doc.getMap('ideas')
    for (const key of ['a', 'b', 'c', 'd', 'e']) ideas.set(key, key)
    for (const key of ['a', 'b', 'c', 'd']) ideas.delete(key)
    // One key left of five ever written: two more fit, three do not.
    expect(judgeWrites(doc, writesKeys('x', 'y'), SHAPE, participant)).toBe(null)
    expect(judgeWrites(doc, writesKeys('x', 'y', 'z'), SHAPE, participant)).toEqual({
      reason: 'entries',
      code: CloseCode.DocumentFull,
    })
  })

  it('refuses a new key past the cap and lets keys it has be changed', () => {
    const doc = new Y.Doc()
    const ideas = doc.getMap('ideas')
    for (const key of ['a', 'b', 'c']) ideas.set(key, key)
    expect(judgeWrites(doc, writesKeys('d'), SHAPE, participant)?.reason).toBe('entries')
    expect(judgeWrites(doc, writesKeys('a', 'c'), SHAPE, participant)).toBe(null)
  })
})
