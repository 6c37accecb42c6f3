import { eventDocName } from '@hytepaja/shared/doc/names'
import { type EventMeta, type Group, readGroups, readMeta } from '@hytepaja/shared/doc/schema'
import type { SessionEvent } from '../../api/endpoints'
import { useDoc, useSnapshot } from '../../sync/hooks'
import type { SyncedDoc } from '../../sync/openDoc'

const NO_GROUPS: Group[] = []

/**
 * The event's title, facts and groups, live from the event document (kept on the device for
 * offline use), with the session's copy until the document has arrived.
 */
export function useEventDoc(
  eventId: string,
  token: string,
  fromSession: SessionEvent | null,
): { synced: SyncedDoc | null; meta: EventMeta | null; groups: Group[] } {
  const synced = useDoc(eventDocName(eventId), token)
  const meta = useSnapshot(synced?.doc ?? null, readMeta, null)
  const groups = useSnapshot(synced?.doc ?? null, readGroups, NO_GROUPS)
  return {
    synced,
    meta: meta ?? fromSession,
    groups: groups.length > 0 ? groups : (fromSession?.groups ?? NO_GROUPS),
  }
}
