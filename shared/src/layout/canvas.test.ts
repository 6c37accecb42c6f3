import { describe, expect, it } from 'vitest'
import {
  clampZoom,
  fitZoom,
  frameAt,
  intersects,
  READABLE_ZOOM,
  scrollToShow,
  union,
  viewportRect,
  zoomAround,
} from './canvas.js'

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

  it('fits into view without zooming past 100 % or below the readable zoom', () => {
    expect(fitZoom({ width: 400, height: 300 }, { width: 1200, height: 800 })).toBe(1)
    expect(fitZoom({ width: 1400, height: 600 }, { width: 1264, height: 800 })).toBe(0.86)
    expect(fitZoom({ width: 2400, height: 600 }, { width: 1264, height: 800 })).toBe(READABLE_ZOOM)
  })

  it('centres what fits and starts at the top-left of what does not', () => {
    const view = { width: 1000, height: 600 }
    const origin = { x: 0, y: 0 }
    expect(scrollToShow({ x: 1000, y: 1000, width: 200, height: 100 }, 1, view, origin)).toEqual({
      scrollLeft: 600,
      scrollTop: 750,
    })
    expect(
      scrollToShow({ x: 1000, y: 1000, width: 3000, height: 2000 }, 0.8, view, origin),
    ).toEqual({
      scrollLeft: 768,
      scrollTop: 768,
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
})
