import type {
  AgendaItem,
  AgendaKind,
  EventMeta,
  Group,
  Language,
  Translated,
} from '@hytepaja/shared/doc/schema/event'
import { ApiError, NETWORK_UNAVAILABLE, requestJson } from './http'

/**
 * The organiser's commands under `/api/events`. `token` is the event's organiser token or the
 * console key, which acts as the organiser of every event.
 */

export interface RoleLinks<T> {
  organiser: T
  chair: T
  viewer: T
  join: T
  facilitators: Record<string, T>
}

/** A facilitator the organiser named, with a link of their own. */
export interface FacilitatorSeatLink {
  id: string
  name: string
  token: string
  link: string
}

/** Someone who named themselves on a group's shared facilitator link. */
export interface SelfNamedSeat {
  id: string
  name: string
  /** When they said their name (ms since the epoch). */
  namedAt: number
  /** A link of their own once the organiser renewed their seat; null until then. */
  link: string | null
  token: string | null
}

export interface EventLinks {
  joinCode: string
  tokens: RoleLinks<string>
  links: RoleLinks<string>
  /** Per group, each named facilitator's own link (missing from servers before seats). */
  facilitatorSeats?: Record<string, FacilitatorSeatLink[]>
  /** Per group, who named themselves on its shared link (missing from older servers). */
  facilitatorSelfSeats?: Record<string, SelfNamedSeat[]>
}

export interface NewEvent {
  title: string
  municipalities: string[]
  startsAt: string
  endsAt?: string | null
  place?: string | null
  remoteUrl?: string | null
  language?: Language
  groups?: Array<{ name: string; description?: string; facilitators?: string[] }>
}

export interface CreatedEvent extends EventLinks {
  id: string
  groups: Array<{ id: string; name: string }>
}

/** An agenda row as the server numbers it: "§9 a", or null for the workshop block. */
export interface AgendaRow extends AgendaItem {
  label: string | null
}

export interface ManagedEvent extends EventMeta {
  joinCode: string
  /** The municipality group (kuntaryhmä) of the county's register it belongs to, if any. */
  municipalityGroupId?: string | null
  /** The partnership group (series) it is a meeting of, if any (missing from older servers). */
  seriesId?: string | null
  groups: Group[]
  agenda: AgendaRow[]
}

export type EventPatch = Partial<Omit<EventMeta, 'id'>>

export interface GroupPatch extends Translated<'name' | 'description'> {
  name?: string
  description?: string
  facilitators?: string[]
}

export interface AgendaInput extends Translated<'title'> {
  title?: string
  kind?: AgendaKind
  startTime?: string | null
  presenter?: string | null
}

export interface ParticipantRow {
  id: string
  displayName: string
  organisation: string | null
  groupId: string | null
  joinedAt: number
  removed: boolean
}

const base = (eventId: string) => `/api/events/${encodeURIComponent(eventId)}`
const part = (id: string) => encodeURIComponent(id)

export function createEvent(consoleKey: string, input: NewEvent): Promise<CreatedEvent> {
  return requestJson('/api/events', { method: 'POST', token: consoleKey, body: input })
}

export function fetchEvent(eventId: string, token: string, signal?: AbortSignal) {
  return requestJson<ManagedEvent>(base(eventId), { token, signal })
}

export function updateEvent(eventId: string, token: string, patch: EventPatch) {
  return requestJson<EventMeta>(base(eventId), { method: 'PATCH', token, body: patch })
}

/** `PATCH /api/events/{id}` with only the municipality group (allowed after the lock too). */
export function setEventMunicipalityGroup(
  eventId: string,
  token: string,
  municipalityGroupId: string | null,
) {
  return requestJson<EventMeta & { municipalityGroupId: string | null }>(base(eventId), {
    method: 'PATCH',
    token,
    body: { municipalityGroupId },
  })
}

export function deleteEvent(eventId: string, token: string) {
  return requestJson<null>(base(eventId), { method: 'DELETE', token })
}

export function fetchLinks(eventId: string, token: string, signal?: AbortSignal) {
  return requestJson<EventLinks>(`${base(eventId)}/links`, { token, signal })
}

export function rotateJoin(eventId: string, token: string) {
  return requestJson<EventLinks>(`${base(eventId)}/join/rotate`, { method: 'POST', token })
}

