import type { Cluster } from '@hytepaja/shared/doc/schema'
import { frameBounds, type Point, type Rect } from '@hytepaja/shared/layout/canvas'
import { NOTE_SIZE } from '@hytepaja/shared/layout/placement'
import type { NoteView } from '../noteView'

export function noteRect(note: NoteView): Rect {
  return { x: note.idea.x, y: note.idea.y, ...NOTE_SIZE }
}

export function clusterRect(cluster: Cluster): Rect {
  return { x: cluster.x, y: cluster.y, width: cluster.width, height: cluster.height }
}

export interface Frame {
  id: string
  cluster: Cluster
  /** As drawn: the stored frame grown around its notes. */
  bounds: Rect
  members: NoteView[]
}

/** Every cluster as a frame with the notes in it. */
export function framesOf(notes: readonly NoteView[], clusters: readonly Cluster[]): Frame[] {
  const members = new Map<string, NoteView[]>(clusters.map((c) => [c.id, []]))
  for (const note of notes) {
    if (note.idea.clusterId) members.get(note.idea.clusterId)?.push(note)
  }
  return clusters.map((cluster) => {
    const inside = members.get(cluster.id) ?? []
    return {
      id: cluster.id,
      cluster,
      bounds: frameBounds(clusterRect(cluster), inside.map(noteRect)),
      members: inside,
    }
  })
}

/**
 * The board point drawn at the surface's top-left: (0, 0), or further up or left when someone
 * placed something there, so nothing is ever cut off.
 */
export function originOf(notes: readonly NoteView[], clusters: readonly Cluster[]): Point {
  let x = 0
  let y = 0
  for (const n of notes) {
    if (n.idea.x < x) x = n.idea.x
    if (n.idea.y < y) y = n.idea.y
  }
  for (const c of clusters) {
    if (c.x < x) x = c.x
    if (c.y < y) y = c.y
  }
  return { x, y }
}
