import { type Decision, readCurrentItem } from '@hytepaja/shared/doc/plenary'
import { readAgenda } from '@hytepaja/shared/doc/schema/event'
import { labelOf } from '@hytepaja/shared/domain/agenda'
import * as decisions from '@hytepaja/shared/domain/decisions'
import * as plenary from '@hytepaja/shared/domain/plenary'
import type { ServerContext } from '../context.js'
import type { Caller } from '../http/caller.js'
import { findEvent } from '../store/events.js'
import { changeEventDoc, readEventDoc } from './change.js'
import { eventLinks } from './events.js'

/** The chair moves the meeting to an agenda item (null: none). */
export function setCurrentItem(ctx: ServerContext, caller: Caller, itemId: string | null) {
  return changeEventDoc(ctx, caller, 'plenary.current', itemId, (doc) =>
    plenary.setCurrentItem(doc, itemId),
  )
}

/** Next (1) or previous (-1) item of the agenda; answers the item the meeting is now on. */
export async function stepCurrentItem(ctx: ServerContext, caller: Caller, step: 1 | -1) {
  return changeEventDoc(
    ctx,
    caller,
    step === 1 ? 'plenary.next' : 'plenary.previous',
    null,
    (doc) => plenary.stepCurrentItem(doc, step),
  )
}

export function approveAgenda(
  ctx: ServerContext,
  caller: Caller,
  input: { approved: boolean; changes?: string | null },
) {
  return changeEventDoc(ctx, caller, 'plenary.agendaApproval', null, (doc) =>
    plenary.approveAgenda(doc, input, Date.now(), caller.actorRole),
  )
}

export async function setFullAttendance(ctx: ServerContext, caller: Caller, full: boolean) {
  await changeEventDoc(ctx, caller, 'plenary.minutesSettings', null, (doc) =>
    plenary.setFullAttendance(doc, full),
  )
  return { fullAttendance: full }
}

/** An item's decisions, each amended one with its word-by-word difference from the proposal. */
function historyView(doc: Parameters<typeof readAgenda>[0], itemId: string) {
  return decisions.history(doc, itemId).map((decision) => {
    const version = decisions.versionOf(doc, decision)
    return {
      ...decision,
      diff: version && decision.amended ? decisions.diffDecision(version, decision.amended) : null,
    }
  })
}

/** Records the meeting's decision on an item, or corrects it (the earlier ones are kept). */
export async function recordDecision(
  ctx: ServerContext,
  caller: Caller,
  itemId: string,
  input: decisions.DecisionInput,
) {
  return changeEventDoc(
    ctx,
    caller,
    (result: { decision: Decision }) =>
      result.decision.revision === 1 ? 'decision.record' : 'decision.correct',
    itemId,
    (doc) => {
      const decision = decisions.record(doc, itemId, input, Date.now(), caller.actorRole)
      return { decision, history: historyView(doc, itemId) }
    },
  )
}

export function decisionHistory(ctx: ServerContext, eventId: string, itemId: string) {
  return readEventDoc(ctx, eventId, (doc) => ({
    itemId,
    label: labelOf(readAgenda(doc), itemId),
    current: readCurrentItem(doc) === itemId,
    history: historyView(doc, itemId),
  }))
}

/** The join code and link, for the presenter view's corner (late joiners). */
export async function joinInfo(ctx: ServerContext, eventId: string) {
  const row = await findEvent(ctx.db, eventId)
  const { links } = await eventLinks(ctx, eventId)
  return { joinCode: row?.join_code ?? null, joinLink: links.join || null }
}
