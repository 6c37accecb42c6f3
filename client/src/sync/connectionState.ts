import { CloseCode } from '@hytepaja/shared/protocol/closeCodes'

/** Everything the app knows about one document's link to the server. */
export interface SyncStatus {
  connection: 'connecting' | 'connected' | 'disconnected'
  /** The server's copy has arrived on the current connection. */
  synced: boolean
  /**
   * The copy kept on this device has been read; on a first visit (no copy yet), also the whole
   * state fetched over HTTP has arrived or failed.
   */
  loadedLocal: boolean
  /** The document holds changes the server has not confirmed as saved. */
  unsaved: boolean
  /** Grows with each confirmation from the server (which single changes are on it may differ). */
  confirmations: number
  /** Connection attempts that failed in a row (reset once a connection syncs). */
  failedAttempts: number
  /** The server ended the connection for good (a 44xx close code). */
  closed: { code: number; reason: string } | null
  /**
   * How often the server closed the connection because this person's rights changed (the
   * organiser moved them to another group): the page asks again who it is.
   */
  rightsChanged: number
}

export const INITIAL_STATUS: SyncStatus = {
  connection: 'connecting',
  synced: false,
  loadedLocal: false,
  unsaved: false,
  confirmations: 0,
  failedAttempts: 0,
  closed: null,
  rightsChanged: 0,
}

/** What the person is told, in words (the UI never relies on colour alone). */
export type ConnectionSummary =
  | 'connecting'
  | 'saved'
  | 'saving'
  | 'live'
  | 'offline'
  | 'revoked'
  | 'forbidden'
  | 'gone'
  | 'broken'

/** A first attempt or two is "connecting"; after that the person should know they are offline. */
const ATTEMPTS_BEFORE_OFFLINE = 2

export function summarise(
  status: SyncStatus,
  { readOnly }: { readOnly: boolean },
): ConnectionSummary {
  if (status.closed) {
    switch (status.closed.code) {
      case CloseCode.Revoked:
        return 'revoked'
      case CloseCode.Forbidden:
        return 'forbidden'
      case CloseCode.Gone:
        return 'gone'
      default:
        return 'broken'
    }
  }
  if (status.connection === 'connected') {
    if (status.unsaved && !readOnly) return 'saving'
    if (!status.synced) return 'connecting'
    return readOnly ? 'live' : 'saved'
  }
  if (status.connection === 'connecting' && status.failedAttempts < ATTEMPTS_BEFORE_OFFLINE) {
    return 'connecting'
  }
  return 'offline'
}

/** Terminal states: the link no longer gives access and reconnecting will not help. */
export function isTerminal(summary: ConnectionSummary): boolean {
  return (
    summary === 'revoked' || summary === 'forbidden' || summary === 'gone' || summary === 'broken'
  )
}
