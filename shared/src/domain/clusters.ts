import type * as Y from 'yjs'
import { local } from '../doc/origins.js'
import {
  type Cluster,
  clustersRoot,
  createClusterMap,
  ideasRoot,
  readIdea,
} from '../doc/schema/board.js'
import { newId } from '../ids.js'
import { cleanText } from '../validation/text.js'
import { DomainError } from './errors.js'
import { runsBoard } from './ideaRights.js'
import { CANVAS_LIMIT } from './ideas.js'
import type { Actor } from './roles.js'

export const MAX_CLUSTER_NAME = 80
/** Clusters on one board. */
export const MAX_CLUSTERS = 200

function requireFacilitator(actor: Actor): void {
  if (!runsBoard(actor))
    throw new DomainError('cluster.forbidden', 'only the facilitator arranges clusters')
}

function size(value: unknown, field: string, min: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new DomainError(`cluster.${field}.invalid`, `${field} must be a number`)
  }
  return Math.max(min, Math.min(CANVAS_LIMIT, Math.round(value)))
}

/** Adds a named cluster (a frame on the canvas) and returns its id. */
export function add(
  doc: Y.Doc,
  input: { name: string; x?: number; y?: number; width?: number; height?: number },
  actor: Actor,
  now = Date.now(),
): string {
  requireFacilitator(actor)
  const cluster: Cluster = {
    id: newId(),
    name: cleanText(input.name, 'cluster.name', MAX_CLUSTER_NAME),
    x: size(input.x ?? 0, 'x', -CANVAS_LIMIT),
    y: size(input.y ?? 0, 'y', -CANVAS_LIMIT),
    width: size(input.width ?? 480, 'width', 160),
    height: size(input.height ?? 360, 'height', 120),
    createdAt: now,
  }
  if (clustersRoot(doc).size >= MAX_CLUSTERS) {
    throw new DomainError('board.full', `a board holds at most ${MAX_CLUSTERS} clusters`)
  }
  doc.transact(() => clustersRoot(doc).set(cluster.id, createClusterMap(cluster)), local(actor))
  return cluster.id
}

function existing(doc: Y.Doc, id: string) {
  const map = clustersRoot(doc).get(id)
  if (!map) throw new DomainError('cluster.notFound', `no cluster ${id}`)
  return map
}

export function rename(doc: Y.Doc, id: string, name: string, actor: Actor): void {
  requireFacilitator(actor)
  const map = existing(doc, id)
  const clean = cleanText(name, 'cluster.name', MAX_CLUSTER_NAME)
  doc.transact(() => map.set('name', clean), local(actor))
}

/** Moves or resizes a cluster frame. */
export function place(
  doc: Y.Doc,
  id: string,
  to: { x?: number; y?: number; width?: number; height?: number },
  actor: Actor,
): void {
  requireFacilitator(actor)
  const map = existing(doc, id)
  doc.transact(() => {
    if (to.x !== undefined) map.set('x', size(to.x, 'x', -CANVAS_LIMIT))
    if (to.y !== undefined) map.set('y', size(to.y, 'y', -CANVAS_LIMIT))
    if (to.width !== undefined) map.set('width', size(to.width, 'width', 160))
    if (to.height !== undefined) map.set('height', size(to.height, 'height', 120))
  }, local(actor))
}

/** Removes a cluster; its notes stay on the board, outside any cluster. */
export function remove(doc: Y.Doc, id: string, actor: Actor): void {
  requireFacilitator(actor)
  existing(doc, id)
  doc.transact(() => {
    ideasRoot(doc).forEach((map, ideaId) => {
      if (readIdea(ideaId, map).clusterId === id) map.set('clusterId', null)
    })
    clustersRoot(doc).delete(id)
  }, local(actor))
}
