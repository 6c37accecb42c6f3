import { describe, expect, it } from 'vitest'
import { intersects, type Rect } from './canvas.js'
import {
  arrange,
  dropIndex,
  FRAME_HEADER,
  FRAME_PADDING,
  NEW_FRAME_SIZE,
  NOTE_GAP,
  placeInto,
  spotForNewFrame,
} from './clusterLayout.js'

const frame = { x: 100, y: 100, ...NEW_FRAME_SIZE }
const member = (id: string, x: number, y: number, height = 150, width = 224) => ({
  id,
  x,
  y,
  width,
  height,
})

function noOverlaps(rects: readonly Rect[]) {
  for (const [i, a] of rects.entries())
    for (const b of rects.slice(i + 1)) expect(intersects(a, b)).toBe(false)
}

describe('notes in a cluster', () => {
  it('puts two notes dropped on the same spot side by side, never on top of each other', () => {
    const { places } = arrange(frame, [member('a', 120, 180), member('b', 120, 180)])
    expect(places.map((p) => p.id)).toEqual(['a', 'b'])
    expect(places[0]).toMatchObject({ x: 100 + FRAME_PADDING, y: 100 + FRAME_HEADER })
    expect(places[1]).toMatchObject({
      x: 100 + FRAME_PADDING + 224 + NOTE_GAP,
      y: 100 + FRAME_HEADER,
    })
    noOverlaps(places)
  })

  it('wraps into rows as tall as their tallest note and grows the frame to hold them', () => {
    const { places, bounds } = arrange(frame, [
      member('a', 0, 0, 300),
      member('b', 1, 0, 150),
      member('c', 0, 1, 200),
    ])
    expect(places[2]).toMatchObject({
      x: 100 + FRAME_PADDING,
      y: 100 + FRAME_HEADER + 300 + NOTE_GAP,
    })
    expect(bounds.height).toBe(FRAME_HEADER + 300 + NOTE_GAP + 200 + FRAME_PADDING)
    expect(bounds.width).toBe(frame.width)
    noOverlaps(places)
  })

  it('keeps many notes of different sizes apart', () => {
    const many = Array.from({ length: 30 }, (_, i) =>
      member(`n${i}`, (i * 37) % 300, (i * 53) % 200, 120 + ((i * 29) % 200), i % 4 ? 224 : 304),
    )
    noOverlaps(arrange(frame, many).places)
  })

  it('inserts a dropped note where it was dropped in reading order', () => {
    const { places } = arrange(frame, [member('a', 0, 0), member('b', 1, 0), member('c', 0, 1)])
    const [a, b, c] = places
    if (!a || !b || !c) throw new Error('three places')
    expect(dropIndex(places, { x: a.x + 10, y: a.y + 20 })).toBe(0)
    expect(dropIndex(places, { x: b.x + b.width - 10, y: b.y + 20 })).toBe(2)
    expect(dropIndex(places, { x: c.x + c.width + 50, y: c.y + 20 })).toBe(3)
  })

  it('writes places whose reading order is the new order', () => {
    const staying = [member('a', 0, 0), member('b', 1, 0)]
    const placed = placeInto(frame, staying, [member('new', 9999, 9999)], 1)
    expect(placed.map((p) => p.id)).toEqual(['a', 'new', 'b'])
    const again = arrange(frame, placed)
    expect(again.places.map((p) => p.id)).toEqual(['a', 'new', 'b'])
  })
})

describe('placing a new cluster', () => {
  const view = { x: 2000, y: 1000, width: 1000, height: 600 }

  it('puts it in the view on an empty board', () => {
    const spot = spotForNewFrame(view, [])
    expect(spot).toEqual({ x: 2024, y: 1024 })
  })

  it('finds free room in the view beside what is there', () => {
    const there = { x: 2000, y: 1000, width: 420, height: 600 }
    const spot = spotForNewFrame(view, [there])
    const rect = { ...spot, ...NEW_FRAME_SIZE }
    expect(intersects(rect, there)).toBe(false)
    expect(rect.x + rect.width).toBeLessThanOrEqual(view.x + view.width)
    expect(rect.y + rect.height).toBeLessThanOrEqual(view.y + view.height)
  })

  it('goes right of everything when the view is full', () => {
    const full = { x: 1900, y: 900, width: 1200, height: 800 }
    expect(spotForNewFrame(view, [full])).toEqual({ x: 3148, y: 900 })
    expect(spotForNewFrame(null, [])).toEqual({ x: 48, y: 48 })
  })
})
