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

/** The zoom at which `bounds` fills `viewport` with a margin, within the zoom limits. */
export function fitZoom(bounds: Size, viewport: Size, margin = 32): number {
  if (bounds.width <= 0 || bounds.height <= 0) return 1
  const zoom = Math.min(
    (viewport.width - 2 * margin) / bounds.width,
    (viewport.height - 2 * margin) / bounds.height,
  )
  return clampZoom(Math.min(1, zoom))
}

/**
 * A cluster frame as drawn: its stored rectangle, grown to hold every note in it, so a note
 * placed below a full frame is still visibly inside.
 */
export function frameBounds(frame: Rect, members: readonly Rect[], padding = 16): Rect {
  const around = union(members.map((m) => expand(m, padding)))
  return around ? (union([frame, around]) as Rect) : frame
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

/**
 * Where the next note goes inside a frame: the first free cell of a grid that starts below the
 * frame's title and continues below the frame when it is full (the frame is then drawn larger).
 */
export function slotInFrame(
  frame: Rect,
  occupied: readonly Point[],
  note: Size,
  options: { gap?: number; header?: number } = {},
): Point {
  const gap = options.gap ?? 16
  const header = options.header ?? 56
  const columns = Math.max(1, Math.floor((frame.width - gap) / (note.width + gap)))
  for (let i = 0; i < 1000; i++) {
    const spot = {
      x: frame.x + gap + (i % columns) * (note.width + gap),
      y: frame.y + header + Math.floor(i / columns) * (note.height + gap),
    }
    const taken = occupied.some(
      (p) => Math.abs(p.x - spot.x) < note.width && Math.abs(p.y - spot.y) < note.height,
    )
    if (!taken) return spot
  }
  return { x: frame.x + gap, y: frame.y + header }
}

/** Where a new frame goes: to the right of everything on the board, at the top. */
export function spotForNewFrame(content: Rect | null, gap = 48): Point {
  if (!content) return { x: gap, y: gap }
  return { x: Math.round(content.x + content.width + gap), y: Math.max(0, Math.round(content.y)) }
}
