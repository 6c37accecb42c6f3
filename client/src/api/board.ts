import type { GroupState, Phase, VotingRules } from '@hytepaja/shared/doc/schema/event'
import type { Ballot } from '@hytepaja/shared/domain/votes'
import { requestJson } from './http'

/**
 * The board's server commands: facilitation of one group, dot votes, the overview of every
 * group, messages to all groups, the server clock and the pre-assignment. Every request carries
 * the token of the person; the server checks the role and the rules.
 */

const groupPath = (eventId: string, groupId: string) =>
  `/api/events/${encodeURIComponent(eventId)}/groups/${encodeURIComponent(groupId)}`

export type TimerCommand =
  | { action: 'start'; durationMs: number }
  | { action: 'pause' | 'resume' | 'clear' }

export type SpotlightTarget = { kind: 'idea' | 'cluster'; id: string }

/** Facilitator commands on one group; each answers with the group's new state. */
export function facilitationApi(eventId: string, groupId: string, token: string) {
  const base = groupPath(eventId, groupId)
  const put = (path: string, body: unknown) =>
    requestJson<GroupState>(`${base}${path}`, { method: 'PUT', token, body })
  return {
    setPhase: (phase: Phase) => put('/phase', { phase }),
    setLocked: (locked: boolean) => put('/lock', { locked }),
    setAnonymous: (anonymous: boolean) => put('/anonymous', { anonymous }),
    timer: (command: TimerCommand) =>
      requestJson<GroupState>(`${base}/timer`, { method: 'POST', token, body: command }),
    spotlight: (target: SpotlightTarget | null) => put('/spotlight', target),
    setVoting: (rules: Partial<VotingRules>) => put('/voting', rules),
    reveal: (revealed: boolean) =>
      requestJson<GroupState>(`${base}/votes/reveal`, {
        method: 'POST',
        token,
        body: { revealed },
      }),
    /** A hidden or deleted note back on the board for everyone. */
    restoreIdea: (ideaId: string) =>
      requestJson<null>(`${base}/ideas/${encodeURIComponent(ideaId)}/restore`, {
        method: 'POST',
        token,
      }),
    /** Totals before they are public, for steering the discussion. */
    totals: (signal?: AbortSignal) =>
      requestJson<{ totals: Record<string, number>; voters: number }>(`${base}/votes`, {
        token,
        signal,
      }),
  }
}

export type FacilitationApi = ReturnType<typeof facilitationApi>

/** A participant's own dots: secret, only the server and the person know them. */
export interface BallotView {
  ballot: Ballot
  budget: number
  remaining: number
}

export function votesApi(eventId: string, groupId: string, token: string) {
  const base = `${groupPath(eventId, groupId)}/votes`
  return {
    mine: (signal?: AbortSignal) => requestJson<BallotView>(`${base}/me`, { token, signal }),
    cast: (ideaId: string) =>
      requestJson<BallotView>(base, { method: 'POST', token, body: { ideaId } }),
    retract: (ideaId: string) =>
      requestJson<BallotView>(`${base}/${encodeURIComponent(ideaId)}`, {
        method: 'DELETE',
        token,
      }),
  }
}

export interface GroupOverview {
  id: string
  name: string
  facilitators: string[]
  phase: Phase
  locked: boolean
  online: number
  participants: number
  /** null when the board's stored state cannot be read (damaged). */
  ideas: number | null
  votesCast: number
  voters: number
  timeLeftMs: number | null
  timerRunning: boolean
  proposalReady: boolean
}

export interface EventOverview {
  serverNow: number
  groups: GroupOverview[]
}

export function fetchOverview(eventId: string, token: string, signal?: AbortSignal) {
  return requestJson<EventOverview>(`/api/events/${encodeURIComponent(eventId)}/overview`, {
    token,
    signal,
  })
}

/** A message to every group of the event (facilitators and organisers). */
export function announceToAll(eventId: string, token: string, text: string) {
  return requestJson<{ id: string }>(`/api/events/${encodeURIComponent(eventId)}/announcements`, {
    method: 'POST',
    token,
    body: { text },
  })
}

/** The server's clock and how long the request took, for estimating the offset. */
export async function fetchServerTime(
  signal?: AbortSignal,
): Promise<{ now: number; sentAt: number; receivedAt: number }> {
  const sentAt = Date.now()
  const { now } = await requestJson<{ now: number }>('/api/time', { signal })
  return { now, sentAt, receivedAt: Date.now() }
}

export interface PreAnswer {
  question: string | null
  answer: string | null
}

export function preAnswerApi(eventId: string, token: string) {
  const path = `/api/events/${encodeURIComponent(eventId)}/pre-answer`
  return {
    read: (signal?: AbortSignal) => requestJson<PreAnswer>(path, { token, signal }),
    /** `lang`: the writer's UI language, kept as the note's language when it goes on the board. */
    write: (text: string, lang: string) =>
      requestJson<PreAnswer>(path, { method: 'PUT', token, body: { text, lang } }),
  }
}

/** The organiser writes (or clears, with null) the pre-assignment question of the event. */
export function setPreAssignment(eventId: string, token: string, question: string | null) {
  return requestJson<unknown>(`/api/events/${encodeURIComponent(eventId)}`, {
    method: 'PATCH',
    token,
    body: { preAssignment: question },
  })
}
