import type { Cluster, Idea } from '../doc/schema/board.js'
import { ranking } from '../domain/votes.js'

/** The orders a list of notes can be read in. */
export const IDEA_ORDERS = ['newest', 'votes', 'cluster'] as const
export type IdeaOrder = (typeof IDEA_ORDERS)[number]

export function newestFirst<T extends Pick<Idea, 'createdAt' | 'id'>>(ideas: readonly T[]): T[] {
  return [...ideas].sort((a, b) => b.createdAt - a.createdAt || b.id.localeCompare(a.id))
}

export function oldestFirst<T extends Pick<Idea, 'createdAt' | 'id'>>(ideas: readonly T[]): T[] {
  return [...ideas].sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id))
}

/** Most votes first (ties in board order), by the same ranking the results use. */
export function mostVotedFirst(ideas: readonly Idea[], totals: Record<string, number>): Idea[] {
  return ranking([...ideas], totals).map((entry) => entry.idea)
}

export interface Section<T> {
  /** Null for the notes that are in no cluster. */
  cluster: Cluster | null
  ideas: T[]
}

/**
 * The notes by cluster, for the outline: clusters in the order they were made, each with its
 * notes oldest first, then the notes in no cluster (a note whose cluster was removed counts as
 * in none). Empty clusters are kept: a facilitator makes the frames before sorting into them.
 */
export function sectionsOf<T extends Pick<Idea, 'createdAt' | 'id' | 'clusterId'>>(
  ideas: readonly T[],
  clusters: readonly Cluster[],
): Section<T>[] {
  const byCluster = new Map<string, T[]>(clusters.map((c) => [c.id, []]))
  const loose: T[] = []
  for (const idea of oldestFirst(ideas)) {
    const list = idea.clusterId === null ? undefined : byCluster.get(idea.clusterId)
    if (list) list.push(idea)
    else loose.push(idea)
  }
  const ordered = [...clusters].sort(
    (a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id),
  )
  return [
    ...ordered.map((cluster) => ({ cluster, ideas: byCluster.get(cluster.id) ?? [] })),
    { cluster: null, ideas: loose },
  ]
}
