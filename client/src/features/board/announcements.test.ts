import type { Idea } from '@hytepaja/shared/doc/schema'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createAdditionTracker, createBatcher } from './announcements'

const idea = (id: string, authorId: string) => ({ id, authorId }) as Idea

describe('announcing new ideas', () => {
  beforeEach(() => {
    vi.useFakeTimers()
  })
  afterEach(() => {
    vi.useRealTimers()
  })

  it('stays quiet about what was there on arrival and about our own notes', () => {
    const tracker = createAdditionTracker('me')
    expect(tracker.next([idea('a', 'p1'), idea('b', 'p2')])).toEqual([])
    expect(tracker.next([idea('a', 'p1'), idea('b', 'p2'), idea('c', 'me')])).toEqual([])
    expect(tracker.next([idea('a', 'p1'), idea('d', 'p3')]).map((i) => i.id)).toEqual(['d'])
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
