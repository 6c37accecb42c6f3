import type { Peer } from './peer.js'
import {
  type AwarenessEntry,
  encodeAwarenessEntries,
  encodeAwarenessFrame,
  encodeUpdate,
} from './protocol.js'
import { encodeRelayFrames, updateMessageBytes } from './wsFrames.js'

/** A batch of updates alone. */
const NO_OTHERS: readonly Uint8Array[] = []

/**
 * What one flush sends: the same frames, and the same wire bytes, for every recipient: the
 * updates, each as an update message, then the other messages (awareness) as they are.
 */
export class Batch {
  /** The bytes of its messages (without WebSocket framing). */
  readonly bytes: number
  private encoded: Buffer | null = null
  private messages: readonly Uint8Array[] | null = null

  constructor(
    private readonly updates: readonly Uint8Array[],
    private readonly others: readonly Uint8Array[] = NO_OTHERS,
  ) {
    let bytes = 0
    for (const update of updates) bytes += updateMessageBytes(update.byteLength)
    for (const other of others) bytes += other.byteLength
    this.bytes = bytes
  }

  /** The messages one by one, for a peer that sends them so (made only then). */
  get frames(): readonly Uint8Array[] {
    this.messages ??= [...this.updates.map(encodeUpdate), ...this.others]
    return this.messages
  }

  /**
   * The messages as WebSocket frames, encoded once however many sockets get them, straight
   * from the updates' bytes.
   */
  wire(): Buffer {
    this.encoded ??= encodeRelayFrames(this.updates, this.others)
    return this.encoded
  }
}

/** An awareness entry as relayed: whose, which version, the state's JSON ("null": removed). */
export type RelayedEntry = Pick<AwarenessEntry, 'client' | 'clock' | 'state' | 'removed'>

/** No peer sent the updates waiting (or several did): everyone gets them. */
const MIXED = Symbol('mixed')

/**
 * What a room relays, gathered and sent together: the document updates accepted within one
 * turn of the event loop, and awareness over a short window (or until the next updates go,
 * whichever is first) merged into one awareness message, the latest entry of each client. Each
 * flush encodes once and writes one buffer per socket: under load a turn holds many updates,
 * and a room of 300 then costs 300 writes per turn, not 300 per update.
 *
 * The updates stay one message each inside that buffer rather than one `Y.mergeUpdates`: the
 * write per socket is what costs, and the load harness's raw clients (../shared/bench) read one
 * edit per update message, so merged edits would count there as lost deliveries.
 */
export class Outbox {
  private updates: Uint8Array[] = []
  private updateBytes = 0
  /** The peer every waiting update came from (it has them already), or MIXED. */
  private origin: unknown = MIXED
  private readonly entries = new Map<number, RelayedEntry>()
  /** Some waiting entry is news (not only a renewal): it goes within the short window. */
  private news = false
  private immediate: ReturnType<typeof setImmediate> | null = null
  private timer: ReturnType<typeof setTimeout> | null = null

  constructor(
    private readonly peers: ReadonlyMap<Peer, unknown>,
    /** Sends a batch to one peer (the room checks its send buffer first). */
    private readonly deliver: (peer: Peer, batch: Batch) => void,
    private readonly awarenessWindowMs: number,
    /**
     * Updates waiting past this many bytes go at once: a batch counts whole against
     * each socket's send limit, and must not close a reader that keeps up.
     */
    private readonly maxBatchBytes: number,
    /** How long renewals alone wait (see `awareness`); the short window by default. */
    private readonly renewalWindowMs: number = awarenessWindowMs,
  ) {}

  /** An update applied to the document; `origin` is the peer that sent it, if one did. */
  update(update: Uint8Array, origin: unknown): void {
    this.origin = this.updates.length === 0 || this.origin === origin ? origin : MIXED
    this.updates.push(update)
    this.updateBytes += update.byteLength
    if (this.updateBytes >= this.maxBatchBytes) this.flush()
    else this.immediate ??= setImmediate(this.flush)
  }

  /**
   * Awareness entries to relay. Per client the newest wins, and a removal wins over a state of
   * the same clock (as in y-protocols): a client's removal is never lost behind, or replaced
   * by, its own older state that has not gone out yet.
   *
   * `renewals`: the entries only renew states every peer has (the same state under a newer
   * clock, which each client sends every 15 s so that others keep showing it for 30 s). Nobody
   * sees a difference whether one goes now or a second later, so alone they wait the longer
   * window, and usually leave with the room's next edits instead of costing every socket a
   * write of their own. Anything else waiting goes within the short window, as before.
   */
  awareness(entries: readonly RelayedEntry[], renewals = false): void {
    for (const entry of entries) {
      const waiting = this.entries.get(entry.client)
      if (
        waiting &&
        (waiting.clock > entry.clock || (waiting.clock === entry.clock && !entry.removed))
      ) {
        continue
      }
      this.entries.set(entry.client, entry)
    }
    if (this.entries.size === 0 || this.immediate) return
    if (renewals) {
      if (this.timer) return
      this.timer = setTimeout(this.flush, this.renewalWindowMs)
    } else {
      // News while renewals alone wait: it goes within the short window, with them.
      if (this.timer && this.news) return
      if (this.timer) clearTimeout(this.timer)
      this.news = true
      this.timer = setTimeout(this.flush, this.awarenessWindowMs)
    }
    this.timer.unref?.()
  }

  /** Sends everything waiting now. */
  readonly flush = (): void => {
    if (this.immediate) clearImmediate(this.immediate)
    if (this.timer) clearTimeout(this.timer)
    this.immediate = null
    this.timer = null
    this.news = false
    const updates = this.updates
    const origin = this.origin
    // Most flushes carry edits alone: no awareness array is made for them.
    let awareness: Uint8Array | null = null
    if (this.entries.size > 0) {
      awareness = encodeAwarenessFrame(encodeAwarenessEntries([...this.entries.values()]))
      this.entries.clear()
    }
    if (updates.length === 0 && !awareness) return
    this.updates = []
    this.updateBytes = 0
    this.origin = MIXED
    const all = new Batch(updates, awareness ? [awareness] : NO_OTHERS)
    // The one writer of the updates does not get them back; it still gets the awareness.
    const toOrigin = updates.length === 0 ? all : awareness ? new Batch([], [awareness]) : null
    // The room detaches a peer that cannot take more while this runs.
    for (const peer of this.peers.keys()) {
      if (peer !== origin) this.deliver(peer, all)
      else if (toOrigin) this.deliver(peer, toOrigin)
    }
  }

  /** Drops what waits (the room is gone). */
  destroy(): void {
    if (this.immediate) clearImmediate(this.immediate)
    if (this.timer) clearTimeout(this.timer)
    this.immediate = null
    this.timer = null
    this.news = false
    this.updates = []
    this.updateBytes = 0
    this.entries.clear()
  }
}
