import type { Cluster } from '@hytepaja/shared/doc/schema/board'
import type { Rect } from '@hytepaja/shared/layout/canvas'
import { NEW_FRAME_SIZE, spotForNewFrame } from '@hytepaja/shared/layout/clusterLayout'
import { noteSize } from '@hytepaja/shared/layout/noteSize'
import { freeSpot } from '@hytepaja/shared/layout/placement'
import { canvasLayout } from './canvas/frames'
import { endOfCluster } from './canvas/placements'
import type { IdeaContent } from './commands'
import type { NoteView } from './noteView'

export { placementsInto } from './canvas/placements'

/** What the board's canvas covers now: every note and every cluster frame. */
function taken(notes: NoteView[], clusters: Cluster[]): Rect[] {
  const board = canvasLayout(notes, clusters)
  return [...board.rects.values(), ...board.frames.map((f) => f.bounds)]
}

/**
 * Where a new idea goes: at the end of its cluster, or in a free spot of what the canvas shows
 * (`view`; its top-left in the other views).
 */
export function newIdeaSpot(
  content: IdeaContent,
  cluster: Cluster | undefined,
  notes: NoteView[],
  clusters: Cluster[],
  view: Rect | null,
): { x: number; y: number } {
  if (cluster) return endOfCluster(cluster, content, notes)
  return freeSpot(taken(notes, clusters), noteSize(content), {
    x: Math.max(0, view?.x ?? 0),
    y: Math.max(0, view?.y ?? 0),
  })
}

/** A new cluster's frame: in the person's view, where they see it appear. */
export function newClusterFrame(view: Rect | null, notes: NoteView[], clusters: Cluster[]): Rect {
  const shown = view ?? { x: 0, y: 0, width: 1200, height: 600 }
  return { ...spotForNewFrame(shown, taken(notes, clusters)), ...NEW_FRAME_SIZE }
}
