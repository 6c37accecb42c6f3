import type { SavedClock } from '@hytepaja/shared/protocol/saved'
import * as decoding from 'lib0/decoding'
import * as Y from 'yjs'

/** Reads the body of a MESSAGE_SAVED frame (after its type): `n × (clientId, clock)`. */
export function readSavedClocks(decoder: decoding.Decoder): SavedClock[] {
  const count = decoding.readVarUint(decoder)
  const clocks: SavedClock[] = []
  for (let i = 0; i < count; i++) {
    const clientId = decoding.readVarUint(decoder)
    const clock = decoding.readVarUint(decoder)
    clocks.push({ clientId, clock })
  }
  return clocks
}

/** Raises what is known of one client; true when that is news. */
function raise(known: Map<number, number>, clientId: number, clock: number): boolean {
  if ((known.get(clientId) ?? 0) >= clock) return false
  known.set(clientId, clock)
  return true
}

/** Each client's clock in the document. */
function clocksOf(doc: Y.Doc): Map<number, number> {
  const clocks = new Map<number, number>()
  for (const client of doc.store.clients.keys()) clocks.set(client, Y.getState(doc.store, client))
  return clocks
}

/** Where the clients whose clocks rose since `before` now end. */
function raisedSince(doc: Y.Doc, before: Map<number, number>): Map<number, number> {
  const raised = new Map<number, number>()
  for (const client of doc.store.clients.keys()) {
    const clock = Y.getState(doc.store, client)
    if (clock > (before.get(client) ?? 0)) raised.set(client, clock)
  }
  return raised
}

/**
 * How long the server may hold an update in memory before it is on its disk: it appends what it
 * accepts within ≈ 50 ms (DESIGN.md), plus a busy disk's sync. What the server showed us longer
 * ago than this counts as saved even after the connection ends.
 */
export const SERVER_WRITES_WITHIN_MS = 2000

/** What a connection showed of one client: the clock, since when, and a clock older than that. */
interface Shown {
  clock: number
  at: number
  /** A clock the server had shown for at least `SERVER_WRITES_WITHIN_MS` by `at`. */
  written: number
}

/** The newest clock of `shown` that the server had held long enough by `at` to have written. */
const writtenBy = (shown: Shown, at: number) =>
  at - shown.at >= SERVER_WRITES_WITHIN_MS ? shown.clock : shown.written

/**
 * Knows whether every change in a local document is safely on the server.
 *
 * The server's copy is learnt four ways: its state vector at the start of each connection
 * (sync step 1), the updates it relays to us, "saved" acknowledgements for what we sent, and on
 * a first visit the whole state fetched over HTTP before the socket has spoken.
 * Checking every client in the document, not just our own clientID, matters after a restart:
 * notes written offline in an earlier visit carry that visit's clientID and still have to go.
 */
export function createSaveTracker(doc: Y.Doc, now: () => number = Date.now) {
  /** Acknowledged as written to disk, or shown by the server for longer than a write takes. */
  const durable = new Map<number, number>()
  /**
   * Held in the server's memory, as this connection showed it (or the whole state fetched
   * while none was up). When a connection on which the server spoke ends, what it showed
   * `SERVER_WRITES_WITHIN_MS` before goes to `durable`, the rest is forgotten: a server that
   * stopped may have lost its last batch (the devices that wrote it send it again).
   */
  let connection = new Map<number, Shown>()
  /** The server has spoken on the current connection. */
  let spoke = false
  /** Grows whenever the server confirms more: a cheap signal to look at single items again. */
  let confirmations = 0

  const learn = (stateVector: Map<number, number>) => {
    const at = now()
    for (const [clientId, clock] of stateVector) {
      const shown = connection.get(clientId)
      if (shown && shown.clock >= clock) continue
      connection.set(clientId, { clock, at, written: shown ? writtenBy(shown, at) : 0 })
      confirmations++
    }
  }
  const known = (clientId: number) =>
    Math.max(durable.get(clientId) ?? 0, connection.get(clientId)?.clock ?? 0)

  return {
    acknowledge(clocks: SavedClock[]): void {
      for (const { clientId, clock } of clocks) if (raise(durable, clientId, clock)) confirmations++
    },

    /** The server's state vector (its sync step 1), or where an update it sent ends. */
    observeServerState(stateVector: Map<number, number>): void {
      spoke = true
      learn(stateVector)
    },

    /**
     * Runs `apply`, which applies the whole state fetched over HTTP, and counts all it brought
     * as on the server: it is the server's memory, as a step 1 would tell it. It may come
     * before any socket is up (the socket then starts connecting afterwards) and counts from
     * then on, so one's own notes written on another device show as saved at once instead of
     * after the socket's first round trip. What it brought is read from the document's clocks,
     * not by parsing the update again (Y.encodeStateVectorFromUpdate: ~8 ms of CPU for 2,000
     * notes); a change of this device's own cannot rise in a remote update.
     */
    applyFetchedState(apply: () => void): void {
      const before = clocksOf(doc)
      apply()
      learn(raisedSince(doc, before))
    },

    /**
     * Where a relayed update ends, per client. Not `encodeStateVectorFromUpdate`: it leaves
     * out every client whose changes do not start at clock 0, i.e. every incremental update.
     */
    observeServerUpdate(update: Uint8Array): void {
      this.observeServerState(Y.parseUpdateMeta(update).to)
    },

    /**
     * Called whenever the socket is not connected ('connecting' too). A connection on which
     * the server never spoke taught nothing to forget; what a fetch taught is kept until the
     * connection after it has spoken and ended. What the server showed long enough ago to have
     * written it stays known: one's own notes written on another device, and everyone else's,
     * do not turn "unsent" when the phone goes offline.
     */
    connectionLost(): void {
      if (!spoke) return
      spoke = false
      const at = now()
      for (const [clientId, shown] of connection) {
        raise(durable, clientId, writtenBy(shown, at))
      }
      connection = new Map()
    },

    confirmations: () => confirmations,

    /** Whether the server has the change that made this item (its id: client and clock). */
    hasItem(id: { client: number; clock: number }): boolean {
      return id.clock < known(id.client)
    },

    /** Whether the local document holds anything the server has not confirmed. */
    hasUnsaved(): boolean {
      for (const clientId of doc.store.clients.keys()) {
        if (Y.getState(doc.store, clientId) > known(clientId)) return true
      }
      return false
    },
  }
}

export type SaveTracker = ReturnType<typeof createSaveTracker>
