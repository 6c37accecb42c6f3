import { first, type SqlDb } from './sql.js'

export interface ParticipantRow {
  id: string
  event_id: string
  display_name: string
  organisation: string | null
  group_id: string
  created_at: number
  revoked_at: number | null
  /** The register's organisation the typed name was linked to (see commands/register.ts). */
  organisation_id: string | null
}

export function insertParticipant(
  db: SqlDb,
  row: Omit<ParticipantRow, 'revoked_at' | 'organisation_id'> & { organisation_id?: string | null },
) {
  return db.run(
    `INSERT INTO participant (id, event_id, display_name, organisation, group_id, created_at, organisation_id)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
    [
      row.id,
      row.event_id,
      row.display_name,
      row.organisation,
      row.group_id,
      row.created_at,
      row.organisation_id ?? null,
    ],
  )
}

export function findParticipant(db: SqlDb, id: string) {
  return first<ParticipantRow>(db, 'SELECT * FROM participant WHERE id = ?', [id])
}

export function listParticipants(db: SqlDb, eventId: string) {
  return db.all<ParticipantRow>(
    'SELECT * FROM participant WHERE event_id = ? ORDER BY created_at',
    [eventId],
  )
}

export function setParticipantGroup(db: SqlDb, id: string, groupId: string) {
  return db.run('UPDATE participant SET group_id = ? WHERE id = ?', [groupId, id])
}

export function revokeParticipant(db: SqlDb, id: string, now = Date.now()) {
  return db.run('UPDATE participant SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL', [
    now,
    id,
  ])
}
