import type {
  AgendaApproval,
  Decision,
  ElectedPerson,
  Elections,
  MinutesCheck,
  Outcome,
} from '@hytepaja/shared/doc/plenary'
import type { AgeGroup } from '@hytepaja/shared/doc/schema/board'
import type { AttendanceEntry, Presence } from '@hytepaja/shared/domain/attendance'
import type { VersionDiff } from '@hytepaja/shared/domain/proposals'
import type { Minutes } from '@hytepaja/shared/minutes/model'
import { fetchFile } from './files'
import { requestJson } from './http'

/**
 * The plenary's commands under `/api/events/{id}/plenary` (README "The plenary"). The state
 * they change is public in the event document, which every screen follows live; these calls
 * carry only what the document does not: attendance, comments and the checkers' links.
 */

const base = (eventId: string) => `/api/events/${encodeURIComponent(eventId)}/plenary`

export function setCurrentItem(eventId: string, token: string, itemId: string | null) {
  return requestJson<{ currentItemId: string | null }>(`${base(eventId)}/current`, {
    method: 'PUT',
    token,
    body: { itemId },
  })
}

export function stepCurrentItem(eventId: string, token: string, step: 'next' | 'previous') {
  return requestJson<{ currentItemId: string | null }>(`${base(eventId)}/current/${step}`, {
    method: 'POST',
    token,
  })
}

export function fetchJoinInfo(eventId: string, token: string, signal?: AbortSignal) {
  return requestJson<{ joinCode: string | null; joinLink: string | null }>(
    `${base(eventId)}/join`,
    { token, signal },
  )
}

// ---------------------------------------------------------------- §2 attendance

export interface AttendanceList {
  attendance: AttendanceEntry[]
  fullAttendance: boolean
}

export function fetchAttendance(eventId: string, token: string, signal?: AbortSignal) {
  return requestJson<AttendanceList>(`${base(eventId)}/attendance`, { token, signal })
}

export interface AttendancePatch {
  presence?: Presence
  arrivedAt?: string | null
  name?: string
  organisation?: string | null
}

export function updateAttendee(
  eventId: string,
  token: string,
  attendeeId: string,
  patch: AttendancePatch,
) {
  return requestJson<{ entry: AttendanceEntry }>(
    `${base(eventId)}/attendance/${encodeURIComponent(attendeeId)}`,
    { method: 'PUT', token, body: patch },
  )
}

export function addAttendee(
  eventId: string,
  token: string,
  input: { name: string; organisation?: string | null; presence?: Presence },
) {
  return requestJson<{ entry: AttendanceEntry }>(`${base(eventId)}/attendance`, {
    method: 'POST',
    token,
    body: input,
  })
}

export function removeAttendee(eventId: string, token: string, attendeeId: string) {
  return requestJson<null>(`${base(eventId)}/attendance/${encodeURIComponent(attendeeId)}`, {
    method: 'DELETE',
    token,
  })
}

export function setFullAttendance(eventId: string, token: string, fullAttendance: boolean) {
  return requestJson<{ fullAttendance: boolean }>(`${base(eventId)}/minutes-settings`, {
    method: 'PUT',
    token,
    body: { fullAttendance },
  })
}

// ---------------------------------------------------------------- §3, §4

export function approveAgenda(
  eventId: string,
  token: string,
  input: { approved: boolean; changes?: string | null },
) {
  return requestJson<{ agendaApproval: AgendaApproval | null }>(
    `${base(eventId)}/agenda-approval`,
    { method: 'PUT', token, body: input },
  )
}

/** A person for a seat: picked from the attendance, or typed. */
export type Candidate = { attendeeId: string } | { name: string; organisation?: string | null }

export interface ElectionsInput {
  chair: Candidate | null
  secretary: Candidate | null
  checkers: Candidate[]
  voteCounters: Candidate[]
}

export interface CheckerLink extends Pick<ElectedPerson, 'id' | 'name' | 'organisation'> {
  token: string
  link: string
}

export function elect(eventId: string, token: string, input: ElectionsInput) {
  return requestJson<{ elections: Elections; checkers: CheckerLink[] }>(
    `${base(eventId)}/elections`,
    { method: 'PUT', token, body: input },
  )
}

