import { expand, intersects, type Point, type Rect, type Size } from './canvas.js'
import { NOTE_GAP } from './clusterLayout.js'
import { NOTE_WIDTH } from './noteSize.js'

const CELL_W = NOTE_WIDTH + NOTE_GAP
/** Rows are tried this far apart: notes differ in height, so a coarse grid would leave gaps. */
const ROW_STEP = 48

/**
 * Where a new note of `size` goes: the first spot, reading left to right in `columns` columns
 * from `origin` (the top-left of what the person sees on the canvas), that touches no note or
 * cluster frame in `taken`. Notes added from phones thus line up instead of piling on one spot
 * for the laptop users, and never land on a frame they do not belong to.
 */
export function freeSpot(
  taken: readonly Rect[],
  size: Size,
  origin: Point = { x: 0, y: 0 },
  columns = 4,
): Point {
  const start = {
    x: Math.max(0, Math.round(origin.x / CELL_W) * CELL_W) + NOTE_GAP,
    y: Math.max(0, Math.round(origin.y / ROW_STEP) * ROW_STEP) + NOTE_GAP,
  }
  const width = Math.max(CELL_W, size.width + NOTE_GAP)
  for (let i = 0; i < 4000; i++) {
    const spot = {
      x: start.x + (i % columns) * width,
      y: start.y + Math.floor(i / columns) * ROW_STEP,
    }
    const room = expand({ ...spot, ...size }, NOTE_GAP)
    if (!taken.some((r) => intersects(r, room))) return spot
  }
  return start
}
