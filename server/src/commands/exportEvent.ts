import { boardDocName, eventDocName, proposalDocName } from '@hytepaja/shared/doc/names'
import { decisionsRoot, plenaryRoot } from '@hytepaja/shared/doc/plenary'
import { readClusters, readIdeas } from '@hytepaja/shared/doc/schema/board'
import {
  readAgenda,
  readAnnouncements,
  readGroupState,
  readGroups,
  readMeta,
  readPromotions,
} from '@hytepaja/shared/doc/schema/event'
import {
  actionPart,
  PROPOSAL_BODY,
  PROPOSAL_MAIN,
  readProposal,
} from '@hytepaja/shared/doc/schema/proposal'
import { facilitatorActorId } from '@hytepaja/shared/domain/roles'
import * as votes from '@hytepaja/shared/domain/votes'
import * as Y from 'yjs'
import { resolveAuthors } from '../boards/authors.js'
import { readWithheld } from '../boards/withheld.js'
import type { ServerContext } from '../context.js'
import type { Caller } from '../http/caller.js'
import { listAudit } from '../store/audit.js'
import { eventActionRows, partyRows } from '../store/decidedActions.js'
import { findEvent } from '../store/events.js'
import { listFacilitatorSeats } from '../store/facilitatorSeats.js'
import { reportRows } from '../store/followUp.js'
import { unlessUnreadable } from '../store/integrity.js'
import { listParticipants } from '../store/participants.js'
import { eventPreAnswers } from '../store/preAnswers.js'
import { groupBallots } from '../store/votes.js'
import { indexedAction, indexedParty, storedReport } from './actionViews.js'
import { attendanceForMinutes } from './attendance.js'
import { audit } from './change.js'
import { commentsOf } from './checking.js'

async function eventFollowUp(ctx: ServerContext, eventId: string) {
  const rows = await eventActionRows(ctx.db, eventId)
  const ids = rows.map((r) => r.id)
  const [parties, reports] = await Promise.all([partyRows(ctx.db, ids), reportRows(ctx.db, ids)])
  return rows.map((row) => ({
    ...indexedAction(row),
    active: Number(row.active) === 1,
    responsible: parties.filter((p) => p.action_id === row.id).map(indexedParty),
    reports: reports.filter((r) => r.action_id === row.id).map(storedReport),
  }))
}

/** The export's format name and version (README, "Event export"). */
export const EXPORT_FORMAT = 'hytepaja-event-export'
export const EXPORT_VERSION = 2

type Rendered = { html: string; markdown: string; text: string }

/** A rich-text document as HTML, Markdown and plain text (the renderer the promotion uses). */
async function renderedText(ctx: ServerContext, name: string): Promise<Rendered> {
  const state = await ctx.rooms.withDoc(name, (room) => Y.encodeStateAsUpdate(room.doc))
  // Lexical and the HTML sanitiser load with the first export or promotion, not at start-up.
  const { renderRichText } = await import('../proposals/render.js')
  const { html, markdown, text } = renderRichText(state)
  return { html, markdown, text }
}

async function exportProposal(ctx: ServerContext, eventId: string, groupId: string) {
  const fields = await ctx.rooms.withDoc(proposalDocName(eventId, groupId, PROPOSAL_MAIN), (room) =>
    readProposal(room.doc),
  )
  const body = await renderedText(ctx, proposalDocName(eventId, groupId, PROPOSAL_BODY))
  const actions = []
  for (const action of fields.actions) {
    const what = await renderedText(ctx, proposalDocName(eventId, groupId, actionPart(action.id)))
    actions.push({ ...action, what })
  }
  return { title: fields.title, body, actions }
}

async function exportBoard(ctx: ServerContext, eventId: string, groupId: string) {
  const board = await ctx.rooms.withDoc(boardDocName(eventId, groupId), (room) => ({
    ideas: readIdeas(room.doc),
    clusters: readClusters(room.doc),
  }))
  const withheld = await readWithheld(ctx, eventId, groupId)
  const keys = new Set([...board.ideas, ...withheld].map((idea) => idea.authorKey))
  return { ...board, withheld, authors: await resolveAuthors(ctx, eventId, groupId, keys) }
}

/**
 * The dots of a group as totals: every stored dot counts, those on hidden and deleted notes
 * too. Who gave which dot is secret and is not exported.
 */
