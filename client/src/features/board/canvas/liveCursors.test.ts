import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { Awareness } from 'y-protocols/awareness'
import * as Y from 'yjs'
import { createCursorSender, readCursors } from './liveCursors'

describe('live cursors', () => {
  beforeEach(() => {
    vi.useFakeTimers()
  })
  afterEach(() => {
    vi.useRealTimers()
  })

  it('sends at most ten positions a second and always the last one', () => {
    const awareness = new Awareness(new Y.Doc())
    const sent: unknown[] = []
    awareness.on('change', () => sent.push(awareness.getLocalState()?.cursor))
    const sender = createCursorSender(awareness, 100)
    for (let i = 0; i < 50; i++) {
      sender.move({ x: i, y: i })
      vi.advanceTimersByTime(10)
    }
    vi.advanceTimersByTime(200)
    expect(sent.length).toBeLessThanOrEqual(6)
    expect(sent.at(-1)).toEqual({ x: 49, y: 49 })
    sender.leave()
    expect(awareness.getLocalState()?.cursor).toBeNull()
  })

  it('reads only well-formed cursors of other people', () => {
    const states = new Map<number, unknown>([
      [1, { user: { name: 'Aino', color: '#0b5cad' }, cursor: { x: 10, y: 20 } }],
      [2, { user: { name: 'Itse', color: '#0b5cad' }, cursor: { x: 1, y: 1 } }],
      [3, { user: { name: 'Ville', color: 'red' }, cursor: { x: 5, y: 5 } }],
      [4, { user: { name: 'Pekka' }, cursor: { x: 'a', y: 1 } }],
      [5, { user: { name: '' }, cursor: { x: 1, y: 1 } }],
      [6, { cursor: { x: 1, y: 1 } }],
    ])
    expect(readCursors(states, 2)).toEqual([
      { clientId: 1, name: 'Aino', color: '#0b5cad', x: 10, y: 20 },
      { clientId: 3, name: 'Ville', color: '#4b4fa6', x: 5, y: 5 },
    ])
  })
})
