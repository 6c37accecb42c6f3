import type { AttendanceEntry, Presence } from '@hytepaja/shared/domain/attendance'
import { first, type SqlDb } from './sql.js'

/**
 * §2 attendance rows. A registered participant's row has their id as `id` and
 * `participant_id`; its `name` and `organisation` are null unless the secretary corrected
 * them. A person the secretary added has `participant_id` null and carries the name.
 */
export interface AttendanceRow {
  event_id: string
  id: string
  participant_id: string | null
  name: string | null
  organisation: string | null
  presence: Presence | null
  arrived_at: string | null
  created_at: number
  updated_at: number
}

export function listAttendanceRows(db: SqlDb, eventId: string) {
  return db.all<AttendanceRow>(
    'SELECT * FROM attendance WHERE event_id = ? ORDER BY created_at, id',
    [eventId],
  )
}

export function findAttendanceRow(db: SqlDb, eventId: string, id: string) {
  return first<AttendanceRow>(db, 'SELECT * FROM attendance WHERE event_id = ? AND id = ?', [
    eventId,
    id,
  ])
}

export async function countAdded(db: SqlDb, eventId: string): Promise<number> {
  const row = await first<{ n: number }>(
    db,
    'SELECT COUNT(*) AS n FROM attendance WHERE event_id = ? AND participant_id IS NULL',
    [eventId],
  )
  return Number(row?.n ?? 0)
}

/** Writes a whole row (insert, or replace the fields of an existing one). */
export function writeAttendanceRow(db: SqlDb, row: AttendanceRow) {
  return db.run(
    `INSERT INTO attendance
       (event_id, id, participant_id, name, organisation, presence, arrived_at, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (event_id, id) DO UPDATE SET
       name = excluded.name, organisation = excluded.organisation,
       presence = excluded.presence, arrived_at = excluded.arrived_at,
       updated_at = excluded.updated_at`,
    [
      row.event_id,
      row.id,
      row.participant_id,
      row.name,
      row.organisation,
      row.presence,
      row.arrived_at,
      row.created_at,
      row.updated_at,
    ],
  )
}

export function deleteAttendanceRow(db: SqlDb, eventId: string, id: string) {
  return db.run('DELETE FROM attendance WHERE event_id = ? AND id = ?', [eventId, id])
}

/** Keeps the attendance a version of the minutes locked with (written again on a retry). */
export function freezeAttendance(
  db: SqlDb,
  eventId: string,
  version: number,
  entries: AttendanceEntry[],
  now = Date.now(),
) {
  return db.run(
    `INSERT INTO minutes_attendance (event_id, version, attendance, created_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (event_id, version) DO UPDATE
     SET attendance = excluded.attendance, created_at = excluded.created_at`,
    [eventId, version, JSON.stringify(entries), now],
  )
}

export async function frozenAttendance(
  db: SqlDb,
  eventId: string,
  version: number,
): Promise<AttendanceEntry[] | null> {
  const row = await first<{ attendance: string }>(
    db,
    'SELECT attendance FROM minutes_attendance WHERE event_id = ? AND version = ?',
    [eventId, version],
  )
  return row ? (JSON.parse(row.attendance) as AttendanceEntry[]) : null
}
