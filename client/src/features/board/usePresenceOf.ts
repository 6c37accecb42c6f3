import type { Actor } from '@hytepaja/shared/domain/roles'
import { useEffect } from 'react'
import type { SyncedDoc } from '../../sync/openDoc'
import { presenceColor, showPresence } from '../../sync/presence'

/** Shows this person on the board for as long as it is open. */
export function usePresenceOf(synced: SyncedDoc | null, actor: Actor): void {
  const { id, name, role } = actor
  useEffect(() => {
    if (!synced) return
    return showPresence(synced.awareness, { id, name, role, color: presenceColor(id) })
  }, [synced, id, name, role])
}
