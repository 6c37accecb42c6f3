import { describe, expect, it } from 'vitest'
import { canvasExtent, freeSpot, NOTE_WIDTH } from './placement.js'

describe('placing new notes', () => {
  it('starts in the top-left corner of an empty board', () => {
    expect(freeSpot([])).toEqual({ x: 24, y: 24 })
  })

  it('takes the next free cell to the right, then the next row', () => {
    const first = freeSpot([])
    const second = freeSpot([first])
    expect(second.y).toBe(first.y)
    expect(second.x - first.x).toBeGreaterThanOrEqual(NOTE_WIDTH)
    const row = [first, second, freeSpot([first, second])]
    row.push(freeSpot(row))
    const fifth = freeSpot(row, { x: 0, y: 0 }, 4)
    expect(fifth.x).toBe(first.x)
    expect(fifth.y).toBeGreaterThan(first.y)
  })

  it('places near what the person is looking at', () => {
    const spot = freeSpot([], { x: 1000, y: 600 })
    expect(spot.x).toBeGreaterThanOrEqual(1000 - NOTE_WIDTH)
    expect(spot.y).toBeGreaterThanOrEqual(600 - 200)
  })

  it('grows the canvas to fit the farthest note', () => {
    expect(canvasExtent([{ x: 2000, y: 10 }], { width: 800, height: 600 }).width).toBeGreaterThan(
      2000 + NOTE_WIDTH,
    )
  })
})
