import { expand, intersects, type Point, type Rect, type Size } from './canvas.js'
import { NOTE_WIDTH } from './noteSize.js'

/**
 * How a cluster's notes arrange themselves in its frame: in reading order, left to right in
 * rows that wrap at the frame's width, each row as tall as its tallest note, the frame growing
 * down to hold them. Drawn from the board document alone (the notes' stored places give the
 * order, their text the size), so every screen shows the same arrangement and no two notes in
 * a cluster ever cover each other, even when two people drop a note in at the same moment.
 */

export const FRAME_PADDING = 16
/** The title bar (44 px and its border) and room above the first row for a note's badge. */
export const FRAME_HEADER = 72
/** Between notes: room for the badge ("Valittu", "Esillä kaikille") drawn above a note. */
export const NOTE_GAP = 24
/** A new frame holds two notes of the normal width side by side. */
export const NEW_FRAME_SIZE: Size = {
  width: 2 * FRAME_PADDING + 2 * NOTE_WIDTH + NOTE_GAP,
  height: 240,
}

export interface Member extends Point, Size {
  id: string
}

/** Reading order of stored places: top to bottom, then left to right, then by id. */
export function readingOrder<T extends Member>(members: readonly T[]): T[] {
  return [...members].sort((a, b) => a.y - b.y || a.x - b.x || (a.id < b.id ? -1 : +(a.id > b.id)))
}

export interface Arrangement {
  /** The frame as drawn: its stored rectangle grown to hold its notes. */
  bounds: Rect
  /** Each note's rectangle in the frame, in the order given. */
  places: Array<Rect & { id: string }>
}

/** Lays `ordered` notes out in rows inside `frame`, in the order given. */
export function flow(frame: Rect, ordered: readonly Member[]): Arrangement {
  const widest = ordered.reduce((w, m) => Math.max(w, m.width), 0)
  const inner = Math.max(frame.width - 2 * FRAME_PADDING, widest)
  const places: Arrangement['places'] = []
  let x = 0
  let y = 0
  let rowHeight = 0
  let right = 0
  for (const m of ordered) {
    if (x > 0 && x + m.width > inner) {
      y += rowHeight + NOTE_GAP
      x = 0
      rowHeight = 0
    }
    places.push({
      id: m.id,
      x: frame.x + FRAME_PADDING + x,
      y: frame.y + FRAME_HEADER + y,
      width: m.width,
      height: m.height,
    })
    x += m.width + NOTE_GAP
    rowHeight = Math.max(rowHeight, m.height)
    right = Math.max(right, x - NOTE_GAP)
  }
  const contentHeight = ordered.length > 0 ? y + rowHeight : 0
  return {
    bounds: {
      x: frame.x,
      y: frame.y,
      width: Math.max(frame.width, right + 2 * FRAME_PADDING),
      height: Math.max(frame.height, FRAME_HEADER + contentHeight + FRAME_PADDING),
    },
    places,
  }
}

/** The arrangement of a cluster's notes in the reading order of their stored places. */
export function arrange(frame: Rect, members: readonly Member[]): Arrangement {
  return flow(frame, readingOrder(members))
}

/**
 * Where in the order notes dropped with their centre at `point` go: before the first note
 * that comes after the point in reading order (a row below it, or to its right in its row).
 */
export function dropIndex(places: readonly Rect[], point: Point): number {
  const index = places.findIndex(
    (p) => point.y < p.y || (point.y < p.y + p.height && point.x < p.x + p.width / 2),
  )
  return index === -1 ? places.length : index
}

/**
 * The places of every note of a cluster after `moving` notes join it at `index` (the end when
 * omitted). All of them are written, so the stored places give the new reading order.
 */
export function placeInto(
  frame: Rect,
  staying: readonly Member[],
  moving: readonly Member[],
  index = Number.POSITIVE_INFINITY,
): Array<Rect & { id: string }> {
  const leaving = new Set(moving.map((m) => m.id))
  const ordered = readingOrder(staying.filter((m) => !leaving.has(m.id)))
  const at = Math.max(0, Math.min(index, ordered.length))
  ordered.splice(at, 0, ...moving)
  return flow(frame, ordered).places
}

/**
 * Where a new frame goes: the first free spot in the person's view (reading order, on a 24 px
 * grid), so they see it appear; when the view has no room, to the right of everything, and
 * the client brings it into view.
 */
export function spotForNewFrame(
  view: Rect | null,
  obstacles: readonly Rect[],
  size: Size = NEW_FRAME_SIZE,
  gap = NOTE_GAP,
): Point {
  if (view) {
    const near = obstacles.filter((o) => intersects(o, view))
    const step = 24
    const firstX = Math.max(0, view.x) + gap
    const firstY = Math.max(0, view.y) + gap
    // A frame larger than the view starts at its top-left corner.
    const lastX = Math.max(firstX, view.x + view.width - size.width - gap)
    const lastY = Math.max(firstY, view.y + view.height - size.height - gap)
    for (let y = firstY; y <= lastY; y += step) {
      for (let x = firstX; x <= lastX; x += step) {
        const spot = expand({ x, y, ...size }, gap)
        if (!near.some((o) => intersects(o, spot))) return { x: Math.round(x), y: Math.round(y) }
      }
    }
  }
  let right = 0
  let top = Number.POSITIVE_INFINITY
  for (const o of obstacles) {
    right = Math.max(right, o.x + o.width)
    top = Math.min(top, o.y)
  }
  if (obstacles.length === 0) return { x: 2 * gap, y: 2 * gap }
  return { x: Math.round(right + 2 * gap), y: Math.max(0, Math.round(top)) }
}
