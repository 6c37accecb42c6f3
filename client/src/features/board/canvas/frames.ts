import type { Cluster } from '@hytepaja/shared/doc/schema/board'
import { layoutBoard } from '@hytepaja/shared/layout/board'
import type { Point, Rect } from '@hytepaja/shared/layout/canvas'
import { noteSize } from '@hytepaja/shared/layout/noteSize'
import type { NoteView } from '../noteView'

export { clusterRect } from '@hytepaja/shared/layout/board'

export interface Frame {
  id: string
  cluster: Cluster
  /** As drawn: the stored frame grown around its notes. */
  bounds: Rect
  /** In the order they are drawn. */
  members: NoteView[]
}

export interface CanvasLayout {
  /** Where each note is drawn (board pixels): its cluster's arrangement, or where it was put. */
  rects: Map<string, Rect>
  frames: Frame[]
}

/** The canvas as every screen draws it (the rules are shared/layout's). */
export function canvasLayout(
  notes: readonly NoteView[],
  clusters: readonly Cluster[],
): CanvasLayout {
  const byId = new Map(notes.map((n) => [n.idea.id, n]))
  const layout = layoutBoard(
    notes.map((n) => n.idea),
    clusters,
  )
  return {
    rects: layout.notes,
    frames: layout.frames.map((f) => ({
      id: f.cluster.id,
      cluster: f.cluster,
      bounds: f.bounds,
      members: f.members.flatMap((id) => byId.get(id) ?? []),
    })),
  }
}

/** A note's rectangle in `layout`, or where it was put when the layout does not have it yet. */
export function noteRect(layout: CanvasLayout, note: NoteView): Rect {
  return (
    layout.rects.get(note.idea.id) ?? { x: note.idea.x, y: note.idea.y, ...noteSize(note.idea) }
  )
}

/**
 * The board point drawn at the surface's top-left: (0, 0), or further up or left when someone
 * placed something there, so nothing is ever cut off.
 */
export function originOf(layout: CanvasLayout): Point {
  let x = 0
  let y = 0
  for (const r of layout.rects.values()) {
    if (r.x < x) x = r.x
    if (r.y < y) y = r.y
  }
  for (const f of layout.frames) {
    if (f.bounds.x < x) x = f.bounds.x
    if (f.bounds.y < y) y = f.bounds.y
  }
  return { x, y }
}
