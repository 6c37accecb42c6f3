import { eventDocName } from '@hytepaja/shared/doc/names'
import type { ServerContext } from '../context.js'
import { deleteEventRow } from '../store/events.js'
import { dropDocs } from './sockets.js'

/** Every document name prefix of an event. */
export function eventDocPrefixes(eventId: string): string[] {
  return [
    eventDocName(eventId),
    `board:${eventId}:`,
    `proposal:${eventId}:`,
    `withheld:${eventId}:`,
  ]
}

/**
 * Deletes an event and everything of it: open sockets are closed (4404, the client forgets its
 * local copy), rooms are dropped without writing back, then documents, update log, snapshots,
 * tokens, participants and audit rows are deleted.
 */
export async function deleteEvent(ctx: ServerContext, eventId: string) {
  const prefixes = eventDocPrefixes(eventId)
  await dropDocs(ctx, { prefixes, reason: 'event deleted', eventId })
  // Tokens, participants and audit rows go with the event row (ON DELETE CASCADE), in one
  // statement; explicit deletes keep SQLite honest even without foreign keys enabled.
  await ctx.db.transaction(async (tx) => {
    // The decided actions' parties, mappings and follow-up reports hang on the actions.
    for (const table of ['follow_up_report', 'action_party', 'party_mapping']) {
      await tx.run(
        `DELETE FROM ${table} WHERE action_id IN (SELECT id FROM decided_action WHERE event_id = ?)`,
        [eventId],
      )
    }
    for (const table of [
      'vote',
      'pre_answer',
      'attendance',
      'minutes_comment',
      'minutes_attendance',
      'minutes_follow_up',
      'decided_action',
      'event_retention',
      'token',
      'participant',
      'audit',
    ]) {
      await tx.run(`DELETE FROM ${table} WHERE event_id = ?`, [eventId])
    }
    await deleteEventRow(tx, eventId)
  })
  // The sockets were closed before the rows went: a token that joined in between is kept no
  // longer than its event.
  ctx.recentSessions?.forget()
}
