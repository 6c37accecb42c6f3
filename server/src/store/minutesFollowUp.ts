import type { MinutesFollowUp } from '@hytepaja/shared/minutes/followUp'
import { first, type SqlDb } from './sql.js'

/**
 * The follow-up item's actions and statuses as a version of the minutes locked with them (JSON):
 * the locked minutes print them, and their hash covers them, whatever is reported later.
 */
export function freezeFollowUp(
  db: SqlDb,
  eventId: string,
  version: number,
  followUp: MinutesFollowUp,
  now = Date.now(),
) {
  return db.run(
    `INSERT INTO minutes_follow_up (event_id, version, follow_up, created_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (event_id, version) DO UPDATE
     SET follow_up = excluded.follow_up, created_at = excluded.created_at`,
    [eventId, version, JSON.stringify(followUp), now],
  )
}

export async function frozenFollowUp(
  db: SqlDb,
  eventId: string,
  version: number,
): Promise<MinutesFollowUp | null> {
  const row = await first<{ follow_up: string }>(
    db,
    'SELECT follow_up FROM minutes_follow_up WHERE event_id = ? AND version = ?',
    [eventId, version],
  )
  return row ? (JSON.parse(row.follow_up) as MinutesFollowUp) : null
}