async function exportVotes(ctx: ServerContext, eventId: string, groupId: string) {
  const ballots = [...(await groupBallots(ctx.db, eventId, groupId)).values()].filter(
    (ballot) => votes.dotsUsed(ballot) > 0,
  )
  return {
    votesCast: ballots.reduce((n, ballot) => n + votes.dotsUsed(ballot), 0),
    voters: ballots.length,
    totals: votes.tally(ballots),
  }
}

/**
 * Everything stored about an event, as JSON: the organiser's copy of everything that deleting
 * the event removes (the shape is in the README, "Event export"), except the tokens and the
 * per-person ballots, which are secrets.
 */
export async function exportEvent(ctx: ServerContext, caller: Caller) {
  const eventId = caller.holder.eventId
  await audit(ctx, caller, 'event.export', eventId)
  const row = await findEvent(ctx.db, eventId)
  const event = await ctx.rooms.withDoc(eventDocName(eventId), (room) => ({
    meta: readMeta(room.doc),
    groups: readGroups(room.doc),
    agenda: readAgenda(room.doc),
    groupState: Object.fromEntries(
      readGroups(room.doc).map((g) => [g.id, readGroupState(room.doc, g.id)]),
    ),
    announcements: readAnnouncements(room.doc),
    promotions: readPromotions(room.doc),
    plenary: plenaryRoot(room.doc).toJSON() as Record<string, unknown>,
    decisions: decisionsRoot(room.doc).toJSON() as Record<string, unknown>,
  }))
  const boards: Record<string, Awaited<ReturnType<typeof exportBoard>> | null> = {}
  const proposals: Record<string, Awaited<ReturnType<typeof exportProposal>> | null> = {}
  const groupVotes: Record<string, Awaited<ReturnType<typeof exportVotes>>> = {}
  // A damaged board or proposal is left out (null) and named, the rest is still exported.
  const unreadable: string[] = []
  for (const group of event.groups) {
    boards[group.id] = await unlessUnreadable(() => exportBoard(ctx, eventId, group.id), unreadable)
    proposals[group.id] = await unlessUnreadable(
      () => exportProposal(ctx, eventId, group.id),
      unreadable,
    )
    groupVotes[group.id] = await exportVotes(ctx, eventId, group.id)
  }
  const participants = await listParticipants(ctx.db, eventId)
  return {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: new Date().toISOString(),
    unreadable,
    event: { ...event.meta, joinCode: row?.join_code ?? null, createdAt: row?.created_at ?? null },
    groups: event.groups,
    agenda: event.agenda,
    groupState: event.groupState,
    announcements: event.announcements,
    promotions: event.promotions,
    plenary: event.plenary,
    decisions: event.decisions,
    // §2 and the checkers' comments name people: kept in SQL, not in the event document.
    attendance: await attendanceForMinutes(ctx, eventId),
    minutesComments: await commentsOf(ctx, eventId),
    boards,
    proposals,
    votes: groupVotes,
    preAnswers: (await eventPreAnswers(ctx.db, eventId)).map((a) => ({
      participantId: a.participant_id,
      text: a.text,
      lang: a.lang,
      updatedAt: a.updated_at,
    })),
    participants: participants.map((p) => ({
      id: p.id,
      displayName: p.display_name,
      organisation: p.organisation,
      groupId: p.group_id,
      joinedAt: p.created_at,
      removedAt: p.revoked_at,
    })),
    // Who the facilitators' seats in the audit trail and on the boards are.
    facilitators: (await listFacilitatorSeats(ctx.db, eventId)).map((f) => ({
      id: facilitatorActorId(f.group_id, f.id),
      name: f.name,
      groupId: f.group_id,
      namedByOrganiser: f.named_by_organiser === 1,
      createdAt: f.created_at,
      removedAt: f.revoked_at,
    })),
    // The follow-up goes with the event: its agreed actions (those a correction took out too),
    // their parties and every report on them.
    followUp: await eventFollowUp(ctx, eventId),
    audit: (await listAudit(ctx.db, eventId)).map((a) => ({
      at: a.at,
      actorRole: a.actor_role,
      actorId: a.actor_id,
      action: a.action,
      target: a.target,
    })),
  }
}
