import { readMinutesCheck } from '@hytepaja/shared/doc/plenary'
import { readMeta } from '@hytepaja/shared/doc/schema/event'
import { actionViews } from '@hytepaja/shared/followUp/actionViews'
import {
  followUpItemAction,
  followUpReportsUntil,
  standingItem,
} from '@hytepaja/shared/followUp/followUpItem'
import type { MinutesFollowUp } from '@hytepaja/shared/minutes/followUp'
import type { ServerContext } from '../context.js'
import { activeActionRows, partyRows } from '../store/decidedActions.js'
import { listEvents } from '../store/events.js'
import { reportRows } from '../store/followUp.js'
import { frozenFollowUp } from '../store/minutesFollowUp.js'
import { eventInfo, indexedAction, indexedParty, storedReport } from './actionViews.js'
import { readEventDoc } from './change.js'
import { registerSnapshot } from './register.js'

/**
 * The follow-up item as the minutes record it: the actions it lists, with the statuses their
 * responsible organisations had reported by the end of the meeting (`followUpReportsUntil`).
 * Null when the agenda has no follow-up item.
 */
export async function liveFollowUp(
  ctx: ServerContext,
  eventId: string,
  now = ctx.clock.now(),
): Promise<MinutesFollowUp | null> {
  const doc = await readEventDoc(ctx, eventId, (d) => ({
    standing: standingItem(d),
    meta: readMeta(d),
  }))
  if (!doc.standing || !doc.meta) return null
  const asOf = followUpReportsUntil(doc.meta, now)
  const ids = doc.standing.actionIds
  const listed = new Set(ids)
  const [rows, parties, reports, register, eventRows] = await Promise.all([
    activeActionRows(ctx.db),
    partyRows(ctx.db, ids),
    reportRows(ctx.db, ids),
    registerSnapshot(ctx.db),
    listEvents(ctx.db),
  ])
  const views = actionViews(
    rows.filter((r) => listed.has(r.id)).map(indexedAction),
    parties.map(indexedParty),
    reports.filter((r) => Number(r.created_at) <= asOf).map(storedReport),
    register,
    new Map(eventRows.map((e) => [e.id, eventInfo(e)])),
  )
  const byId = new Map(views.map((v) => [v.id, v]))
  return {
    agendaItemId: doc.standing.agendaItemId,
    asOf,
    // In the item's order; an action a correction took out since is left out.
    actions: ids.flatMap((id) => {
      const view = byId.get(id)
      return view ? [followUpItemAction(view)] : []
    }),
  }
}

/**
 * The follow-up for the minutes (files, preview, the lock's hash): while they are locked, as
 * it was kept with the lock (null for minutes locked before the minutes printed it, so their
 * hash stays true); while a draft, as it stands.
 */
export async function followUpForMinutes(
  ctx: ServerContext,
  eventId: string,
): Promise<MinutesFollowUp | null> {
  const check = await readEventDoc(ctx, eventId, readMinutesCheck)
  if (check.state === 'locked') return frozenFollowUp(ctx.db, eventId, check.version)
  return liveFollowUp(ctx, eventId)
}