/** Takes away the seat of someone who named themselves on the group's shared link. */
export function retireFacilitatorSeat(eventId: string, token: string, seatId: string) {
  return requestJson<EventLinks>(`${base(eventId)}/facilitators/${encodeURIComponent(seatId)}`, {
    method: 'DELETE',
    token,
  })
}

/** A new link for one facilitator's seat: the same seat, the old link opens nothing. */
export function renewFacilitatorLink(eventId: string, token: string, seatId: string) {
  return requestJson<EventLinks>(
    `${base(eventId)}/facilitators/${encodeURIComponent(seatId)}/renew`,
    { method: 'POST', token },
  )
}

export function addGroup(eventId: string, token: string, input: GroupPatch & { name: string }) {
  return requestJson<Group>(`${base(eventId)}/groups`, { method: 'POST', token, body: input })
}

export function updateGroup(eventId: string, token: string, groupId: string, patch: GroupPatch) {
  return requestJson<{ groups: Group[] }>(`${base(eventId)}/groups/${part(groupId)}`, {
    method: 'PATCH',
    token,
    body: patch,
  })
}

export function moveGroup(eventId: string, token: string, groupId: string, index: number) {
  return requestJson<{ groups: Group[] }>(`${base(eventId)}/groups/${part(groupId)}/move`, {
    method: 'POST',
    token,
    body: { index },
  })
}

export function removeGroup(eventId: string, token: string, groupId: string) {
  return requestJson<null>(`${base(eventId)}/groups/${part(groupId)}`, {
    method: 'DELETE',
    token,
  })
}

export function addAgendaItem(
  eventId: string,
  token: string,
  input: AgendaInput & { title: string; parentId?: string | null; index?: number },
) {
  return requestJson<{ id: string; agenda: AgendaRow[] }>(`${base(eventId)}/agenda`, {
    method: 'POST',
    token,
    body: input,
  })
}

export function updateAgendaItem(
  eventId: string,
  token: string,
  itemId: string,
  input: AgendaInput,
) {
  return requestJson<{ agenda: AgendaRow[] }>(`${base(eventId)}/agenda/${part(itemId)}`, {
    method: 'PATCH',
    token,
    body: input,
  })
}

export function moveAgendaItem(eventId: string, token: string, itemId: string, index: number) {
  return requestJson<{ agenda: AgendaRow[] }>(`${base(eventId)}/agenda/${part(itemId)}/move`, {
    method: 'POST',
    token,
    body: { index },
  })
}

export function removeAgendaItem(eventId: string, token: string, itemId: string) {
  return requestJson<{ agenda: AgendaRow[] }>(`${base(eventId)}/agenda/${part(itemId)}`, {
    method: 'DELETE',
    token,
  })
}

export function listParticipants(eventId: string, token: string, signal?: AbortSignal) {
  return requestJson<{ participants: ParticipantRow[] }>(`${base(eventId)}/participants`, {
    token,
    signal,
  }).then((body) => body.participants)
}

/** Moves a participant to another group, at any phase; their open connections follow at once. */
export function moveParticipant(
  eventId: string,
  token: string,
  participantId: string,
  groupId: string,
) {
  return requestJson<{ groupId: string }>(`${base(eventId)}/participants/${part(participantId)}`, {
    method: 'PATCH',
    token,
    body: { groupId },
  })
}

export function removeParticipant(eventId: string, token: string, participantId: string) {
  return requestJson<null>(`${base(eventId)}/participants/${part(participantId)}`, {
    method: 'DELETE',
    token,
  })
}

/**
 * `GET /export` as a file. The token travels in a header, so a plain link cannot download it:
 * the body is fetched and handed to the browser as a blob.
 */
export async function exportEvent(eventId: string, token: string): Promise<Blob> {
  let response: Response
  try {
    response = await fetch(`${base(eventId)}/export`, {
      headers: { Authorization: `Bearer ${token}`, Accept: 'application/json' },
      credentials: 'omit',
      cache: 'no-store',
    })
  } catch {
    throw new ApiError(0, NETWORK_UNAVAILABLE, 'the server could not be reached')
  }
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as {
      error?: { code?: string; message?: string }
    } | null
    throw new ApiError(
      response.status,
      body?.error?.code ?? `http.${response.status}`,
      body?.error?.message ?? `HTTP ${response.status}`,
    )
  }
  return response.blob()
}
