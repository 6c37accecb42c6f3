import { describe, expect, it } from 'vitest'
import {
  clampZoom,
  fitZoom,
  frameAt,
  frameBounds,
  intersects,
  slotInFrame,
  spotForNewFrame,
  union,
  viewportRect,
  zoomAround,
} from './canvas.js'

const note = { width: 200, height: 140 }

describe('canvas geometry', () => {
  it('tells overlapping rectangles from touching ones', () => {
    const a = { x: 0, y: 0, width: 100, height: 100 }
    expect(intersects(a, { x: 50, y: 50, width: 100, height: 100 })).toBe(true)
    expect(intersects(a, { x: 100, y: 0, width: 10, height: 10 })).toBe(false)
  })

  it('puts a rectangle around many', () => {
    expect(
      union([
        { x: 10, y: 10, width: 10, height: 10 },
        { x: -5, y: 30, width: 10, height: 10 },
      ]),
    ).toEqual({ x: -5, y: 10, width: 25, height: 30 })
    expect(union([])).toBeNull()
  })

  it('keeps zoom within limits and rounds it', () => {
    expect(clampZoom(5)).toBe(2)
    expect(clampZoom(0.01)).toBe(0.25)
    expect(clampZoom(0.3333)).toBe(0.33)
    expect(clampZoom(Number.NaN)).toBe(1)
  })

  it('turns a scroll position into the part of the board in view', () => {
    expect(
      viewportRect({
        scrollLeft: 200,
        scrollTop: 100,
        width: 800,
        height: 600,
        zoom: 0.5,
        origin: { x: -100, y: 0 },
      }),
    ).toEqual({ x: 300, y: 200, width: 1600, height: 1200 })
  })

  it('zooms around the pointer so the point under it stays put', () => {
    const from = { zoom: 1, scrollLeft: 100, scrollTop: 50 }
    const next = zoomAround(from, 2, { x: 200, y: 100 })
    // Board point (300, 150) was at (200, 100) on screen and still is.
    expect(next).toEqual({ scrollLeft: 400, scrollTop: 200 })
  })

  it('fits a cluster into view without zooming past 100 %', () => {
    expect(fitZoom({ width: 400, height: 300 }, { width: 1200, height: 800 })).toBe(1)
    expect(fitZoom({ width: 2400, height: 600 }, { width: 1264, height: 800 })).toBe(0.5)
  })

  it('draws a frame large enough for the notes in it', () => {
    const frame = { x: 0, y: 0, width: 480, height: 360 }
    expect(frameBounds(frame, [])).toEqual(frame)
    expect(frameBounds(frame, [{ x: 20, y: 400, ...note }])).toEqual({
      x: 0,
      y: 0,
      width: 480,
      height: 556,
    })
  })

  it('finds the smallest frame under a point', () => {
    const frames = [
      { id: 'big', bounds: { x: 0, y: 0, width: 1000, height: 1000 } },
      { id: 'small', bounds: { x: 100, y: 100, width: 300, height: 300 } },
    ]
    expect(frameAt(frames, { x: 150, y: 150 })).toBe('small')
    expect(frameAt(frames, { x: 800, y: 800 })).toBe('big')
    expect(frameAt(frames, { x: 1500, y: 10 })).toBeNull()
  })

  it('fills a frame row by row and continues below it', () => {
    const frame = { x: 100, y: 100, width: 480, height: 240 }
    const first = slotInFrame(frame, [], note)
    expect(first).toEqual({ x: 116, y: 156 })
    const second = slotInFrame(frame, [first], note)
    expect(second).toEqual({ x: 332, y: 156 })
    const third = slotInFrame(frame, [first, second], note)
    expect(third).toEqual({ x: 116, y: 312 })
  })

  it('places a new frame to the right of the content', () => {
    expect(spotForNewFrame(null)).toEqual({ x: 48, y: 48 })
    expect(spotForNewFrame({ x: 0, y: 20, width: 900, height: 400 })).toEqual({ x: 948, y: 20 })
  })
})
