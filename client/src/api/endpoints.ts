import type { EventMeta, Group } from '@hytepaja/shared/doc/schema/event'
import type { Role } from '@hytepaja/shared/domain/roles'
import type { OrganisationKind } from '@hytepaja/shared/register/organisations'
import { requestJson } from './http'

export interface SessionEvent extends EventMeta {
  groups: Group[]
}

/** `GET /api/session`: who a token speaks for, and its event. */
export interface Session {
  eventId: string
  role: Role
  groupId: string | null
  participant: { id: string; displayName: string; organisation: string | null } | null
  /**
   * A facilitator's own seat (the organiser named them, or they named themselves); null for a
   * group's shared facilitator link, whose holder is asked who they are.
   */
  facilitator?: { id: string; name: string } | null
  event: SessionEvent
  /** This token's author key per group whose board it writes. */
  authorKeys: Record<string, string>
}

export function fetchSession(token: string, signal?: AbortSignal): Promise<Session> {
  return requestJson<Session>('/api/session', { token, signal })
}

/**
 * `POST /api/events/{id}/facilitators`: someone on a group's shared facilitator link says who
 * they are and gets a facilitator seat (and token) of their own.
 */
export function nameFacilitator(
  eventId: string,
  sharedToken: string,
  name: string,
): Promise<{ facilitatorId: string; name: string; groupId: string; token: string }> {
  return requestJson(`/api/events/${encodeURIComponent(eventId)}/facilitators`, {
    method: 'POST',
    token: sharedToken,
    body: { name },
  })
}

/** `POST /api/join`: the eight-digit code gives the event's join token. */
export function joinWithCode(code: string): Promise<{ eventId: string; token: string }> {
  return requestJson('/api/join', { method: 'POST', body: { code } })
}

export interface NewParticipant {
  displayName: string
  organisation: string
  groupId: string
}

/** `POST /api/events/{id}/participants`: the only request that creates a seat. */
export function createParticipant(
  eventId: string,
  joinToken: string,
  input: NewParticipant,
): Promise<{
  participantId: string
  token: string
  link: string
  authorKeys: Record<string, string>
}> {
  return requestJson(`/api/events/${encodeURIComponent(eventId)}/participants`, {
    method: 'POST',
    token: joinToken,
    body: input,
  })
}

/**
 * `POST /api/events/{id}/participants/me/group` with the participant's own token: moves the seat
 * to another group while neither workshop has started (409 `group.workshopStarted` after).
 */
export function changeMyGroup(
  eventId: string,
  participantToken: string,
  groupId: string,
): Promise<{ groupId: string }> {
  return requestJson(`/api/events/${encodeURIComponent(eventId)}/participants/me/group`, {
    method: 'POST',
    token: participantToken,
    body: { groupId },
  })
}

export interface EventListing {
  id: string
  title: string
  startsAt: string
  joinCode: string
  /** The partnership group (series) the event is a meeting of, if any. */
  seriesId?: string | null
}

/** `GET /api/events` with the organisers' console key. */
export function listEvents(consoleKey: string, signal?: AbortSignal): Promise<EventListing[]> {
  return requestJson<{ events: EventListing[] }>('/api/events', { token: consoleKey, signal }).then(
    (body) => body.events,
  )
}

export interface OrganisationSuggestion {
  name: string
  kind: OrganisationKind
}

/**
 * `GET /api/events/{id}/organisation-suggestions?q=`: at most ten names of the county's
 * register for what is typed (names and kinds only, never people).
 */
export function suggestOrganisations(
  eventId: string,
  token: string,
  typed: string,
  signal?: AbortSignal,
): Promise<OrganisationSuggestion[]> {
  const q = encodeURIComponent(typed.slice(0, 200))
  return requestJson<{ organisations: OrganisationSuggestion[] }>(
    `/api/events/${encodeURIComponent(eventId)}/organisation-suggestions?q=${q}`,
    { token, signal },
  ).then((body) => body.organisations)
}
