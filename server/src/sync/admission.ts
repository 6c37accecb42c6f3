import { CloseCode } from '@hytepaja/shared/protocol/closeCodes'
import type * as Y from 'yjs'
import type { DocShape } from './docShape.js'
import type { Peer } from './peer.js'
import type { Writes } from './updateHeaders.js'

export interface Refusal {
  /** For the metrics and the log: root, entries, size, dependency, clientId. */
  reason: 'root' | 'entries' | 'size' | 'dependency' | 'clientId'
  /** How the peer's socket is closed. */
  code: number
}

/**
 * Whether an update from `peer` keeps the document in its shape, judged from what the update
 * writes before it is applied: no root the document does not have, and no root map past its
 * number of keys. (Size and missing dependencies are the room's to judge: they need its state.)
 */
export function judgeWrites(
  doc: Y.Doc,
  writes: Writes,
  shape: DocShape,
  peer: Pick<Peer, 'actor'>,
): Refusal | null {
  const anyRoot = shape.organiserWritesAnyRoot && peer.actor?.role === 'organiser'
  if (!anyRoot) {
    for (const root of writes.roots) {
      if (!shape.roots.has(root)) return { reason: 'root', code: CloseCode.BadMessage }
    }
  }
  // By the roots the update sets keys of (usually one), not the shape's: no array per update.
  // Keys, then `get`: an entry's [root, keys] pair, destructured, is an array and an iterator
  // per root in the baseline code this runs as at tens of edits a second.
  for (const root of writes.keys.keys()) {
    if (!Object.hasOwn(shape.maxEntries, root)) continue
    const keys = writes.keys.get(root) as Set<string>
    const max = shape.maxEntries[root] as number
    const map = doc.getMap(root)
    let added = 0
    for (const key of keys) if (!map.has(key)) added++
    if (added > 0 && entriesAtMost(map) + added > max && map.size + added > max)
      return { reason: 'entries', code: CloseCode.DocumentFull }
  }
  return null
}

/**
 * An upper bound of a map's number of keys, at once: every key it ever had, deleted ones too.
 * `Y.Map.size` walks every entry to leave the deleted out, and a new note on a board of
 * thousands would walk them all; it is needed only when this bound is near the cap.
 */
function entriesAtMost(map: Y.Map<unknown>): number {
  return (map as unknown as { _map: Map<string, unknown> })._map.size
}

/** Whether Yjs holds back part of an update for lack of what it builds on. */
export function hasPending(doc: Y.Doc): boolean {
  return doc.store.pendingStructs !== null || doc.store.pendingDs !== null
}

/**
 * Forgets what Yjs held back: kept, it would be sent to every new reader in their first sync
 * and stored with each compaction. The peer that sent it resends it, in order, when it
 * reconnects (its sync step 2 carries whatever the server lacks).
 */
export function dropPending(doc: Y.Doc): void {
  doc.store.pendingStructs = null
  doc.store.pendingDs = null
}

/** Updates are judged against the measured size plus what came since, measured again at most once per this many bytes. */
const REMEASURE_BYTES = 64 * 1024

/**
 * The checks a room runs on every update a socket sends, before applying it: the shape of its
 * document (`judgeWrites`) and its size. The size is the encoded document's, measured when
 * the room loads and compacts and estimated in between by adding each update's bytes (an
 * estimate that only errs upwards; near the cap the document is measured again).
 */
export class Admission {
  private estimate = 0
  private measuredAt = 0

  constructor(
    private readonly doc: Y.Doc,
    private readonly shape: DocShape | null,
    private readonly encodedSize: (doc: Y.Doc) => number,
  ) {}

  /** The document's encoded size is known (after loading, after a compaction). */
  measured(bytes: number): void {
    this.estimate = bytes
    this.measuredAt = bytes
  }

  /** An update was applied (from a socket, a server command or another instance). */
  grew(bytes: number): void {
    this.estimate += bytes
  }

  judge(writes: Writes, bytes: number, peer: Pick<Peer, 'actor'>): Refusal | null {
    if (!this.shape) return null
    const refusal = judgeWrites(this.doc, writes, this.shape, peer)
    if (refusal) return refusal
    if (this.estimate + bytes <= this.shape.maxBytes) return null
    if (this.estimate - this.measuredAt >= REMEASURE_BYTES)
      this.measured(this.encodedSize(this.doc))
    return this.estimate + bytes <= this.shape.maxBytes
      ? null
      : { reason: 'size', code: CloseCode.DocumentFull }
  }
}
