import { server } from '@hytepaja/shared/doc/origins'
import {
  type Cluster,
  clustersRoot,
  createClusterMap,
  createIdeaMap,
  type Idea,
  ideasRoot,
  LEGACY_AUTHOR_FIELDS,
  readCluster,
  readIdea,
} from '@hytepaja/shared/doc/schema/board'
import { mayChangeIdeaField, ownNewIdeaFields, runsBoard } from '@hytepaja/shared/domain/ideaRights'
import { isValidIdeaField, isValidIdeaMap } from '@hytepaja/shared/domain/ideas'
import type { Actor } from '@hytepaja/shared/domain/roles'
import * as Y from 'yjs'
import type { Peer } from './peer.js'

export interface GuardLog {
  warn(obj: object, msg: string): void
}

type Revert = () => void

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b)

/** The actor of a transaction that came from a socket (any role). */
function writerOf(origin: unknown): Actor | null {
  return (origin as Peer | null)?.actor ?? null
}

/** The actor of a transaction that came from a participant's socket (not the facilitator's). */
function participantOf(origin: unknown): Actor | null {
  const actor = writerOf(origin)
  return actor && !runsBoard(actor) ? actor : null
}

/**
 * Enforces the note rules of shared/domain/ideaRights on a board, whatever a client sends: a
 * participant's change to a field they may not change is undone at once by a server
 * transaction (others may see it for a moment; the stored and final state is correct). A new
 * note is made its writer's (their author key, whatever key it came with; nobody changes a
 * note's key later); a participant's replacing or hard-deleting a note, and any change to
 * clusters, is undone. Facilitators and organisers may change any note, but like everyone
 * only to values the domain functions could write (`isValidIdeaField`): a note with a
 * megabyte of text or an unknown colour is undone, whoever sent it.
 */
export function guardBoard(
  doc: Y.Doc,
  log: GuardLog,
  options: {
    /** Ids of notes the server moved out of the board (hidden, deleted): not to be re-made. */
    isWithheld?: (id: string) => boolean
  } = {},
): () => void {
  const ideas = ideasRoot(doc)
  const clusters = clustersRoot(doc)
  // The state before each transaction, to judge changes and to bring back what was removed.
  const ideaCache = new Map<string, Idea>()
  const clusterCache = new Map<string, Cluster>()
  for (const [id, map] of ideas) if (map instanceof Y.Map) ideaCache.set(id, readIdea(id, map))
  for (const [id, map] of clusters)
    if (map instanceof Y.Map) clusterCache.set(id, readCluster(id, map))

  /** Undoes what a writer may not do; `fills` complete what it may leave out (no warning). */
  const undo = (reverts: Revert[], actor: Actor, what: string, fills: Revert[] = []) => {
    if (reverts.length === 0 && fills.length === 0) return
    if (reverts.length > 0) {
      log.warn(
        { actor: actor.id, what, changes: reverts.length },
        'undid changes a participant may not make',
      )
    }
    doc.transact(() => {
      for (const change of [...reverts, ...fills]) change()
    }, server('guard'))
  }

  const onIdeas = (events: Array<Y.YEvent<Y.AbstractType<unknown>>>, tr: Y.Transaction) => {
    const writer = writerOf(tr.origin)
    const actor = participantOf(tr.origin)
    const touched = new Set<string>()
    const reverts: Revert[] = []
    const fills: Revert[] = []
    for (const event of events) {
      if (event.target === ideas) {
        for (const [id, change] of event.changes.keys) {
          touched.add(id)
          if (!writer) continue
          const map = ideas.get(id)
          const before = ideaCache.get(id)
          const bringBack = before
            ? () => ideas.set(id, createIdeaMap(before))
            : () => ideas.delete(id)
          if (change.action === 'add' && options.isWithheld?.(id)) {
            // Only the facilitator's restore (a server command) brings a withheld note back.
            reverts.push(() => ideas.delete(id))
            continue
          }
          if (change.action === 'add' && map instanceof Y.Map) {
            // A client from before author keys still sends its seat and name: they go.
            const legacy = LEGACY_AUTHOR_FIELDS.filter((key) => map.has(key))
            if (!isValidIdeaMap(map, legacy)) {
              reverts.push(bringBack)
              continue
            }
            for (const key of legacy) fills.push(() => map.delete(key))
            // A new note is its writer's, whoever's key it came with. A note made before the
            // device knew its key comes without one: that is no forgery.
            const own = actor ? ownNewIdeaFields(actor) : { authorKey: writer.authorKey ?? '' }
            for (const [key, value] of Object.entries(own)) {
              if (same(map.get(key), value)) continue
              const keyless = key === 'authorKey' && !map.get(key)
              ;(keyless ? fills : reverts).push(() => map.set(key, value))
            }
            continue
          }
          if (map instanceof Y.Map && !isValidIdeaMap(map)) {
            reverts.push(bringBack)
            continue
          }
          if (actor) reverts.push(bringBack)
        }
      } else if (event.target.parent === ideas) {
        const id = event.path[0] as string
        touched.add(id)
        const before = ideaCache.get(id)
        if (!writer || !before) continue
        const map = event.target as Y.Map<unknown>
        for (const [key, change] of (event as Y.YMapEvent<unknown>).changes.keys) {
          const next = map.get(key)
          const valid = change.action === 'delete' ? key !== 'text' : isValidIdeaField(key, next)
          // Who wrote a note is fixed for everyone, the facilitator too.
          const allowed = actor ? mayChangeIdeaField(before, actor, key, next) : key !== 'authorKey'
          if (valid && allowed) continue
          reverts.push(
            change.action === 'add' ? () => map.delete(key) : () => map.set(key, change.oldValue),
          )
        }
      }
    }
    for (const id of touched) {
      const map = ideas.get(id)
      if (map instanceof Y.Map) ideaCache.set(id, readIdea(id, map))
      else ideaCache.delete(id)
    }
    if (writer) undo(reverts, writer, 'ideas', fills)
  }

  const onClusters = (events: Array<Y.YEvent<Y.AbstractType<unknown>>>, tr: Y.Transaction) => {
    const actor = participantOf(tr.origin)
    const before = new Map(clusterCache)
    for (const event of events) {
      const ids =
        event.target === clusters ? [...event.changes.keys.keys()] : [event.path[0] as string]
      for (const id of ids) {
        const map = clusters.get(id)
        if (map instanceof Y.Map) clusterCache.set(id, readCluster(id, map))
        else clusterCache.delete(id)
      }
    }
    if (!actor) return
    const reverts: Revert[] = []
    const changed = new Set<string>([...before.keys(), ...clusterCache.keys()])
    for (const id of changed) {
      const was = before.get(id)
      if (same(was, clusterCache.get(id))) continue
      reverts.push(was ? () => clusters.set(id, createClusterMap(was)) : () => clusters.delete(id))
    }
    undo(reverts, actor, 'clusters')
  }

  ideas.observeDeep(onIdeas)
  clusters.observeDeep(onClusters)
  return () => {
    ideas.unobserveDeep(onIdeas)
    clusters.unobserveDeep(onClusters)
  }
}
