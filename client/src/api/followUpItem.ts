import type { FollowUpItemAction } from '@hytepaja/shared/followUp/followUpItem'
import { requestJson } from './http'

export type { FollowUpItemAction } from '@hytepaja/shared/followUp/followUpItem'

/** `GET /api/events/{id}/follow-up-item`: the earlier meetings' actions on this agenda. */
export interface FollowUpItemAnswer {
  state: 'accepted' | 'offered' | 'leftOut' | 'none'
  item: { agendaItemId: string; label: string | null; title: string; acceptedAt: number } | null
  sources: Array<{ id: string; title: string; startsAt: string }>
  actions: FollowUpItemAction[]
}

const path = (eventId: string) => `/api/events/${encodeURIComponent(eventId)}/follow-up-item`

export function fetchFollowUpItem(eventId: string, token: string, signal?: AbortSignal) {
  return requestJson<FollowUpItemAnswer>(path(eventId), { token, signal })
}

/** Puts the item on the agenda, or lists the open actions again as they now stand. */
export function acceptFollowUpItem(eventId: string, token: string) {
  return requestJson<FollowUpItemAnswer>(path(eventId), { method: 'POST', token })
}

/** Takes the item off the agenda; it is not offered again until accepted. */
export function leaveOutFollowUpItem(eventId: string, token: string) {
  return requestJson<null>(path(eventId), { method: 'DELETE', token })
}
