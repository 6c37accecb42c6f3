import type { Idea } from '@hytepaja/shared/doc/schema/board'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createBatcher, createChangeTracker } from './announcements'

const idea = (id: string, authorKey: string, deletedBy: string | null = null) =>
  ({ id, authorKey, deletedBy, deletedAt: deletedBy ? 1 : null }) as Idea
const said = (changes: Array<{ kind: string; idea: Idea }>) =>
  changes.map((c) => `${c.kind} ${c.idea.id}`)

describe('announcing new ideas', () => {
  beforeEach(() => {
    vi.useFakeTimers()
  })
  afterEach(() => {
    vi.useRealTimers()
  })

  it('stays quiet about what was there on arrival and about our own notes', () => {
    const tracker = createChangeTracker('me')
    const first = [idea('a', 'p1'), idea('b', 'p2')]
    expect(tracker.next(first, first)).toEqual([])
    const withOwn = [...first, idea('c', 'me')]
    expect(tracker.next(withOwn, withOwn)).toEqual([])
    // b deleted by me: quiet; c deleted by someone else: said; d is new.
    const shown = [idea('a', 'p1'), idea('d', 'p3')]
    const all = [...shown, idea('b', 'p2', 'me'), idea('c', 'me', 'facilitator')]
    expect(said(tracker.next(shown, all))).toEqual(['added d', 'removed c'])
  })

  it('says a note hidden by the facilitator has gone, and not its quiet return', () => {
    const tracker = createChangeTracker('me')
    const both = [idea('a', 'p1'), idea('b', 'p2')]
    tracker.next(both, both)
    expect(said(tracker.next([idea('a', 'p1')], both))).toEqual(['removed b'])
    expect(tracker.next(both, both)).toEqual([])
  })

  it('hands over additions in one batch after the delay', () => {
    const batches: string[][] = []
    const batcher = createBatcher<string>(2000, (items) => batches.push(items))
    batcher.add(['a'])
    vi.advanceTimersByTime(1000)
    batcher.add(['b', 'c'])
    expect(batches).toEqual([])
    vi.advanceTimersByTime(1000)
    expect(batches).toEqual([['a', 'b', 'c']])
    batcher.add(['d'])
    vi.advanceTimersByTime(2000)
    expect(batches).toEqual([['a', 'b', 'c'], ['d']])
  })

  it('drops pending items when disposed', () => {
    const batches: string[][] = []
    const batcher = createBatcher<string>(100, (items) => batches.push(items))
    batcher.add(['a'])
    batcher.dispose()
    vi.advanceTimersByTime(500)
    expect(batches).toEqual([])
  })
})
