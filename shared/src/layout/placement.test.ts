import { describe, expect, it } from 'vitest'
import { intersects } from './canvas.js'
import { freeSpot } from './placement.js'

const size = { width: 224, height: 160 }

describe('placing new notes', () => {
  it('starts in the top-left corner of an empty board', () => {
    expect(freeSpot([], size)).toEqual({ x: 24, y: 24 })
  })

  it('takes the next free spot to the right, then further down', () => {
    const taken = []
    for (let i = 0; i < 5; i++) {
      const spot = freeSpot(taken, size)
      for (const t of taken) expect(intersects(t, { ...spot, ...size })).toBe(false)
      taken.push({ ...spot, ...size })
    }
    expect(taken[1]?.y).toBe(taken[0]?.y)
    expect(taken[4]?.x).toBe(taken[0]?.x)
    expect(taken[4]?.y).toBeGreaterThan((taken[0]?.y ?? 0) + size.height)
  })

  it('does not land on a tall note or a cluster frame', () => {
    const tall = { x: 24, y: 24, width: 304, height: 600 }
    const frame = { x: 300, y: 0, width: 1200, height: 400 }
    const spot = freeSpot([tall, frame], size)
    expect(intersects({ ...spot, ...size }, tall)).toBe(false)
    expect(intersects({ ...spot, ...size }, frame)).toBe(false)
  })

  it('places near what the person is looking at', () => {
    const spot = freeSpot([], size, { x: 1000, y: 600 })
    expect(spot.x).toBeGreaterThanOrEqual(1000 - 224)
    expect(spot.y).toBeGreaterThanOrEqual(600 - 48)
  })
})
