import type { Cluster, Idea } from '../doc/schema/board.js'
import type { Rect } from './canvas.js'
import { flow, readingOrder } from './clusterLayout.js'
import { noteSize } from './noteSize.js'

export type PlacedIdea = Pick<
  Idea,
  'id' | 'x' | 'y' | 'clusterId' | 'text' | 'tags' | 'ageGroups' | 'hidden'
>

export interface FrameLayout<C extends Cluster = Cluster> {
  cluster: C
  /** The frame as drawn: its stored rectangle grown to hold its notes. */
  bounds: Rect
  /** Its notes' ids in the order they are drawn. */
  members: string[]
}

export interface BoardLayout<C extends Cluster = Cluster> {
  /** Where each note is drawn: in its cluster's arrangement, or where it was put. */
  notes: Map<string, Rect>
  frames: Array<FrameLayout<C>>
}

export function clusterRect(cluster: Cluster): Rect {
  return { x: cluster.x, y: cluster.y, width: cluster.width, height: cluster.height }
}

/** Every note and frame of a board as drawn on the canvas, from the board's content alone. */
export function layoutBoard<C extends Cluster>(
  ideas: readonly PlacedIdea[],
  clusters: readonly C[],
): BoardLayout<C> {
  const notes = new Map<string, Rect>()
  const members = new Map<string, Array<PlacedIdea & Rect>>(clusters.map((c) => [c.id, []]))
  for (const idea of ideas) {
    const rect = { x: idea.x, y: idea.y, ...noteSize(idea) }
    const inCluster = idea.clusterId ? members.get(idea.clusterId) : undefined
    if (inCluster) inCluster.push({ ...idea, ...rect })
    else notes.set(idea.id, rect)
  }
  const frames = clusters.map((cluster) => {
    // Hidden notes (only the facilitator has them) come after the shown ones, so the notes
    // everyone sees are arranged the same on every screen.
    const inside = members.get(cluster.id) ?? []
    const { bounds, places } = flow(clusterRect(cluster), [
      ...readingOrder(inside.filter((m) => !m.hidden)),
      ...readingOrder(inside.filter((m) => m.hidden)),
    ])
    for (const { id, ...rect } of places) notes.set(id, rect)
    return { cluster, bounds, members: places.map((p) => p.id) }
  })
  return { notes, frames }
}
