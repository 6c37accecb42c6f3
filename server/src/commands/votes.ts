import { boardDocName, eventDocName } from '@hytepaja/shared/doc/names'
import { readGroupState, readIdeas } from '@hytepaja/shared/doc/schema'
import * as facilitation from '@hytepaja/shared/domain/facilitation'
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
  const ballots = [...(await groupBallots(ctx.db, eventId, groupId)).values()]
  const totals = votes.tally(ballots)
  const counts = {
    votesCast: ballots.reduce((n, b) => n + votes.dotsUsed(b), 0),
    voters: ballots.length,
    totals,
  }
  await ctx.rooms.withDoc(eventDocName(eventId), (room) =>
    facilitation.publishVotes(room.doc, groupId, counts, revealed),
  )
  await ctx.docs.flush(eventDocName(eventId))
  return totals
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
  const idea = await ctx.rooms.withDoc(boardDocName(eventId, groupId), (room) =>
    readIdeas(room.doc).find((i) => i.id === ideaId),
  )
  const ballot = await ctx.db.transaction(async (tx) => {
    await lockVoter(tx, participantId)
    const current = await readBallot(tx, eventId, groupId, participantId)
    const next =
      step === 1 ? votes.cast(current, ideaId, state, idea) : votes.retract(current, ideaId, state)
    await writeBallot(tx, eventId, groupId, participantId, next)
    return next
  })
  await publishTally(ctx, eventId, groupId)
  return {
    ballot,
    budget: state.voting.budget,
    remaining: Math.max(0, state.voting.budget - votes.dotsUsed(ballot)),
  }
}

export async function myBallot(ctx: ServerContext, caller: Caller): Promise<BallotView> {
  const eventId = caller.holder.eventId
  const { participantId, groupId } = voter(caller)
  const state = await ctx.rooms.withDoc(eventDocName(eventId), (room) =>
    readGroupState(room.doc, groupId),
  )
  const ballot = await readBallot(ctx.db, eventId, groupId, participantId)
  return {
    ballot,
    budget: state.voting.budget,
    remaining: Math.max(0, state.voting.budget - votes.dotsUsed(ballot)),
  }
}

/** Totals for the facilitator, who steers the discussion before the reveal. */
export async function groupTotals(ctx: ServerContext, eventId: string, groupId: string) {
  const ballots = [...(await groupBallots(ctx.db, eventId, groupId)).values()]
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
