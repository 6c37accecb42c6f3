import { describe, expect, it } from 'vitest'
import { offsetsOf, windowRange } from './windowing.js'

describe('windowing', () => {
  it('adds heights up into row offsets', () => {
    expect(offsetsOf([10, 20, 30])).toEqual([0, 10, 30, 60])
    expect(offsetsOf([])).toEqual([0])
  })

  it('counts a negative height as nothing', () => {
    expect(offsetsOf([10, -5, 10])).toEqual([0, 10, 10, 20])
  })

  it('finds the rows that overlap a stretch of the list', () => {
    const offsets = offsetsOf([100, 100, 100, 100, 100])
    expect(windowRange(offsets, 0, 100)).toEqual({ start: 0, end: 1 })
    expect(windowRange(offsets, 150, 260)).toEqual({ start: 1, end: 3 })
    expect(windowRange(offsets, 100, 200)).toEqual({ start: 1, end: 2 })
    expect(windowRange(offsets, 450, 2000)).toEqual({ start: 4, end: 5 })
  })

  it('returns nothing above, below or for an empty list', () => {
    const offsets = offsetsOf([50, 50])
    expect(windowRange(offsets, 100, 300)).toEqual({ start: 2, end: 2 })
    expect(windowRange(offsets, -300, -10)).toEqual({ start: 0, end: 0 })
    expect(windowRange(offsetsOf([]), 0, 100)).toEqual({ start: 0, end: 0 })
    expect(windowRange(offsets, 50, 50)).toEqual({ start: 0, end: 0 })
  })

  it('handles 2,000 rows of mixed heights', () => {
    const heights = Array.from({ length: 2000 }, (_, i) => 80 + (i % 7) * 10)
    const offsets = offsetsOf(heights)
    const { start, end } = windowRange(offsets, 50_000, 51_000)
    expect(offsets[start]).toBeLessThanOrEqual(50_000)
    expect(offsets[start + 1]).toBeGreaterThan(50_000)
    expect(offsets[end - 1]).toBeLessThan(51_000)
    expect(offsets[end]).toBeGreaterThanOrEqual(51_000)
  })
})
