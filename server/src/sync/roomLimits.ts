import type { AwarenessRate } from './awarenessBudget.js'

/**
 * What one room allows its peers. Set once per server (`Rooms` merges the operator's tuning
 * over the defaults) and read by the room and its awareness and compaction parts.
 */
export interface RoomLimits {
  /**
   * Close a peer whose send buffer would hold more than this many bytes with the next frame
   * (above the largest document's size, so that every reader can take its first sync).
   */
  maxBufferedBytes: number
  /** Client ids one connection may speak for in awareness (one per Y.Doc it syncs). */
  maxAwarenessClients: number
  /** How often one sender's (token and address) awareness is relayed to the others. */
  awarenessRate: AwarenessRate
  /**
   * Compact when the update log since the last snapshot holds as many bytes as the document
   * (its encoded size when last measured), but at least `compactAfterBytesFloor` and at most
   * `compactAfterBytes`, or else `compactAfterUpdates` updates. A compaction encodes the whole
   * document, so its cost grows with the document: folding after a fixed count stalled large
   * boards often, while this keeps it proportionate and loading (snapshot plus log) under about
   * twice the document's bytes.
   */
  compactAfterUpdates: number
  compactAfterBytes: number
  compactAfterBytesFloor: number
  /** How long awareness waits to be relayed with others' (unless document updates go first). */
  awarenessWindowMs: number
  /**
   * How long renewals alone wait (a client's same state under a newer clock, every 15 s): far
   * below the 30 s after which clients stop showing a state that was not renewed.
   */
  awarenessRenewalWindowMs: number
}

export const DEFAULT_LIMITS: RoomLimits = {
  maxBufferedBytes: 8 * 1024 * 1024,
  maxAwarenessClients: 4,
  // A live cursor sends ten a second; a person typing in a shared text a few more.
  awarenessRate: { perSecond: 15, burst: 30 },
  // A far backstop: only a small document's log of tiny edits reaches it before its bytes do.
  compactAfterUpdates: 5_000,
  compactAfterBytes: 1024 * 1024,
  compactAfterBytesFloor: 64 * 1024,
  // Below what a person notices of a cursor or a name; a 300-client room's renewals then
  // mostly travel with the edits instead of costing every socket a write of their own.
  awarenessWindowMs: 40,
  // Renewals are most of a quiet room's awareness (20 clients: one every 0.75 s); waiting this
  // long, most go out with the room's next edits instead of a write to every socket each.
  awarenessRenewalWindowMs: 2_000,
}
