/**
 * Hytepaja's one addition to the y-websocket protocol: a "saved" acknowledgement, so that a
 * phone can say "all changes saved" truthfully. A client opts in with `?saved=1` on the sync
 * URL (stock clients never see it). After the server has durably stored updates from that
 * connection, it sends:
 *
 *   varUint MESSAGE_SAVED · varUint n · n × (varUint clientId · varUint clock)
 *
 * meaning: every change of `clientId` below `clock` is on disk. A client compares the clock of
 * its own clientId with its document's state (`Y.getState(doc.store, doc.clientID)`).
 */
export const MESSAGE_SAVED = 100

export interface SavedClock {
  clientId: number
  clock: number
}
