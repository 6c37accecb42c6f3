import * as Y from 'yjs'
import type { DocStore } from '../store/docStore.js'
import type { Admission } from './admission.js'
import type { DocFeed } from './replication.js'
import type { RoomEvents } from './roomEvents.js'
import type { RoomLimits } from './roomLimits.js'

/**
 * A room's hand-off to the store besides each update (which the room appends itself): folding
 * the update log into one snapshot once it has grown, backing off after failed attempts, and
 * writing everything when the room unloads or the server stops.
 *
 * The room counts every applied update into `updates`, `bytes` and `dirty` with plain field
 * writes and checks them against `dueBytes` and the update count itself: that runs for each
 * update on the relay path, where a call per update is what this split must not add.
 * Everything here runs only when a compaction is due.
 */
export class Compaction {
  /** Updates appended to the store's log since the last compaction (or the load). */
  updates = 0
  bytes = 0
  /** The document changed since the last snapshot was taken (or a compaction failed). */
  dirty = false
  /** The log is folded once it holds this many bytes: the document's size, within the limits. */
  dueBytes = 0
  /** After failed compactions, the next one waits until then. */
  againAt = 0
  private failures = 0
  private running: Promise<void> | null = null
  private soon: ReturnType<typeof setImmediate> | null = null
  /** A compaction is asked for after the running one; `cancel` (counted) drops it. */
  private again = false
  private cancels = 0

  constructor(
    private readonly name: string,
    private readonly store: DocStore,
    private readonly doc: Y.Doc,
    /** Told the document's encoded size whenever it is encoded whole. */
    private readonly admission: Admission,
    private readonly feed: DocFeed | null,
    private readonly limits: Pick<RoomLimits, 'compactAfterBytes' | 'compactAfterBytesFloor'>,
    private readonly events: Pick<RoomEvents, 'onCompacted'> = {},
  ) {
    this.measured(0)
  }

  /** The document's encoded size is known (loaded, compacted): the log is folded at as much. */
  measured(documentBytes: number): void {
    this.admission.measured(documentBytes)
    const { compactAfterBytes, compactAfterBytesFloor } = this.limits
    this.dueBytes = Math.min(compactAfterBytes, Math.max(compactAfterBytesFloor, documentBytes))
  }

  /** What the store held past its snapshot at load counts toward the next compaction. */
  loaded(updates: number, bytes: number): void {
    this.updates = updates
    this.bytes = bytes
  }

  /** Folds the update log into one snapshot of the live (garbage-collected) document. */
  compact(): Promise<void> {
    if (this.running) return this.running
    const counted = { updates: this.updates, bytes: this.bytes }
    this.updates = 0
    this.bytes = 0
    this.dirty = false
    this.running = this.underLease()
      .then(() => {
        this.failures = 0
        this.againAt = 0
      })
      .catch((error) => {
        // Not again with the next update (a full disk): each attempt encodes the whole
        // document and waits for the store. Unloading and stopping still try at once.
        this.failures++
        this.againAt = Date.now() + Math.min(30_000, 500 * 2 ** this.failures)
        this.dirty = true
        this.updates += counted.updates
        this.bytes += counted.bytes
        throw error
      })
      .finally(() => {
        this.running = null
      })
    return this.running
  }

  /**
   * Starts a compaction once this turn's relaying is done. Encoding the whole document takes
   * milliseconds on a large board (up to 15 ms measured at 1,000 notes): begun at once, from
   * the update that reached the threshold, it held that update and everything else that
   * arrived in the turn back from every screen for as long.
   */
  compactSoon(onError: (error: unknown) => void): void {
    if (this.soon || this.again) return
    if (this.running) {
      // The running one may have encoded the document before what asked for this one (a
      // withheld note, which must leave the stored log): once more after it, unless cancelled
      // or it failed (the next then waits for `againAt`, like every other).
      const cancels = this.cancels
      this.again = true
      this.running.then(
        () => {
          this.again = false
          if (this.cancels === cancels) this.compactSoon(onError)
        },
        () => {
          this.again = false
        },
      )
      return
    }
    this.soon = setImmediate(() => {
      this.soon = null
      this.compact().catch(onError)
    })
  }

  /** Drops a compaction asked for but not begun (the room settles or is gone). */
  cancel(): void {
    this.cancels++
    if (this.soon) clearImmediate(this.soon)
    this.soon = null
  }

  /** Writes what is pending and leaves a compacted snapshot if anything changed. */
  async settle(): Promise<void> {
    this.cancel()
    if (this.running) await this.running.catch(() => undefined)
    if (this.dirty || this.updates > 0) await this.compact()
    else await this.store.flush(this.name)
  }

  private async underLease(): Promise<void> {
    if (!this.feed) return this.compactStored()
    const release = await this.feed.acquireCompaction()
    if (!release) {
      // Another instance is compacting this document; this one's own updates go to the log.
      return this.store.flush(this.name)
    }
    try {
      // Encoded after the wait: it must hold every update appended so far.
      await this.compactStored()
    } finally {
      release()
    }
  }

  /** The whole document, encoded; its size is the one updates are judged against. */
  private async compactStored(): Promise<void> {
    const started = performance.now()
    const state = this.encodeMeasured()
    const encodeMs = performance.now() - started
    await this.store.compact(this.name, state)
    this.events.onCompacted?.(this.name, encodeMs)
  }

  private encodeMeasured(): Uint8Array {
    const state = Y.encodeStateAsUpdate(this.doc)
    this.measured(state.byteLength)
    return state
  }
}
