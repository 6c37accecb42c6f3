/**
 * Geometry of the board canvas, in board coordinates (CSS pixels at 100 % zoom): what is in
 * view, which cluster frame a note lands in, where a note goes inside a frame, and zooming
 * around a point. Pure numbers, so every screen agrees and the rules can be tested.
 */

export interface Point {
  x: number
  y: number
}

export interface Size {
  width: number
  height: number
}

export interface Rect extends Point, Size {}

export const MIN_ZOOM = 0.25
export const MAX_ZOOM = 2
/**
 * The least zoom "show everything" and a spotlight go to: note text (16 px) stays 12.8 px, read
 * at a glance on a laptop. A board larger than that scrolls instead; the buttons still zoom
 * further out for an overview.
 */
export const READABLE_ZOOM = 0.8

export function intersects(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height
}

export function contains(rect: Rect, point: Point): boolean {
  return (
    point.x >= rect.x &&
    point.x < rect.x + rect.width &&
    point.y >= rect.y &&
    point.y < rect.y + rect.height
  )
}

export function expand(rect: Rect, margin: number): Rect {
  return {
    x: rect.x - margin,
    y: rect.y - margin,
    width: rect.width + 2 * margin,
    height: rect.height + 2 * margin,
  }
}

/** The smallest rectangle around all of `rects`, or null for none. */
export function union(rects: readonly Rect[]): Rect | null {
  if (rects.length === 0) return null
  let left = Number.POSITIVE_INFINITY
  let top = Number.POSITIVE_INFINITY
  let right = Number.NEGATIVE_INFINITY
  let bottom = Number.NEGATIVE_INFINITY
  for (const r of rects) {
    left = Math.min(left, r.x)
    top = Math.min(top, r.y)
    right = Math.max(right, r.x + r.width)
    bottom = Math.max(bottom, r.y + r.height)
  }
  return { x: left, y: top, width: right - left, height: bottom - top }
}

export function clampZoom(zoom: number): number {
  if (!Number.isFinite(zoom)) return 1
  return Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, Math.round(zoom * 100) / 100))
}

/**
 * The part of the board a scroll container shows: `origin` is the board point drawn at the
 * surface's top-left corner (the canvas shifts notes placed at negative coordinates into view).
 */
export function viewportRect(view: {
  scrollLeft: number
  scrollTop: number
  width: number
  height: number
  zoom: number
  origin: Point
}): Rect {
  return {
    x: view.origin.x + view.scrollLeft / view.zoom,
    y: view.origin.y + view.scrollTop / view.zoom,
    width: view.width / view.zoom,
    height: view.height / view.zoom,
  }
}

/**
 * The scroll position that keeps the board point under `anchor` (pixels from the container's
 * top-left) in place when the zoom changes from `from.zoom` to `zoom`.
 */
export function zoomAround(
  from: { zoom: number; scrollLeft: number; scrollTop: number },
  zoom: number,
  anchor: Point,
): { scrollLeft: number; scrollTop: number } {
  const boardX = (from.scrollLeft + anchor.x) / from.zoom
  const boardY = (from.scrollTop + anchor.y) / from.zoom
  return {
    scrollLeft: Math.max(0, boardX * zoom - anchor.x),
    scrollTop: Math.max(0, boardY * zoom - anchor.y),
  }
}

/**
 * The zoom at which `bounds` fills `viewport` with a margin: never past 100 % and never below
 * the readable zoom.
 */
export function fitZoom(bounds: Size, viewport: Size, margin = 32): number {
  if (bounds.width <= 0 || bounds.height <= 0) return 1
  const zoom = Math.min(
    (viewport.width - 2 * margin) / bounds.width,
    (viewport.height - 2 * margin) / bounds.height,
  )
  return clampZoom(Math.max(READABLE_ZOOM, Math.min(1, zoom)))
}

/**
 * The scroll position that shows `rect` at `zoom`: centred when it fits, else its top-left
 * corner (with the margin) at the view's top-left, where reading starts.
 */
export function scrollToShow(
  rect: Rect,
  zoom: number,
  viewport: Size,
  origin: Point,
  margin = 32,
): { scrollLeft: number; scrollTop: number } {
  const axis = (start: number, length: number, view: number, from: number) => {
    const size = length * zoom
    const offset = (start - from) * zoom
    const scroll = size + 2 * margin <= view ? offset + size / 2 - view / 2 : offset - margin
    return Math.max(0, Math.round(scroll))
  }
  return {
    scrollLeft: axis(rect.x, rect.width, viewport.width, origin.x),
    scrollTop: axis(rect.y, rect.height, viewport.height, origin.y),
  }
}

/**
 * The frame a note dropped with its centre at `point` belongs to; the smallest when frames
 * overlap (a small frame drawn on a large one is the one meant), null outside every frame.
 */
export function frameAt<T extends { id: string; bounds: Rect }>(
  frames: readonly T[],
  point: Point,
): string | null {
  let best: T | null = null
  for (const frame of frames) {
    if (!contains(frame.bounds, point)) continue
    const area = frame.bounds.width * frame.bounds.height
    if (!best || area < best.bounds.width * best.bounds.height) best = frame
  }
  return best?.id ?? null
}
