/**
 * What a room keeps of each connected peer besides the peer itself. Created once at attach;
 * the relay path reads and writes its fields in place and never copies it.
 */
export interface PeerState {
  clients: Set<number>
  /** When it attached, in the room's order of attaches and awareness removals. */
  since: number
  /**
   * Clients it sent news about while another socket spoke for them: a phone that reconnects
   * before the server noticed its old socket died. When that socket goes, they pass here.
   */
  heirTo: Set<number>
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
}

export function newPeerState(since: number): PeerState {
  return { clients: new Set(), since, heirTo: new Set(), gap: 'none', waiting: null }
}
