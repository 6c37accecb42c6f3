import type { SqlDb } from './sql.js'
import { first } from './sql.js'

/**
 * One facilitator of one group as a person of their own: their name in presence, on what they
 * write and in the audit trail. `named_by_organiser` seats follow the group's list of
 * facilitators (one link each, shown to the organiser); the others named themselves on the
 * group's shared facilitator link (a personal token, shown to nobody).
 */
export interface FacilitatorSeatRow {
  id: string
  event_id: string
  group_id: string
  name: string
  named_by_organiser: number
  created_at: number
  revoked_at: number | null
}

export function insertFacilitatorSeat(db: SqlDb, row: Omit<FacilitatorSeatRow, 'revoked_at'>) {
  return db.run(
    `INSERT INTO facilitator_seat (id, event_id, group_id, name, named_by_organiser, created_at)
     VALUES (?, ?, ?, ?, ?, ?)`,
    [row.id, row.event_id, row.group_id, row.name, row.named_by_organiser, row.created_at],
  )
}

export function findFacilitatorSeat(db: SqlDb, id: string) {
  return first<FacilitatorSeatRow>(db, 'SELECT * FROM facilitator_seat WHERE id = ?', [id])
}

/** Every facilitator seat of an event, revoked ones too (their notes keep their names). */
export function listFacilitatorSeats(db: SqlDb, eventId: string) {
  return db.all<FacilitatorSeatRow>(
    'SELECT * FROM facilitator_seat WHERE event_id = ? ORDER BY created_at, id',
    [eventId],
  )
}

export function revokeFacilitatorSeat(db: SqlDb, id: string, now = Date.now()) {
  return db.run('UPDATE facilitator_seat SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL', [
    now,
    id,
  ])
}

/**
 * The retention run: the seats stay (notes keep an author key), their names and links go.
 * Returns the revoked tokens' hashes (to close their sockets).
 */
export async function eraseFacilitatorSeatNames(db: SqlDb, eventId: string, now = Date.now()) {
  const live = `event_id = ? AND role = 'facilitator' AND facilitator_id IS NOT NULL AND revoked_at IS NULL`
  const tokens = await db.all<{ hash: string }>(`SELECT hash FROM token WHERE ${live}`, [eventId])
  await db.run(`UPDATE token SET revoked_at = ? WHERE ${live}`, [now, eventId])
  await db.run(
    `UPDATE facilitator_seat SET name = '', revoked_at = COALESCE(revoked_at, ?)
     WHERE event_id = ? AND name <> ''`,
    [now, eventId],
  )
  return tokens.map((t) => t.hash)
}