export function fetchCheckerLinks(eventId: string, token: string, signal?: AbortSignal) {
  return requestJson<{ checkers: CheckerLink[] }>(`${base(eventId)}/checkers`, {
    token,
    signal,
  })
}

// ---------------------------------------------------------------- decisions

export interface AmendedActionInput {
  id: string
  what: string
  responsible: string[]
  timeline: string
  indicator: string
  target: string
  ageGroups: AgeGroup[]
}

export interface DecisionInput {
  outcome: Outcome
  note?: string | null
  promotionVersion?: number | null
  amended?: { title: string; body: string; actions: AmendedActionInput[] } | null
}

export type DecisionWithDiff = Decision & { diff: VersionDiff | null }

export function recordDecision(
  eventId: string,
  token: string,
  itemId: string,
  input: DecisionInput,
) {
  return requestJson<{ decision: Decision; history: DecisionWithDiff[] }>(
    `${base(eventId)}/decisions/${encodeURIComponent(itemId)}`,
    { method: 'PUT', token, body: input },
  )
}

// ---------------------------------------------------------------- checking the minutes

export interface CheckerComment {
  id: string
  checkerId: string
  checkerName: string
  itemId: string | null
  text: string
  version: number
  at: number
}

export function fetchComments(eventId: string, token: string, signal?: AbortSignal) {
  return requestJson<{ comments: CheckerComment[] }>(`${base(eventId)}/check/comments`, {
    token,
    signal,
  })
}

export function addComment(
  eventId: string,
  token: string,
  input: { itemId: string | null; text: string },
) {
  return requestJson<{ comment: CheckerComment }>(`${base(eventId)}/check/comments`, {
    method: 'POST',
    token,
    body: input,
  })
}

export interface CheckerSelf {
  checker: ElectedPerson
  approved: boolean
  minutes: MinutesCheck
}

export function fetchCheckerSelf(eventId: string, token: string, signal?: AbortSignal) {
  return requestJson<CheckerSelf>(`${base(eventId)}/check/me`, { token, signal })
}

export function approveMinutes(eventId: string, token: string) {
  return requestJson<{ minutes: MinutesCheck }>(`${base(eventId)}/check/approve`, {
    method: 'POST',
    token,
  })
}

export function reopenMinutes(eventId: string, token: string, reason: string) {
  return requestJson<{ minutes: MinutesCheck }>(`${base(eventId)}/minutes/reopen`, {
    method: 'POST',
    token,
    body: { reason },
  })
}

// ---------------------------------------------------------------- the minutes' files

export const MINUTES_FORMATS = ['html', 'docx', 'pdf'] as const
export type MinutesFormat = (typeof MINUTES_FORMATS)[number]
export const MINUTES_FILE_LANGUAGES = ['fi', 'sv'] as const
export type MinutesFileLanguage = (typeof MINUTES_FILE_LANGUAGES)[number]

/**
 * `GET /api/events/{id}/minutes?format=…&lang=…` with the token as a Bearer header (a plain
 * link could not carry it): the file and the name the server gives it.
 */
export function fetchMinutesFile(
  eventId: string,
  token: string,
  format: MinutesFormat,
  lang: MinutesFileLanguage,
): Promise<{ blob: Blob; name: string }> {
  const path = `/api/events/${encodeURIComponent(eventId)}/minutes?format=${format}&lang=${lang}`
  return fetchFile(path, token, `minutes.${format}`)
}

/**
 * `GET /api/events/{id}/minutes?format=json&lang=…`: the model the three files are drawn from,
 * for the screen. The server builds it: the attendance it prints comes from its own store, so a
 * checker receives the attendance only as the minutes print it.
 */
export function fetchMinutesPreview(
  eventId: string,
  token: string,
  lang: MinutesFileLanguage | 'en',
  signal?: AbortSignal,
) {
  return requestJson<Minutes>(
    `/api/events/${encodeURIComponent(eventId)}/minutes?format=json&lang=${lang}`,
    { token, signal },
  )
}
