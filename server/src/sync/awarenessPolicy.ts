import type { AwarenessEntry } from './protocol.js'

/** What a room knows when it judges an awareness entry sent by one connection. */
export interface AwarenessView {
  /** The room's own awareness id, which nobody may speak for. */
  roomClient: number
  /** The room's clock for a client and whether it shows a state for it. */
  known(client: number): { clock: number; shown: boolean } | undefined
  /** Which connection speaks for a client: the sender, another one, or none. */
  owner(client: number): 'sender' | 'other' | 'none'
  /** The sender joined after the room last removed this client, so it never got its state. */
  joinedAfterRemoval(client: number): boolean
}

/**
 * - `own`: the sender's own client; applied and relayed as sent.
 * - `claim`: news about a client nobody speaks for; the sender now does.
 * - `return`: a client coming back on a new socket with the state it had when the room removed
 *   it. Every peer has that clock already and would ignore it (y-websocket#122: reconnected
 *   clients stay invisible until their next change); the sender now speaks for it and the
 *   room shows it again under the next clock.
 * - `echo`: a repeat of what the room has of another connection's client; y-websocket clients
 *   send one for every change they receive. Dropped.
 * - `refuse`: anything else (a forged state, a stale one): dropped.
 */
export type Verdict = 'own' | 'claim' | 'return' | 'echo' | 'refuse'

export function judge(entry: AwarenessEntry, view: AwarenessView): Verdict {
  if (entry.client === view.roomClient) return 'refuse'
  const owner = view.owner(entry.client)
  if (owner === 'sender') return 'own'
  const known = view.known(entry.client)
  if (owner === 'other') return known && entry.clock <= known.clock ? 'echo' : 'refuse'
  if (entry.removed) return 'refuse'
  if (!known || entry.clock > known.clock) return 'claim'
  // Removed (the room keeps the clock of the last state): the same state again is the client
  // itself only from a socket that joined after the removal, as an older socket may be
  // echoing, late, the last state of someone who has just left.
  if (!known.shown && view.joinedAfterRemoval(entry.client)) return 'return'
  return 'refuse'
}
