import type * as Y from 'yjs'

/**
 * The follow-up item in the event document (`event:{eventId}`): which agenda item follows up
 * the actions agreed at earlier meetings and which actions it lists. Written by server
 * commands only. Every token of the event syncs this document, so it holds ids and nothing
 * else: the actions themselves, with their statuses, are answered by the server
 * (`GET /api/events/{id}/follow-up-item`), which decides what each role may read.
 */

const FOLLOW_UP_ITEM = 'followUpItem'
const ITEM = 'item'

export interface FollowUpItem {
  /** The agenda item (a talk in the shared situational picture) that holds the follow-up. */
  agendaItemId: string
  /** The decided actions it lists (`{eventId}-{itemId}-{actionId}`), frozen when accepted. */
  actionIds: string[]
  /** The earlier meetings the actions come from. */
  sourceEventIds: string[]
  acceptedAt: number
  /** The organiser left it out (the offer is not made again); null while it stands. */
  declinedAt: number | null
}

export function followUpItemRoot(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(FOLLOW_UP_ITEM)
}

export function readFollowUpItem(doc: Y.Doc): FollowUpItem | null {
  return (followUpItemRoot(doc).get(ITEM) as FollowUpItem | undefined) ?? null
}

export function writeFollowUpItem(doc: Y.Doc, item: FollowUpItem | null): void {
  followUpItemRoot(doc).set(ITEM, item)
}
