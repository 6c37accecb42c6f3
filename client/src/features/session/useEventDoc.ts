import { eventDocName } from '@hytepaja/shared/doc/names'
import { type EventMeta, type Group, readGroups, readMeta } from '@hytepaja/shared/doc/schema/event'
import type { SessionEvent } from '../../api/endpoints'
import { useDoc, useSnapshot } from '../../sync/hooks'
import type { SyncedDoc } from '../../sync/openDoc'
import { useShownGroups, useShownMeta } from './shownContent'

const NO_GROUPS: Group[] = []

/**
 * The event's title, facts and groups, live from the event document (kept on the device for
 * offline use), with the session's copy until the document has arrived; the title and the
 * groups' names and descriptions in the reader's language where given (`shownContent.ts`).
 */
export function useEventDoc(
  eventId: string,
  token: string,
  fromSession: SessionEvent | null,
): { synced: SyncedDoc | null; meta: EventMeta | null; groups: Group[] } {
  const synced = useDoc(eventDocName(eventId), token)
  const raw = useSnapshot(synced?.doc ?? null, readMeta, null) ?? fromSession
  const rawGroups = useSnapshot(synced?.doc ?? null, readGroups, NO_GROUPS)
  const meta = useShownMeta(raw)
  const groups = useShownGroups(
    rawGroups.length > 0 ? rawGroups : (fromSession?.groups ?? NO_GROUPS),
    raw?.language ?? 'fi',
  )
  return { synced, meta, groups }
}
