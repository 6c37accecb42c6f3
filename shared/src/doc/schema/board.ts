import * as Y from 'yjs'
import { numberField, stringField } from './fieldReaders.js'

/**
 * The shape of a group's board document (`board:{eventId}:{groupId}`): its idea notes and clusters.
 * The files of `doc/schema/` and `doc/plenary.ts` are the one place that names Yjs roots and keys:
 * everything else reads and writes documents through these accessors, so a renamed key is a
 * one-line change.
 */

// ---------------------------------------------------------------- board:{eventId}:{groupId}

/** Idea notes as nested maps: one person edits the text while another drags the note. */
export const IDEA_COLORS = ['yellow', 'green', 'blue', 'pink', 'orange', 'purple'] as const
export type IdeaColor = (typeof IDEA_COLORS)[number]

/** Goals are often discussed by age group (ikäryhmittäin). */
export const AGE_GROUPS = ['children', 'workingAge', 'older'] as const
export type AgeGroup = (typeof AGE_GROUPS)[number]

export interface Idea {
  id: string
  text: string
  /**
   * Who wrote it, as an opaque key of its own per board and seat (see the README, "Who wrote a
   * note"): never the participant id or name, which a reader of the board could read whatever
   * the screen shows. Names are resolved by the server into `authors` of the event document,
   * only while the group is not anonymous.
   */
  authorKey: string
  createdAt: number
  x: number
  y: number
  color: IdeaColor
  clusterId: string | null
  /** Free tags the group agrees on. */
  tags: string[]
  ageGroups: AgeGroup[]
  lang: string
  deletedAt: number | null
  /** The author key of who deleted it. */
  deletedBy: string | null
  hidden: boolean
}

/** The fields notes had before author keys: the server strips them from a board it loads. */
export const LEGACY_AUTHOR_FIELDS = ['authorId', 'authorName'] as const

export type IdeaMap = Y.Map<unknown>

const IDEAS = 'ideas'

export function ideasRoot(doc: Y.Doc): Y.Map<IdeaMap> {
  return doc.getMap<IdeaMap>(IDEAS)
}

/** An entity as a map of its fields; the id is the key it is stored under, not a field. */
function entityMap(entity: { id: string }): Y.Map<unknown> {
  const map = new Y.Map<unknown>()
  for (const [key, value] of Object.entries(entity)) {
    if (key !== 'id') map.set(key, value)
  }
  return map
}

export function createIdeaMap(idea: Idea): IdeaMap {
  return entityMap(idea)
}

export function setIdeaField<K extends Exclude<keyof Idea, 'id'>>(
  map: IdeaMap,
  key: K,
  value: Idea[K],
): void {
  map.set(key, value)
}

function color(map: Y.Map<unknown>): IdeaColor {
  const v = map.get('color')
  return (IDEA_COLORS as readonly unknown[]).includes(v) ? (v as IdeaColor) : 'yellow'
}

/**
 * Reads one idea defensively: a board is written by many clients, so any field may be missing
 * or of a wrong type; the reader falls back instead of crashing every screen.
 */
export function readIdea(id: string, map: IdeaMap): Idea {
  const tags = map.get('tags')
  const ageGroups = map.get('ageGroups')
  const clusterId = map.get('clusterId')
  const deletedAt = map.get('deletedAt')
  const deletedBy = map.get('deletedBy')
  return {
    id,
    text: stringField(map, 'text'),
    authorKey: stringField(map, 'authorKey'),
    createdAt: numberField(map, 'createdAt'),
    x: numberField(map, 'x'),
    y: numberField(map, 'y'),
    color: color(map),
    clusterId: typeof clusterId === 'string' ? clusterId : null,
    tags: Array.isArray(tags) ? tags.filter((t): t is string => typeof t === 'string') : [],
    ageGroups: Array.isArray(ageGroups)
      ? ageGroups.filter((a): a is AgeGroup => (AGE_GROUPS as readonly unknown[]).includes(a))
      : [],
    lang: stringField(map, 'lang', 'fi'),
    deletedAt: typeof deletedAt === 'number' ? deletedAt : null,
    deletedBy: typeof deletedBy === 'string' ? deletedBy : null,
    hidden: map.get('hidden') === true,
  }
}

/** Every idea of a board, deleted ones included, oldest first. */
export function readIdeas(doc: Y.Doc): Idea[] {
  const ideas: Idea[] = []
  ideasRoot(doc).forEach((map, id) => {
    if (map instanceof Y.Map) ideas.push(readIdea(id, map))
  })
  return ideas.sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id))
}

/** Named frames on the canvas that ideas are grouped into. */
export interface Cluster {
  id: string
  name: string
  x: number
  y: number
  width: number
  height: number
  createdAt: number
}

export type ClusterMap = Y.Map<unknown>

const CLUSTERS = 'clusters'

/** Every root of a board: the server refuses an update that writes any other (sync/docShape). */
export const BOARD_ROOTS: readonly string[] = [IDEAS, CLUSTERS]

export function clustersRoot(doc: Y.Doc): Y.Map<ClusterMap> {
  return doc.getMap<ClusterMap>(CLUSTERS)
}

export function createClusterMap(cluster: Cluster): ClusterMap {
  return entityMap(cluster)
}

export function readCluster(id: string, map: ClusterMap): Cluster {
  return {
    id,
    name: stringField(map, 'name'),
    x: numberField(map, 'x'),
    y: numberField(map, 'y'),
    width: numberField(map, 'width', 480),
    height: numberField(map, 'height', 360),
    createdAt: numberField(map, 'createdAt'),
  }
}

export function readClusters(doc: Y.Doc): Cluster[] {
  const clusters: Cluster[] = []
  clustersRoot(doc).forEach((map, id) => {
    if (map instanceof Y.Map) clusters.push(readCluster(id, map))
  })
  return clusters.sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id))
}
