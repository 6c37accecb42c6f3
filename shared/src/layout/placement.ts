import type { Idea } from '../doc/schema.js'

/**
 * A note's footprint on the canvas (CSS pixels at 100 % zoom). Canvas notes have one fixed
 * size, so frames, culling and free spots are exact; the full text is in the list and outline.
 */
export const NOTE_WIDTH = 224
export const NOTE_HEIGHT = 184
export const NOTE_SIZE = { width: NOTE_WIDTH, height: NOTE_HEIGHT }
const GAP = 24
const CELL_W = NOTE_WIDTH + GAP
const CELL_H = NOTE_HEIGHT + GAP

type Point = { x: number; y: number }

function overlaps(a: Point, b: Point): boolean {
  return Math.abs(a.x - b.x) < NOTE_WIDTH && Math.abs(a.y - b.y) < NOTE_HEIGHT
}

/**
 * Where a new note goes: the first free cell of a grid, reading left to right from `origin`
 * (the top-left of what the person sees on the canvas). Notes added from phones thus line up
 * instead of piling on one spot for the laptop users.
 */
export function freeSpot(
  ideas: Array<Pick<Idea, 'x' | 'y'>>,
  origin: Point = { x: 0, y: 0 },
  columns = 4,
): Point {
  const start = {
    x: Math.max(0, Math.round(origin.x / CELL_W) * CELL_W) + GAP,
    y: Math.max(0, Math.round(origin.y / CELL_H) * CELL_H) + GAP,
  }
  for (let i = 0; i < 400; i++) {
    const spot = {
      x: start.x + (i % columns) * CELL_W,
      y: start.y + Math.floor(i / columns) * CELL_H,
    }
    if (!ideas.some((idea) => overlaps(idea, spot))) return spot
  }
  return start
}

/** The size of the canvas that holds every note with room to spare. */
export function canvasExtent(
  ideas: Array<Pick<Idea, 'x' | 'y'>>,
  minimum: { width: number; height: number },
) {
  let width = minimum.width
  let height = minimum.height
  for (const idea of ideas) {
    width = Math.max(width, idea.x + NOTE_WIDTH + CELL_W)
    height = Math.max(height, idea.y + NOTE_HEIGHT + CELL_H)
  }
  return { width, height }
}
