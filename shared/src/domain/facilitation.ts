import type * as Y from 'yjs'
import { server } from '../doc/origins.js'
import {
  announcementsRoot,
  type GroupState,
  groupStateRoot,
  groupsRoot,
  PHASES,
  type Phase,
  readGroupState,
  type Spotlight,
  type Timer,
  type VotingRules,
} from '../doc/schema/event.js'
import { newId } from '../ids.js'
import { cleanText } from '../validation/text.js'
import { withholdAnonymousNames } from './authors.js'
import { DomainError } from './errors.js'
import { type Ballot, cleanRules, tallyBallots, totalsPublic } from './votes.js'

/**
 * The facilitator's controls over a group, as changes to the trusted group state in the event
 * document. Only the server runs these (the event document is read-only over WebSocket).
 */
function update(
  doc: Y.Doc,
  groupId: string,
  reason: string,
  patch: (s: GroupState) => Partial<GroupState>,
) {
  if (!groupsRoot(doc).has(groupId)) throw new DomainError('group.notFound', `no group ${groupId}`)
  const current = readGroupState(doc, groupId)
  const next = { ...current, ...patch(current) }
  doc.transact(() => groupStateRoot(doc).set(groupId, next), server(reason))
  return next
}

export function setPhase(doc: Y.Doc, groupId: string, phase: Phase): GroupState {
  if (!PHASES.includes(phase))
    throw new DomainError('phase.invalid', `unknown phase ${String(phase)}`)
  return update(doc, groupId, 'phase', () => ({ phase, spotlight: null }))
}

export function setLocked(doc: Y.Doc, groupId: string, locked: boolean): GroupState {
  return update(doc, groupId, 'lock', () => ({ locked }))
}

/**
 * Switches anonymous mode. Switched on, the group's author names leave the event document in
 * the same transaction; switched off, the server publishes them again (`publishAuthorNames`).
 */
export function setAnonymous(doc: Y.Doc, groupId: string, anonymous: boolean): GroupState {
  let next: GroupState | undefined
  doc.transact(() => {
    next = update(doc, groupId, 'anonymous', () => ({ anonymous }))
    if (anonymous) withholdAnonymousNames(doc)
  }, server('anonymous'))
  return next as GroupState
}

export const MAX_TIMER_MS = 4 * 60 * 60 * 1000

/** Starts a countdown of `durationMs` from the server's clock `now`. */
export function startTimer(
  doc: Y.Doc,
  groupId: string,
  durationMs: number,
  now: number,
): GroupState {
  if (!Number.isInteger(durationMs) || durationMs < 1000 || durationMs > MAX_TIMER_MS) {
    throw new DomainError('timer.invalid', 'a timer runs 1 second to 4 hours')
  }
  return update(doc, groupId, 'timer', () => ({
    timer: { running: true, endsAt: now + durationMs, durationMs },
  }))
}

export function pauseTimer(doc: Y.Doc, groupId: string, now: number): GroupState {
  return update(doc, groupId, 'timer', (s) => {
    if (!s.timer?.running) throw new DomainError('timer.notRunning', 'no running timer')
    return {
      timer: {
        running: false,
        remainingMs: Math.max(0, s.timer.endsAt - now),
        durationMs: s.timer.durationMs,
      },
    }
  })
}

export function resumeTimer(doc: Y.Doc, groupId: string, now: number): GroupState {
  return update(doc, groupId, 'timer', (s) => {
    if (!s.timer || s.timer.running) throw new DomainError('timer.notPaused', 'no paused timer')
    return {
      timer: { running: true, endsAt: now + s.timer.remainingMs, durationMs: s.timer.durationMs },
    }
  })
}

export function clearTimer(doc: Y.Doc, groupId: string): GroupState {
  return update(doc, groupId, 'timer', () => ({ timer: null }))
}

/** Milliseconds left on a timer at the server time `serverNow` (0 when it has run out). */
export function timeLeft(timer: Timer | null, serverNow: number): number | null {
  if (!timer) return null
  return timer.running ? Math.max(0, timer.endsAt - serverNow) : timer.remainingMs
}

export function setSpotlight(
  doc: Y.Doc,
  groupId: string,
  target: Omit<Spotlight, 'at'> | null,
  now: number,
): GroupState {
  if (target && target.kind !== 'idea' && target.kind !== 'cluster') {
    throw new DomainError('spotlight.invalid', 'spotlight an idea or a cluster')
  }
  return update(doc, groupId, 'spotlight', () => ({
    spotlight: target ? { ...target, at: now } : null,
  }))
}

export function setVotingRules(
  doc: Y.Doc,
  groupId: string,
  rules: Partial<VotingRules>,
): GroupState {
  return update(doc, groupId, 'voting.rules', (s) => ({ voting: cleanRules(rules, s.voting) }))
}

/**
 * Publishes the vote counts the server tallied from the group's stored ballots and the ideas
 * on its board (`live`): totals only when they are public (live, or revealed); otherwise only
 * the count of dots and voters, which then do not depend on which ideas are live (see
 * `tallyBallots`).
 */
export function publishVotes(
  doc: Y.Doc,
  groupId: string,
  ballots: { stored: Ballot[]; live: ReadonlySet<string> },
  revealed?: boolean,
): GroupState {
  return update(doc, groupId, 'voting.tally', (s) => {
    const nowRevealed = revealed ?? s.revealed
    const isPublic = totalsPublic({ voting: s.voting, revealed: nowRevealed })
    const tally = tallyBallots(ballots.stored, ballots.live, isPublic)
    return {
      votesCast: tally.votesCast,
      voters: tally.voters,
      revealed: nowRevealed,
      totals: isPublic ? tally.totals : null,
    }
  })
}

export function markPreAnswersImported(doc: Y.Doc, groupId: string): GroupState {
  return update(doc, groupId, 'preAssignment.import', () => ({ preAnswersImported: true }))
}

export function setProposalReady(doc: Y.Doc, groupId: string, ready: boolean): GroupState {
  return update(doc, groupId, 'proposal.ready', () => ({ proposalReady: ready }))
}

export const MAX_ANNOUNCEMENT = 300

/** A message from an organiser or facilitator to every group. */
export function announce(doc: Y.Doc, text: string, from: string, now: number): string {
  const id = newId()
  const clean = cleanText(text, 'announcement.text', MAX_ANNOUNCEMENT)
  doc.transact(
    () => announcementsRoot(doc).set(id, { id, text: clean, from, at: now }),
    server('announce'),
  )
  return id
}
