import { boardDocName, eventDocName } from '@hytepaja/shared/doc/names'
import { readIdeas } from '@hytepaja/shared/doc/schema/board'
import { readGroupState } from '@hytepaja/shared/doc/schema/event'
import * as facilitation from '@hytepaja/shared/domain/facilitation'
import * as ideas from '@hytepaja/shared/domain/ideas'
import * as votes from '@hytepaja/shared/domain/votes'
import type { ServerContext } from '../context.js'
import type { Caller } from '../http/caller.js'
import { ApiError } from '../http/errors.js'
import { groupBallots, lockVoter, readBallot, writeBallot } from '../store/votes.js'
import { audit } from './change.js'

export interface BallotView {
  ballot: votes.Ballot
  budget: number
  remaining: number
}

/** The ideas on a group's board now (not deleted, not hidden): the ones dots count for. */
async function liveIdeas(
  ctx: ServerContext,
  eventId: string,
  groupId: string,
): Promise<Set<string>> {
  return ctx.rooms.withDoc(
    boardDocName(eventId, groupId),
    (room) => new Set(ideas.visible(readIdeas(room.doc)).map((i) => i.id)),
  )
}

function view(ballot: votes.Ballot, live: Set<string>, budget: number): BallotView {
  const counted = votes.countable(ballot, live)
  return { ballot: counted, budget, remaining: Math.max(0, budget - votes.dotsUsed(counted)) }
}

function voter(caller: Caller): { participantId: string; groupId: string } {
  const participant = caller.session?.participant
  if (!participant || !caller.session?.groupId)
    throw new ApiError(403, 'forbidden', 'participants vote')
  return { participantId: participant.id, groupId: caller.session.groupId }
}

/** Recounts a group's ballots and publishes what may be seen (counts; totals when public). */
export async function publishTally(
  ctx: ServerContext,
  eventId: string,
  groupId: string,
  revealed?: boolean,
) {
  const live = await liveIdeas(ctx, eventId, groupId)
  const stored = [...(await groupBallots(ctx.db, eventId, groupId)).values()]
  await ctx.rooms.withDoc(eventDocName(eventId), (room) =>
    facilitation.publishVotes(room.doc, groupId, { stored, live }, revealed),
  )
  await ctx.docs.flush(eventDocName(eventId))
}

/**
 * Adds (+1) or takes back (−1) one dot. The rules come from shared/domain/votes; the check and
 * the write are one transaction under the voter's lock, so the budget holds under any race.
 */
export async function changeVote(
  ctx: ServerContext,
  caller: Caller,
  ideaId: string,
  step: 1 | -1,
): Promise<BallotView> {
  const eventId = caller.holder.eventId
  const { participantId, groupId } = voter(caller)
  const state = await ctx.rooms.withDoc(eventDocName(eventId), (room) =>
    readGroupState(room.doc, groupId),
  )
  const board = await ctx.rooms.withDoc(boardDocName(eventId, groupId), (room) =>
    readIdeas(room.doc),
  )
  const live = new Set(ideas.visible(board).map((i) => i.id))
  const idea = board.find((i) => i.id === ideaId)
  const ballot = await ctx.db.transaction(async (tx) => {
    await lockVoter(tx, participantId)
    const stored = await readBallot(tx, eventId, groupId, participantId)
    const counted = votes.countable(stored, live)
    const next =
      step === 1 ? votes.cast(counted, ideaId, state, idea) : votes.retract(stored, ideaId, state)
    // Dots waiting on deleted or hidden ideas are kept as they were.
    const merged = step === 1 ? { ...stored, ...next } : next
    await writeBallot(tx, eventId, groupId, participantId, merged)
    return merged
  })
  await publishTally(ctx, eventId, groupId)
  return view(ballot, live, state.voting.budget)
}

export async function myBallot(ctx: ServerContext, caller: Caller): Promise<BallotView> {
  const eventId = caller.holder.eventId
  const { participantId, groupId } = voter(caller)
  const state = await ctx.rooms.withDoc(eventDocName(eventId), (room) =>
    readGroupState(room.doc, groupId),
  )
  const ballot = await readBallot(ctx.db, eventId, groupId, participantId)
  return view(ballot, await liveIdeas(ctx, eventId, groupId), state.voting.budget)
}

/** Totals for the facilitator, who steers the discussion before the reveal. */
export async function groupTotals(ctx: ServerContext, eventId: string, groupId: string) {
  const live = await liveIdeas(ctx, eventId, groupId)
  const ballots = [...(await groupBallots(ctx.db, eventId, groupId)).values()]
    .map((ballot) => votes.countable(ballot, live))
    .filter((ballot) => votes.dotsUsed(ballot) > 0)
  return { totals: votes.tally(ballots), voters: ballots.length }
}

export async function reveal(
  ctx: ServerContext,
  caller: Caller,
  groupId: string,
  revealed: boolean,
) {
  await publishTally(ctx, caller.holder.eventId, groupId, revealed)
  await audit(ctx, caller, revealed ? 'votes.reveal' : 'votes.hide', groupId)
}
