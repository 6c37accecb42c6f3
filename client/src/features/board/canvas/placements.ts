import type { Cluster, Idea } from '@hytepaja/shared/doc/schema/board'
import { union } from '@hytepaja/shared/layout/canvas'
import { type Member, placeInto } from '@hytepaja/shared/layout/clusterLayout'
import { noteSize } from '@hytepaja/shared/layout/noteSize'
import { freeSpot } from '@hytepaja/shared/layout/placement'
import type { Placement } from '../commands'
import type { NoteView } from '../noteView'
import { canvasLayout, clusterRect } from './frames'

/** A note as shared/layout arranges it: its stored place and its size from its content. */
export function memberOf(
  idea: Parameters<typeof noteSize>[0] & Pick<Idea, 'id' | 'x' | 'y'>,
): Member {
  return { id: idea.id, x: idea.x, y: idea.y, ...noteSize(idea) }
}

/**
 * The places of a cluster's notes after `joining` notes are put into it at `index` in its
 * order (the end when omitted): every member's place is written, so the stored places keep the
 * order every screen draws.
 */
export function placementsJoining(
  cluster: Cluster,
  joining: NoteView[],
  all: NoteView[],
  index?: number,
): Placement[] {
  const ids = new Set(joining.map((n) => n.idea.id))
  // Hidden notes are not on the board document (the server keeps them apart): not written.
  const staying = all
    .filter((n) => n.idea.clusterId === cluster.id && !ids.has(n.idea.id) && !n.idea.hidden)
    .map((n) => memberOf(n.idea))
  const places = placeInto(
    clusterRect(cluster),
    staying,
    joining.map((n) => memberOf(n.idea)),
    index,
  )
  return places.map((p) => ({ id: p.id, x: p.x, y: p.y, clusterId: cluster.id }))
}

/**
 * Where notes go when they are put into a cluster from a menu: at the end of its arrangement
 * (notes already in it keep their place); taken out of every cluster, to free spots below
 * everything on the board.
 */
export function placementsInto(
  moving: NoteView[],
  clusterId: string | null,
  all: NoteView[],
  clusters: Cluster[],
): Placement[] {
  const cluster = clusters.find((c) => c.id === clusterId)
  if (cluster) {
    const joining = moving.filter((n) => n.idea.clusterId !== cluster.id)
    return joining.length > 0 ? placementsJoining(cluster, joining, all) : []
  }
  const ids = new Set(moving.map((n) => n.idea.id))
  const layout = canvasLayout(
    all.filter((n) => !ids.has(n.idea.id)),
    clusters,
  )
  const taken = [...layout.rects.values(), ...layout.frames.map((f) => f.bounds)]
  const content = union(taken)
  const below = { x: 0, y: content ? content.y + content.height + 48 : 0 }
  return moving.map((n) => {
    const size = noteSize(n.idea)
    const spot = freeSpot(taken, size, below)
    taken.push({ ...spot, ...size })
    return { id: n.idea.id, ...spot, clusterId: null }
  })
}

/**
 * The place a new note takes in a cluster: the end of its order (after every member in reading
 * order), where the arrangement then draws it.
 */
export function endOfCluster(
  cluster: Cluster,
  content: Parameters<typeof noteSize>[0],
  all: NoteView[],
): { x: number; y: number } {
  const members = all
    .filter((n) => n.idea.clusterId === cluster.id && !n.idea.hidden)
    .map((n) => memberOf(n.idea))
  const places = placeInto(clusterRect(cluster), members, [
    { id: '', x: 0, y: 0, ...noteSize(content) },
  ])
  const end = places[places.length - 1] ?? { x: cluster.x, y: cluster.y }
  const last = members.reduce((y, m) => Math.max(y, m.y), Number.NEGATIVE_INFINITY)
  // A member stored further down (placed before clusters arranged themselves) keeps its turn.
  return { x: end.x, y: last >= end.y ? last + 1 : end.y }
}
