import { boardDocName, eventDocName, proposalDocName } from '@hytepaja/shared/doc/names'
import { readClusters, readIdeas } from '@hytepaja/shared/doc/schema/board'
import {
  type Phase,
  readGroupState,
  readGroups,
  type VotingRules,
} from '@hytepaja/shared/doc/schema/event'
import * as facilitation from '@hytepaja/shared/domain/facilitation'
import * as ideas from '@hytepaja/shared/domain/ideas'
import { layoutBoard } from '@hytepaja/shared/layout/board'
import { noteSize } from '@hytepaja/shared/layout/noteSize'
import { freeSpot } from '@hytepaja/shared/layout/placement'
import { authorKey } from '../boards/authorKeys.js'
import { refreshAuthorNames } from '../boards/authors.js'
import { readWithheld, restoreNote } from '../boards/withheld.js'
import type { ServerContext } from '../context.js'
import type { Caller } from '../http/caller.js'
import { unlessUnreadable } from '../store/integrity.js'
import { listParticipants } from '../store/participants.js'
import { groupPreAnswers } from '../store/preAnswers.js'
import { audit, changeEventDoc, readEventDoc } from './change.js'
import { publishTally } from './votes.js'

/**
 * Opening the ideas phase puts the group's pre-assignment answers on its board, once, each as
 * a note by the participant who wrote it.
 */
async function importPreAnswers(
  ctx: ServerContext,
  eventId: string,
  groupId: string,
  language: string,
) {
  const answers = await groupPreAnswers(ctx.db, eventId, groupId)
  const board = boardDocName(eventId, groupId)
  await ctx.rooms.withDoc(board, (room) => {
    // Each answer takes the next free cell, so none lands on an idea written while waiting.
    const board = layoutBoard(readIdeas(room.doc), readClusters(room.doc))
    const taken = [...board.notes.values(), ...board.frames.map((f) => f.bounds)]
    for (const answer of answers) {
      const size = noteSize({ text: answer.text, tags: [], ageGroups: [] })
      const spot = freeSpot(taken, size)
      taken.push({ ...spot, ...size })
      ideas.add(
        room.doc,
        { text: answer.text, ...spot, lang: answer.lang ?? language },
        {
          id: answer.participant_id,
          name: answer.display_name,
          role: 'participant',
          groupId,
          authorKey: authorKey(ctx.secrets.linkSecret, eventId, groupId, answer.participant_id),
        },
      )
    }
  })
  await ctx.docs.flush(board)
  return answers.length
}

export async function setPhase(ctx: ServerContext, caller: Caller, groupId: string, phase: Phase) {
  const eventId = caller.holder.eventId
  const state = await changeEventDoc(ctx, caller, `phase.${phase}`, groupId, (doc) =>
    facilitation.setPhase(doc, groupId, phase),
  )
  if (phase === 'ideas' && !state.preAnswersImported) {
    const language = await readEventDoc(
      ctx,
      eventId,
      (doc) => doc.getMap('meta').get('language') as string,
    )
    await importPreAnswers(ctx, eventId, groupId, language ?? 'fi')
    await changeEventDoc(ctx, caller, 'preAssignment.import', groupId, (doc) =>
      facilitation.markPreAnswersImported(doc, groupId),
    )
  }
  return readEventDoc(ctx, eventId, (doc) => readGroupState(doc, groupId))
}

/**
 * Anonymous mode on takes the group's author names out of the event document at once (see
 * shared/domain/facilitation); off publishes them again.
 */
export async function setAnonymous(
  ctx: ServerContext,
  caller: Caller,
  groupId: string,
  anonymous: boolean,
) {
  const eventId = caller.holder.eventId
  const state = await changeEventDoc(ctx, caller, 'board.anonymous', groupId, (doc) =>
    facilitation.setAnonymous(doc, groupId, anonymous),
  )
  if (anonymous) return state
  await ctx.rooms.withDoc(boardDocName(eventId, groupId), (room) =>
    refreshAuthorNames(ctx, eventId, groupId, room.doc),
  )
  await ctx.docs.flush(eventDocName(eventId))
  return state
}

