import type { Seat } from '@hytepaja/shared/domain/presence'

/**
 * The last awareness state a peer sent for one client and what the room showed of it (stamped
 * with the peer's seat): a client renews the same state every 15 s, and the same state from
 * the same seat shows the same, so it is stamped only when it changes.
 */
export interface LastStamp {
  client: number
  /** The state's JSON as the peer sent it. */
  sent: string
  /** Who the peer's token said it was then (none for test peers). */
  seat: Seat | null
  /** The state's JSON as the room shows it. */
  shown: string
}

/**
 * What a room keeps of each connected peer besides the peer itself. Created once at attach;
 * the relay path reads and writes its fields in place and never copies it.
 */
export interface PeerState {
  /**
   * The awareness clients it speaks for, in the order it claimed them: usually one. An array,
   * replaced when it changes: a Set per socket was ~180 bytes, an array of one ~56.
   */
  clients: readonly number[]
  /** When it attached, in the room's order of attaches and awareness removals. */
  since: number
  /**
   * Clients it sent news about while another socket spoke for them: a phone that reconnects
   * before the server noticed its old socket died. When that socket goes, they pass here.
   * Made when it first waits for one (rarely: two empty Sets per socket were ~300 bytes).
   */
  heirTo: Set<number> | null
  /**
   * The server dropped writes of this peer while it could not write (a locked board), or asked
   * it for what it lacks since: its next edits build on changes the server never took, and
   * must not be refused for that (see `Room.rightsChanged`).
   */
  gap: 'none' | 'dropped' | 'asked'
  /**
   * While the store records the seat of a client id this peer wrote under for the first time,
   * everything it sends waits here, in order.
   */
  waiting: { frames: Uint8Array[]; bytes: number } | null
  /** Set once it sends awareness (see `LastStamp`). */
  stamp: LastStamp | null
}

export function newPeerState(since: number): PeerState {
  return { clients: [], since, heirTo: null, gap: 'none', waiting: null, stamp: null }
}
