import { readFollowUpItem } from '@hytepaja/shared/doc/followUpItem'
import { agendaRoot } from '@hytepaja/shared/doc/schema/event'
import type * as Y from 'yjs'
import { lazyWithMessages } from '../../i18n/lazyWithMessages'
import { useSnapshot } from '../../sync/hooks'

// The panel and its words load only for an event whose organiser put the follow-up item on
// the agenda: most boards never download them.
const BoardFollowUpPanel = lazyWithMessages(['followUpItem'], () => import('./BoardFollowUpPanel'))

/** Which follow-up item stands (its agenda item id and what it lists), or null. */
function standingKey(doc: Y.Doc): string | null {
  const item = readFollowUpItem(doc)
  if (!item || item.declinedAt !== null || !agendaRoot(doc).has(item.agendaItemId)) return null
  return `${item.agendaItemId}:${item.actionIds.join(',')}`
}

/**
 * Beside the new ideas: the actions agreed at earlier meetings, when the organiser put them on
 * this event's agenda, so that the group's new proposals build on them.
 */
export function BoardFollowUpSlot({
  eventId,
  token,
  doc,
  lang,
}: {
  eventId: string
  token: string
  doc: Y.Doc | null
  lang: string
}) {
  const key = useSnapshot(doc, standingKey, null)
  if (!key) return null
  return <BoardFollowUpPanel eventId={eventId} token={token} version={key} lang={lang} />
}
