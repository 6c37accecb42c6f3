import { readAgenda } from '@hytepaja/shared/doc/schema/event'
import { labelOf } from '@hytepaja/shared/domain/agenda'
import { ConflictError, NotFoundError } from '@hytepaja/shared/domain/errors'
import type { ActionView } from '@hytepaja/shared/followUp/actionViews'
import {
  accept,
  type FollowUpItemAction,
  followUpItemAction,
  leaveOut,
  openActionsOf,
  standingItem,
  wasLeftOut,
} from '@hytepaja/shared/followUp/followUpItem'
import type { ServerContext } from '../context.js'
import type { Caller } from '../http/caller.js'
import { type EventRow, findEvent, listEvents } from '../store/events.js'
import { allActionViews } from './actionViews.js'
import { changeEventDoc, readEventDoc } from './change.js'

/**
 * The follow-up item of an event (see shared/followUp/followUpItem.ts): which earlier meetings
 * it follows up, what it offers the organiser, and what each role may read of it.
 */

export type FollowUpItemState = 'accepted' | 'offered' | 'leftOut' | 'none'

export interface FollowUpItemAnswer {
  state: FollowUpItemState
  item: { agendaItemId: string; label: string | null; title: string; acceptedAt: number } | null
  /** The earlier meetings followed up. */
  sources: Array<{ id: string; title: string; startsAt: string }>
  actions: FollowUpItemAction[]
}

const startOf = (row: EventRow) => Date.parse(row.starts_at)

/**
 * The earlier meetings an event follows up: those of its municipality group or its series
 * that started before it, the latest first.
 */
export async function earlierMeetings(ctx: ServerContext, eventId: string): Promise<EventRow[]> {
  const rows = await listEvents(ctx.db)
  const self = rows.find((r) => r.id === eventId)
  if (!self) throw new NotFoundError('event.notFound', 'no such event')
  return rows.filter(
    (row) =>
      row.id !== eventId &&
      startOf(row) < startOf(self) &&
      ((self.municipality_group_id !== null &&
        row.municipality_group_id === self.municipality_group_id) ||
        (self.series_id !== null && row.series_id === self.series_id)),
  )
}

async function openEarlierActions(ctx: ServerContext, eventId: string) {
  const [sources, { views }] = await Promise.all([
    earlierMeetings(ctx, eventId),
    allActionViews(ctx),
  ])
  return { sources, views, open: openActionsOf(views, new Set(sources.map((s) => s.id))) }
}

const sourceView = (row: EventRow) => ({ id: row.id, title: row.title, startsAt: row.starts_at })

/**
 * The item as `caller` may read it. Everyone of the event but the join link reads an accepted
 * item's actions (what the minutes say and where each stands); only the organiser sees an
 * offer that is not on the agenda yet, or one that was left out.
 */
export async function readFollowUpItemFor(
  ctx: ServerContext,
  caller: Caller,
): Promise<FollowUpItemAnswer> {
  const eventId = caller.holder.eventId
  const doc = await readEventDoc(ctx, eventId, (d) => ({
    standing: standingItem(d),
    leftOut: wasLeftOut(d),
    agenda: readAgenda(d),
  }))
  const organiser = caller.holder.role === 'organiser'
  if (!doc.standing && !organiser) return { state: 'none', item: null, sources: [], actions: [] }
  const { sources, views, open } = await openEarlierActions(ctx, eventId)
  if (doc.standing) {
    const byId = new Map<string, ActionView>(views.map((v) => [v.id, v]))
    const listed = doc.standing.actionIds
      .map((id) => byId.get(id))
      .filter((v): v is ActionView => v !== undefined)
    const title = doc.agenda.find((i) => i.id === doc.standing?.agendaItemId)?.title ?? ''
    const rows = await listEvents(ctx.db)
    const followed = new Set(doc.standing.sourceEventIds)
    return {
      state: 'accepted',
      item: {
        agendaItemId: doc.standing.agendaItemId,
        label: labelOf(doc.agenda, doc.standing.agendaItemId),
        title,
        acceptedAt: doc.standing.acceptedAt,
      },
      sources: rows.filter((r) => followed.has(r.id)).map(sourceView),
      actions: listed.map(followUpItemAction),
    }
  }
  const state: FollowUpItemState = doc.leftOut ? 'leftOut' : open.length ? 'offered' : 'none'
  return {
    state,
    item: null,
    sources: sources.map(sourceView),
    actions: open.map(followUpItemAction),
  }
}

/**
 * Puts the item on the agenda with the earlier meetings' open actions as they stand now (or
 * lists them again when it is there). 409 `followUpItem.nothing` when there is nothing open
 * to follow up; 409 `minutes.locked` after the lock.
 */
export async function acceptFollowUpItem(ctx: ServerContext, caller: Caller) {
  const eventId = caller.holder.eventId
  const { sources, open } = await openEarlierActions(ctx, eventId)
  const standing = await readEventDoc(ctx, eventId, standingItem)
  if (open.length === 0 && !standing)
    throw new ConflictError(
      'followUpItem.nothing',
      'no earlier meeting of this municipality group or series has open actions',
    )
  const event = await findEvent(ctx.db, eventId)
  if (!event) throw new NotFoundError('event.notFound', 'no such event')
  return changeEventDoc(ctx, caller, 'agenda.followUpAccept', null, (doc) =>
    accept(doc, {
      actionIds: open.map((a) => a.id),
      sourceEventIds: sources.map((s) => s.id),
      now: ctx.clock.now(),
    }),
  )
}

/** Takes the item off the agenda and stops offering it (the organiser may accept it later). */
export async function leaveOutFollowUpItem(ctx: ServerContext, caller: Caller): Promise<void> {
  await changeEventDoc(ctx, caller, 'agenda.followUpLeaveOut', null, (doc) =>
    leaveOut(doc, ctx.clock.now()),
  )
}
