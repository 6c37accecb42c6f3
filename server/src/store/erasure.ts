import type { AttendanceEntry } from '@hytepaja/shared/domain/attendance'
import { first, type SqlDb } from './sql.js'

/**
 * The statements the retention run (retention/erase.ts) uses on the tables that hold people:
 * kept together, so what it touches is in one place.
 */

const count = async (db: SqlDb, sql: string, params: Array<string | number>) =>
  Number((await first<{ n: number }>(db, sql, params))?.n ?? 0)

/** Participants whose name is still stored. */
export const namedParticipants = (db: SqlDb, eventId: string) =>
  count(db, "SELECT COUNT(*) AS n FROM participant WHERE event_id = ? AND display_name <> ''", [
    eventId,
  ])

/** Personal links of participants that still open the event. */
export const liveParticipantLinks = (db: SqlDb, eventId: string) =>
  count(
    db,
    "SELECT COUNT(*) AS n FROM token WHERE event_id = ? AND role = 'participant' AND revoked_at IS NULL",
    [eventId],
  )

export const preAnswerCount = (db: SqlDb, eventId: string) =>
  count(db, 'SELECT COUNT(*) AS n FROM pre_answer WHERE event_id = ?', [eventId])

export const commentCount = (db: SqlDb, eventId: string) =>
  count(db, 'SELECT COUNT(*) AS n FROM minutes_comment WHERE event_id = ?', [eventId])

/**
 * Takes the name and organisation off every participant of the event and marks them removed.
 * The row stays without them: its id (authorship, votes and the audit name only that) and the
 * register's organisation it was linked to, which the county's yearly counts read.
 */
export async function eraseParticipants(db: SqlDb, eventId: string, now: number) {
  const { changes } = await db.run(
    `UPDATE participant SET display_name = '', organisation = NULL,
       revoked_at = COALESCE(revoked_at, ?)
     WHERE event_id = ? AND display_name <> ''`,
    [now, eventId],
  )
  return changes
}

export const deletePreAnswers = (db: SqlDb, eventId: string) =>
  db.run('DELETE FROM pre_answer WHERE event_id = ?', [eventId])

export const deleteComments = (db: SqlDb, eventId: string) =>
  db.run('DELETE FROM minutes_comment WHERE event_id = ?', [eventId])

/**
 * An elected registered participant's attendance row, made to stand on its own: it carries the
 * name and organisation the attendance showed, as a person added by hand does, because the
 * participant's own name is about to go.
 */
export function detachAttendee(db: SqlDb, eventId: string, entry: AttendanceEntry, now: number) {
  return db.run(
    `UPDATE attendance SET participant_id = NULL, name = ?, organisation = ?, updated_at = ?
     WHERE event_id = ? AND id = ?`,
    [entry.name, entry.organisation, now, eventId, entry.id],
  )
}

export function deleteAttendanceRows(db: SqlDb, eventId: string, ids: string[]) {
  if (ids.length === 0) return Promise.resolve({ changes: 0 })
  return db.run(
    `DELETE FROM attendance WHERE event_id = ? AND id IN (${ids.map(() => '?').join(', ')})`,
    [eventId, ...ids],
  )
}

/** Every version's frozen attendance of an event. */
export async function frozenVersions(
  db: SqlDb,
  eventId: string,
): Promise<Array<{ version: number; entries: AttendanceEntry[] }>> {
  const rows = await db.all<{ version: number; attendance: string }>(
    'SELECT version, attendance FROM minutes_attendance WHERE event_id = ? ORDER BY version',
    [eventId],
  )
  return rows.map((r) => ({
    version: Number(r.version),
    entries: JSON.parse(r.attendance) as AttendanceEntry[],
  }))
}

export function replaceFrozen(
  db: SqlDb,
  eventId: string,
  version: number,
  entries: AttendanceEntry[],
) {
  return db.run('UPDATE minutes_attendance SET attendance = ? WHERE event_id = ? AND version = ?', [
    JSON.stringify(entries),
    eventId,
    version,
  ])
}

export function deleteFrozen(db: SqlDb, eventId: string, version: number) {
  return db.run('DELETE FROM minutes_attendance WHERE event_id = ? AND version = ?', [
    eventId,
    version,
  ])
}

/** The names of an event's stored documents that start with `prefix` (all of its boards). */
export async function storedDocNames(db: SqlDb, prefix: string): Promise<string[]> {
  const like = `${prefix}%`
  const rows = await db.all<{ name: string }>(
    `SELECT name FROM doc_snapshot WHERE name LIKE ?
     UNION SELECT DISTINCT name FROM doc_update WHERE name LIKE ?`,
    [like, like],
  )
  return rows.map((r) => r.name)
}
