import { INITIAL_STATUS, type SyncStatus } from '../../sync/connectionState'

const CONNECTION_RANK: Record<SyncStatus['connection'], number> = {
  connected: 0,
  connecting: 1,
  disconnected: 2,
}

/**
 * One status for a view made of several documents: "saved" only when every one is saved,
 * the weakest connection, the first terminal close.
 */
export function combineStatus(statuses: SyncStatus[]): SyncStatus {
  if (statuses.length === 0) return INITIAL_STATUS
  return statuses.reduce((all, one) => ({
    connection:
      CONNECTION_RANK[one.connection] > CONNECTION_RANK[all.connection]
        ? one.connection
        : all.connection,
    synced: all.synced && one.synced,
    loadedLocal: all.loadedLocal && one.loadedLocal,
    unsaved: all.unsaved || one.unsaved,
    confirmations: all.confirmations + one.confirmations,
    failedAttempts: Math.max(all.failedAttempts, one.failedAttempts),
    closed: all.closed ?? one.closed,
    rightsChanged: all.rightsChanged + one.rightsChanged,
  }))
}
