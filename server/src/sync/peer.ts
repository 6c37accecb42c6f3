import type { Seat } from '@hytepaja/shared/domain/presence'
import type { Actor } from '@hytepaja/shared/domain/roles'
import type { Batch } from './outbox.js'

/**
 * What a room needs from a connected client. The room never sees a socket library: the route
 * adapts a `ws` socket to this, and tests use plain objects.
 */
export interface Peer {
  readonly id: string
  /** Evaluated per message: a board becomes read-only for participants while it is locked. */
  canWrite(): boolean
  send(frame: Uint8Array): void
  /**
   * Sends what a room relays to all its peers at once; the batch's wire bytes are encoded once
   * for all of them. Without it, the room sends the batch's frames one by one.
   */
  sendBatch?(batch: Batch): void
  close(code: number, reason: string): void
  /** Bytes queued in the send buffer, for closing peers that do not keep up. */
  bufferedAmount(): number
  /** The client asked for "saved" acknowledgements (shared/protocol/saved.ts). */
  readonly wantsSaved?: boolean
  /** Who writes through this peer; document guards check each change against it. */
  readonly actor?: Actor
  /** Who others see in this peer's awareness, read when it sends some (names can change). */
  seat?(): Seat
  /**
   * Whose awareness budget this peer spends (its token and address): many sockets of one
   * person share one, so opening more sockets sends no more.
   */
  readonly sender?: string
}
