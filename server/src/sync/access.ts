import type { Actor } from '@hytepaja/shared/domain/roles'
import type * as Y from 'yjs'

/** What the sync route asks the auth layer before it upgrades a socket. */
export type SyncDecision = SyncGrant | SyncDenial

export interface SyncGrant {
  ok: true
  eventId: string
  /** Identifies the token (its hash), so a revoked token's sockets can be found and closed. */
  tokenId: string
  participantId: string | null
  /** Who writes through this socket (a participant, a group's facilitator, the organiser…). */
  actor: Actor
  /**
   * Asked for every update the peer sends, with the live event document (which holds locks
   * and ready marks): rights can change while the socket is open.
   */
  canWrite(eventDoc: Y.Doc): boolean
}

export interface SyncDenial {
  ok: false
  status: 401 | 403 | 404
  code: string
  message: string
}

export interface SyncAccess {
  /** At once (no promise) when everything it reads is at hand: see auth/syncAccess.ts. */
  authorize(token: string | undefined, docName: string): SyncDecision | Promise<SyncDecision>
}
