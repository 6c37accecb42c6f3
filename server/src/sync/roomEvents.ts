import type { UnreadableDocument } from '../store/integrity.js'
import type { Refusal } from './admission.js'
import type { Peer } from './peer.js'
import type { Room } from './room.js'

/**
 * What a room reports to the server (logs and metrics); each is optional, as tests listen only
 * to what they check. A handler runs on the path that noticed and must be cheap:
 * `onRejectedWrite` runs for every edit a participant sends to a locked board.
 */
export interface RoomEvents {
  /** A peer sent something the protocol does not allow; it has been closed. */
  onPeerError?(room: Room, peer: Peer, error: Error): void
  /** A read-only peer tried to write; the update was dropped. */
  onRejectedWrite?(room: Room, peer: Peer): void
  /** Storage failed in the background (the update stays queued and is retried). */
  onStoreError?(name: string, error: unknown): void
  /** Awareness entries not relayed: too large, or replaced by newer ones while over the rate. */
  onAwarenessDropped?(reason: 'size' | 'rate', count: number): void
  /**
   * An update refused for its shape, size or missing dependencies (its peer has been closed),
   * or, without a peer, a stored part held back at load and dropped.
   */
  onRefusedUpdate?(room: Room, peer: Peer | null, reason: Refusal['reason']): void
  /** A compaction was stored; encoding the whole document held the event loop for `encodeMs`. */
  onCompacted?(name: string, encodeMs: number): void
  /** A document's stored state could not be read (damaged); its room did not load. */
  onUnreadable?(error: UnreadableDocument): void
}
