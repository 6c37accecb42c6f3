import type { Idea } from '../doc/schema/board.js'
import type { GroupState, VotingRules } from '../doc/schema/event.js'
import { DomainError } from './errors.js'
import type { Role } from './roles.js'

/** One participant's dots: idea id → number of dots. Secret: only totals leave the server. */
export type Ballot = Record<string, number>

export const MAX_BUDGET = 20

export function dotsUsed(ballot: Ballot): number {
  return Object.values(ballot).reduce((sum, n) => sum + n, 0)
}

/**
 * The dots that count: those on ideas that are on the board. Dots on a deleted or hidden idea
 * stay stored (they count again if the facilitator brings it back) but use no budget and add
 * to no total.
 */
export function countable(ballot: Ballot, live: ReadonlySet<string>): Ballot {
  return Object.fromEntries(Object.entries(ballot).filter(([ideaId]) => live.has(ideaId)))
}

/** Checks the voting rules a facilitator sets. */
export function cleanRules(rules: Partial<VotingRules>, current: VotingRules): VotingRules {
  const next = { ...current, ...rules }
  if (!Number.isInteger(next.budget) || next.budget < 1 || next.budget > MAX_BUDGET) {
    throw new DomainError('vote.budget.invalid', `the budget is 1–${MAX_BUDGET} dots`)
  }
  if (typeof next.multiplePerIdea !== 'boolean')
    throw new DomainError('vote.rules.invalid', 'multiplePerIdea is yes or no')
  if (next.visibility !== 'live' && next.visibility !== 'onReveal') {
    throw new DomainError('vote.rules.invalid', 'visibility is live or onReveal')
  }
  return next
}

/**
 * Publishing the results closes voting: a dot moved after everyone has seen the ranking would
 * change a result already read out. The facilitator reopens voting by hiding the results.
 */
function closedByReveal(state: Pick<GroupState, 'revealed'>): void {
  if (state.revealed)
    throw new DomainError('vote.revealed', 'the results are published, so voting is closed')
}

/**
 * Adds one dot on `ideaId` to a ballot, within the rules: the voting phase before the results
 * are published, an unlocked board, a live idea, the budget, and one dot per idea unless
 * several are allowed.
 */
export function cast(
  ballot: Ballot,
  ideaId: string,
  state: GroupState,
  idea: Idea | undefined,
): Ballot {
  if (state.phase !== 'voting') throw new DomainError('vote.closed', 'voting is not open')
  closedByReveal(state)
  if (state.locked) throw new DomainError('vote.locked', 'the board is locked')
  if (!idea || idea.deletedAt !== null || idea.hidden)
    throw new DomainError('vote.noIdea', 'no such idea')
  if (dotsUsed(ballot) >= state.voting.budget)
    throw new DomainError('vote.budgetSpent', 'all your dots are used')
  const current = ballot[ideaId] ?? 0
  if (current > 0 && !state.voting.multiplePerIdea) {
    throw new DomainError('vote.onePerIdea', 'one dot per idea')
  }
  return { ...ballot, [ideaId]: current + 1 }
}

/** Takes one dot back from `ideaId`. */
export function retract(ballot: Ballot, ideaId: string, state: GroupState): Ballot {
  if (state.phase !== 'voting') throw new DomainError('vote.closed', 'voting is not open')
  closedByReveal(state)
  if (state.locked) throw new DomainError('vote.locked', 'the board is locked')
  const current = ballot[ideaId] ?? 0
  if (current === 0) throw new DomainError('vote.none', 'no dot on this idea')
  const next = { ...ballot }
  if (current === 1) delete next[ideaId]
  else next[ideaId] = current - 1
  return next
}

/** What a group's ballots add up to, as published in the event document. */
export interface Tally {
  votesCast: number
  voters: number
  /** Votes per idea on the board (dots on deleted or hidden ideas left out). */
  totals: Record<string, number>
}

/**
 * Counts a group's stored ballots against the ideas on its board (`live`). While totals are
 * secret, `votesCast` and `voters` count every stored dot, on live ideas or not: if they left
 * out the dots of a note that is hidden or deleted, the next change of the counters would
 * tell that note's total (and, with one voter fewer, that one person had put all their dots
 * on it) to everyone, its author too. Once totals are public they count what the totals show.
 */
export function tallyBallots(
  stored: Ballot[],
  live: ReadonlySet<string>,
  totalsArePublic: boolean,
): Tally {
  const counted = stored.map((ballot) => countable(ballot, live))
  const counters = (totalsArePublic ? counted : stored).filter((b) => dotsUsed(b) > 0)
  return {
    votesCast: counters.reduce((n, b) => n + dotsUsed(b), 0),
    voters: counters.length,
    totals: tally(counted),
  }
}

/** Votes per idea over all ballots. */
export function tally(ballots: Ballot[]): Record<string, number> {
  const totals: Record<string, number> = {}
  for (const ballot of ballots) {
    for (const [ideaId, n] of Object.entries(ballot)) totals[ideaId] = (totals[ideaId] ?? 0) + n
  }
  return totals
}

/** Whether totals per idea may be shown to everyone now. */
export function totalsPublic(state: Pick<GroupState, 'voting' | 'revealed'>): boolean {
  return state.voting.visibility === 'live' || state.revealed
}

/** Whether a role sees totals before they are public (the facilitator, to steer). */
export function seesTotalsEarly(role: Role): boolean {
  return role === 'facilitator' || role === 'organiser'
}

export interface RankedIdea {
  idea: Idea
  votes: number
  /** 1 for the most votes; ideas with equal votes share a rank. */
  rank: number
}

/** Ideas by votes, most first; ties share a rank and keep board order. */
export function ranking(ideas: Idea[], totals: Record<string, number>): RankedIdea[] {
  const sorted = ideas
    .map((idea) => ({ idea, votes: totals[idea.id] ?? 0 }))
    .sort((a, b) => b.votes - a.votes || a.idea.createdAt - b.idea.createdAt)
  let rank = 0
  let previous = Number.NaN
  return sorted.map((entry, index) => {
    if (entry.votes !== previous) rank = index + 1
    previous = entry.votes
    return { ...entry, rank }
  })
}
