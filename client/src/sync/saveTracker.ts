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

/**
 * Knows whether every change in a local document is safely on the server.
 *
 * The server's copy is learnt three ways: its state vector at the start of each connection
 * (sync step 1), the updates it relays to us, and "saved" acknowledgements for what we sent.
 * Checking every client in the document, not just our own clientID, matters after a restart:
 * notes written offline in an earlier visit carry that visit's clientID and still have to go.
 */
export function createSaveTracker(doc: Y.Doc) {
  /** Acknowledged as written to disk: true across reconnects. */
  const durable = new Map<number, number>()
  /** Held in the server's memory on this connection: forgotten when the connection ends. */
  let connection = new Map<number, number>()
  /** Grows whenever the server confirms more: a cheap signal to look at single items again. */
  let confirmations = 0

  const known = (clientId: number) =>
    Math.max(durable.get(clientId) ?? 0, connection.get(clientId) ?? 0)

  return {
    acknowledge(clocks: SavedClock[]): void {
      for (const { clientId, clock } of clocks) if (raise(durable, clientId, clock)) confirmations++
    },

    observeServerState(stateVector: Map<number, number>): void {
      for (const [clientId, clock] of stateVector)
        if (raise(connection, clientId, clock)) confirmations++
    },

    /**
     * Where a relayed update ends, per client. Not `encodeStateVectorFromUpdate`: it leaves
     * out every client whose changes do not start at clock 0, i.e. every incremental update.
     */
    observeServerUpdate(update: Uint8Array): void {
      this.observeServerState(Y.parseUpdateMeta(update).to)
    },

    connectionLost(): void {
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
