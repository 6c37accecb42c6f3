import type { GroupState } from '@hytepaja/shared/doc/schema/event'
import { requestJson } from './http'

/**
 * A group's decision proposal as server commands: adding and removing action proposals (the
 * set is kept to three by the server), and the facilitator's ready, promote and withdraw. The
 * texts themselves are co-edited over Yjs, never sent here.
 */
export function proposalApi(eventId: string, groupId: string, token: string) {
  const base = `/api/events/${encodeURIComponent(eventId)}/groups/${encodeURIComponent(groupId)}/proposal`
  return {
    addAction: () => requestJson<{ id: string }>(`${base}/actions`, { method: 'POST', token }),
    removeAction: (actionId: string) =>
      requestJson<null>(`${base}/actions/${encodeURIComponent(actionId)}`, {
        method: 'DELETE',
        token,
      }),
    setReady: (ready: boolean) =>
      requestJson<GroupState>(`${base}/ready`, { method: 'PUT', token, body: { ready } }),
    promote: () => requestJson<{ version: number }>(`${base}/promote`, { method: 'POST', token }),
    withdraw: () => requestJson<null>(`${base}/withdraw`, { method: 'POST', token }),
  }
}

export type ProposalApi = ReturnType<typeof proposalApi>

/** The organisations of the event's participants: suggestions for responsible parties. */
export function fetchOrganisations(eventId: string, token: string, signal?: AbortSignal) {
  return requestJson<{ organisations: string[] }>(
    `/api/events/${encodeURIComponent(eventId)}/organisations`,
    { token, signal },
  )
}
