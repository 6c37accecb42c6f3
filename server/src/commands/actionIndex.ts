import { eventDocName } from '@hytepaja/shared/doc/names'
import { type DecidedActions, decidedActions } from '@hytepaja/shared/followUp/decidedActions'
import { nameKey } from '@hytepaja/shared/register/organisations'
import type { ServerContext } from '../context.js'
import {
  type DecidedActionRow,
  eventActionRows,
  type PartyRow,
  partyMappings,
  setActive,
  unindexedDecidedEvents,
  writeDecidedAction,
  writeParties,
} from '../store/decidedActions.js'
import { setMinutesState } from '../store/events.js'
import type { SqlDb } from '../store/sql.js'
import { organisationForName } from './register.js'
import { serialised } from './serial.js'

/**
 * The index of decided actions: every action an event agreed on, kept in SQL beside the event
 * document it comes from, so that summaries, follow-up links and next year's agenda read rows
 * instead of loading every event's document. The document stays the truth; the index is
 * rebuilt from it after every command that can change what it says (see `reindexesAfter`).
 *
 * An action counts from the moment its decision is recorded, not only once the minutes are
 * checked: the decision is the meeting's, the minutes only record it, and the follow-up starts
 * the day after the meeting while the checking may take weeks. Until the minutes lock, the
 * index says so (`minutes_state = 'draft'`), and a correction before the lock changes the
 * action; an action a correction takes out stays in the index as inactive with its reports.
 */

/** An action's id across events: stable while the decision stands and when it is corrected. */
export function actionKey(eventId: string, itemId: string, actionId: string): string {
  return `${eventId}-${itemId}-${actionId}`
}

const REINDEXING = /^(decision\.(record|correct)|minutes\.(lock|reopen)|agenda\.\w+|group\.update)$/

/** Whether an audited event-document command can change the index (§ labels, themes, actions). */
export function reindexesAfter(action: string): boolean {
  return REINDEXING.test(action)
}

/** The parties of one action, each linked to the register (the organiser's fix first). */
async function partiesOf(
  db: SqlDb,
  id: string,
  responsible: string[],
  now: number,
): Promise<PartyRow[]> {
  const fixed = await partyMappings(db, id)
  const parties: PartyRow[] = []
  for (const [position, name] of responsible.entries()) {
    const mapped = fixed.get(nameKey(name))
    const organisationId = mapped ?? (await organisationForName(db, name, 'action', { now }))?.id
    parties.push({
      action_id: id,
      position,
      name,
      organisation_id: organisationId ?? null,
      mapped_by: mapped ? 'organiser' : 'auto',
    })
  }
  return parties
}

/** Writes what an event's document says into the index, in one transaction. */
async function writeIndex(db: SqlDb, eventId: string, decided: DecidedActions, now: number) {
  await db.transaction(async (tx) => {
    const before = await eventActionRows(tx, eventId)
    const kept = new Set<string>()
    for (const entry of decided.actions) {
      const id = actionKey(eventId, entry.itemId, entry.actionId)
      kept.add(id)
      const row: DecidedActionRow = {
        id,
        event_id: eventId,
        item_id: entry.itemId,
        action_id: entry.actionId,
        position: entry.position,
        label: entry.label,
        theme: entry.theme,
        group_id: entry.groupId,
        outcome: entry.outcome,
        revision: entry.revision,
        what: entry.what,
        timeline: entry.timeline,
        indicator: entry.indicator,
        target: entry.target,
        age_groups: JSON.stringify(entry.ageGroups),
        decided_at: entry.decidedAt,
        minutes_state: decided.minutes.state,
        minutes_version: decided.minutes.version,
        active: 1,
        indexed_at: now,
      }
      await writeDecidedAction(tx, row)
      await writeParties(tx, id, await partiesOf(tx, id, entry.responsible, now))
    }
    for (const row of before) {
      if (!kept.has(row.id) && row.active) await setActive(tx, row.id, false, now)
    }
    await setMinutesState(tx, eventId, decided.minutes)
  })
}

/**
 * Rebuilds one event's part of the index from its document. Runs one at a time per event (a
 * correction and a lock at once must not interleave), never inside the plenary's own queue.
 */
export function reindexEvent(ctx: ServerContext, eventId: string): Promise<void> {
  return serialised(ctx, `actionIndex:${eventId}`, async () => {
    const decided = await ctx.rooms.withDoc(eventDocName(eventId), (room) =>
      decidedActions(room.doc),
    )
    await writeIndex(ctx.db, eventId, decided, Date.now())
  })
}

/**
 * Indexes the events that had decisions before the index existed (an upgraded store); run in
 * the background at start. Answers how many events it indexed.
 */
export async function indexUnindexedEvents(ctx: ServerContext): Promise<number> {
  const events = await unindexedDecidedEvents(ctx.db)
  for (const eventId of events) await reindexEvent(ctx, eventId)
  return events.length
}
