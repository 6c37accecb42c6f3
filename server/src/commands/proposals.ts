import { boardDocName, proposalDocName } from '@hytepaja/shared/doc/names'
import { readIdeas } from '@hytepaja/shared/doc/schema/board'
import { readAgenda, readGroupState } from '@hytepaja/shared/doc/schema/event'
import {
  actionPart,
  PROPOSAL_BODY,
  PROPOSAL_MAIN,
  readProposal,
} from '@hytepaja/shared/doc/schema/proposal'
import { DomainError } from '@hytepaja/shared/domain/errors'
import * as facilitation from '@hytepaja/shared/domain/facilitation'
import * as proposals from '@hytepaja/shared/domain/proposals'
import * as Y from 'yjs'
import type { ServerContext } from '../context.js'
import type { Caller } from '../http/caller.js'
import { ApiError } from '../http/errors.js'
import { changeEventDoc, readEventDoc } from './change.js'

function names(eventId: string, groupId: string) {
  return {
    main: proposalDocName(eventId, groupId, PROPOSAL_MAIN),
    body: proposalDocName(eventId, groupId, PROPOSAL_BODY),
    action: (id: string) => proposalDocName(eventId, groupId, actionPart(id)),
  }
}

/** The documents of a proposal: main (fields), body, and one per existing action. */
export async function proposalPartExists(
  ctx: ServerContext,
  eventId: string,
  groupId: string,
  part: string,
) {
  if (part === PROPOSAL_MAIN || part === PROPOSAL_BODY) return true
  const match = /^action-([a-z0-9]{1,57})$/.exec(part)
  if (!match) return false
  const doc = names(eventId, groupId)
  return ctx.rooms.withDoc(doc.main, (room) =>
    readProposal(room.doc).actions.some((a) => a.id === match[1]),
  )
}

async function requireOpen(ctx: ServerContext, eventId: string, groupId: string) {
  const state = await readEventDoc(ctx, eventId, (doc) => readGroupState(doc, groupId))
  if (state.proposalReady)
    throw new ApiError(409, 'proposal.ready', 'the proposal is marked ready; reopen it first')
}

/** Adds an action proposal (at most three); its rich-text document starts on the server. */
export async function addAction(ctx: ServerContext, caller: Caller, groupId: string) {
  const eventId = caller.holder.eventId
  await requireOpen(ctx, eventId, groupId)
  const doc = names(eventId, groupId)
  const id = await ctx.rooms.withDoc(doc.main, (room) => proposals.addAction(room.doc))
  await ctx.docs.flush(doc.main)
  // The action's text document is filled when it first loads (see the rooms' onLoad hook).
  await ctx.rooms.withDoc(doc.action(id), () => undefined)
  await ctx.docs.flush(doc.action(id))
  return id
}

export async function removeAction(
  ctx: ServerContext,
  caller: Caller,
  groupId: string,
  actionId: string,
) {
  const eventId = caller.holder.eventId
  await requireOpen(ctx, eventId, groupId)
  const doc = names(eventId, groupId)
  await ctx.rooms.withDoc(doc.main, (room) => proposals.removeAction(room.doc, actionId))
  await ctx.docs.flush(doc.main)
}

export async function setReady(
  ctx: ServerContext,
  caller: Caller,
  groupId: string,
  ready: boolean,
) {
  return changeEventDoc(ctx, caller, ready ? 'proposal.ready' : 'proposal.reopen', groupId, (doc) =>
    facilitation.setProposalReady(doc, groupId, ready),
  )
}

function stateOf(ctx: ServerContext, name: string): Promise<Uint8Array> {
  return ctx.rooms.withDoc(name, (room) => Y.encodeStateAsUpdate(room.doc))
}

/**
 * Renders the group's proposal on the server (sanitised HTML and Markdown of every rich text,
 * plus the structured fields) and writes a frozen copy as the next version of its item on the
 * decision agenda (§9 a, b, c…).
 */
export async function promote(ctx: ServerContext, caller: Caller, groupId: string) {
  const eventId = caller.holder.eventId
  const doc = names(eventId, groupId)
  const read = await ctx.rooms.withDoc(doc.main, (room) => readProposal(room.doc))
  const liveIdeas = await ctx.rooms.withDoc(boardDocName(eventId, groupId), (room) =>
    readIdeas(room.doc).filter((idea) => idea.deletedAt === null),
  )
  const onBoard = new Set(liveIdeas.map((idea) => idea.id))
  const fields = proposals.promotableFields(read, (id) => onBoard.has(id))
  // Lexical and the HTML sanitiser load with the first promotion, not at start-up.
  const { renderRichText } = await import('../proposals/render.js')
  const { MAX_RICH_TEXT_CHARS } = await import('@hytepaja/shared/richtext/limits')
  const body = renderRichText(await stateOf(ctx, doc.body))
  const actions = []
  for (const action of fields.actions) {
    const what = renderRichText(await stateOf(ctx, doc.action(action.id)))
    actions.push({ ...action, what })
  }
  // Each text must fit whole: a frozen copy is never silently cut.
  for (const text of [body, ...actions.map((a) => a.what)]) {
    if (text.truncated || text.chars > MAX_RICH_TEXT_CHARS) {
      throw new DomainError(
        'proposal.tooLong',
        `a text of the proposal is longer than ${MAX_RICH_TEXT_CHARS} characters`,
      )
    }
  }
  const strip = ({ html, markdown, text }: { html: string; markdown: string; text: string }) => ({
    html,
    markdown,
    text,
  })
  const content: proposals.PromotionContent = {
    title: fields.title,
    body: strip(body),
    actions: actions.map((a) => ({ ...a, what: strip(a.what) })),
  }
  const version = await changeEventDoc(ctx, caller, 'proposal.promote', groupId, (eventDoc) => {
    const item = readAgenda(eventDoc).find((i) => i.groupId === groupId)
    if (!item)
      throw new DomainError('agenda.noItem', 'the decision agenda has no item for this group')
    return proposals.promote(eventDoc, groupId, item.id, content, Date.now())
  })
  return { version }
}

export function withdraw(ctx: ServerContext, caller: Caller, groupId: string) {
  return changeEventDoc(ctx, caller, 'proposal.withdraw', groupId, (doc) =>
    proposals.withdraw(doc, groupId, Date.now()),
  )
}