/** Brings a hidden or deleted note back onto the group's board (the facilitator's lists). */
export async function restoreIdea(
  ctx: ServerContext,
  caller: Caller,
  groupId: string,
  ideaId: string,
) {
  const eventId = caller.holder.eventId
  await restoreNote(ctx, eventId, groupId, ideaId, boardDocName(eventId, groupId))
  await audit(ctx, caller, 'idea.restore', ideaId)
}

export type TimerCommand =
  | { action: 'start'; durationMs: number }
  | { action: 'pause' | 'resume' | 'clear' }

export function timer(ctx: ServerContext, caller: Caller, groupId: string, command: TimerCommand) {
  const now = Date.now()
  return changeEventDoc(ctx, caller, `timer.${command.action}`, groupId, (doc) => {
    switch (command.action) {
      case 'start':
        return facilitation.startTimer(doc, groupId, command.durationMs, now)
      case 'pause':
        return facilitation.pauseTimer(doc, groupId, now)
      case 'resume':
        return facilitation.resumeTimer(doc, groupId, now)
      case 'clear':
        return facilitation.clearTimer(doc, groupId)
    }
  })
}

export async function setVotingRules(
  ctx: ServerContext,
  caller: Caller,
  groupId: string,
  rules: Partial<VotingRules>,
) {
  await changeEventDoc(ctx, caller, 'voting.rules', groupId, (doc) =>
    facilitation.setVotingRules(doc, groupId, rules),
  )
  // A switch to live totals publishes them; a switch back hides them again.
  await publishTally(ctx, caller.holder.eventId, groupId)
  return readEventDoc(ctx, caller.holder.eventId, (doc) => readGroupState(doc, groupId))
}

/** What an organiser or facilitator sees of every group at once. */
export async function overview(ctx: ServerContext, eventId: string) {
  const participants = (await listParticipants(ctx.db, eventId)).filter(
    (p) => p.revoked_at === null,
  )
  const groups = await readEventDoc(ctx, eventId, (doc) =>
    readGroups(doc).map((g) => ({ group: g, state: readGroupState(doc, g.id) })),
  )
  const serverNow = Date.now()
  const rows = []
  for (const { group, state } of groups) {
    const board = boardDocName(eventId, group.id)
    // Online: anyone with the group's board or proposal open, counted once per person.
    const proposal = proposalDocName(eventId, group.id, '')
    const online = new Set(
      ctx.connections
        .list()
        .filter((c) => c.docName === board || c.docName.startsWith(proposal))
        .map((c) => c.grant.participantId ?? c.grant.tokenId),
    )
    // The notes on the board and those the facilitator hid (kept apart from the board); a
    // damaged board shows no count (null) rather than failing the whole overview.
    const shown = await unlessUnreadable(
      () => ctx.rooms.withDoc(board, (room) => ideas.visible(readIdeas(room.doc)).length),
      [],
    )
    const hidden = await unlessUnreadable(
      async () =>
        ideas.visible(await readWithheld(ctx, eventId, group.id), { includeHidden: true }).length,
      [],
    )
    rows.push({
      id: group.id,
      name: group.name,
      facilitators: group.facilitators,
      phase: state.phase,
      locked: state.locked,
      online: online.size,
      participants: participants.filter((p) => p.group_id === group.id).length,
      ideas: shown === null || hidden === null ? null : shown + hidden,
      votesCast: state.votesCast,
      voters: state.voters,
      timeLeftMs: facilitation.timeLeft(state.timer, serverNow),
      timerRunning: state.timer?.running ?? false,
      proposalReady: state.proposalReady,
    })
  }
  return { serverNow, groups: rows }
}

export function announce(ctx: ServerContext, caller: Caller, text: string, from: string) {
  return changeEventDoc(ctx, caller, 'announce', null, (doc) =>
    facilitation.announce(doc, text, from, Date.now()),
  )
}
