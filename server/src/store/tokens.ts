import type { Role } from '@hytepaja/shared/domain/roles'
import { first, type SqlDb } from './sql.js'

export interface TokenRow {
  hash: string
  event_id: string
  role: Role
  group_id: string | null
  participant_id: string | null
  /** Set for role links, whose token is derived from it; null for personal tokens. */
  nonce: string | null
  /** The elected minute-checker a `checker` link speaks for; null for other roles. */
  checker_id: string | null
  /** The facilitator seat a `facilitator` token speaks for; null for a group's shared link. */
  facilitator_id: string | null
  created_at: number
  revoked_at: number | null
}

export function insertToken(
  db: SqlDb,
  row: Omit<TokenRow, 'revoked_at' | 'checker_id' | 'facilitator_id'> & {
    checker_id?: string | null
    facilitator_id?: string | null
  },
) {
  return db.run(
    `INSERT INTO token (hash, event_id, role, group_id, participant_id, nonce, created_at, checker_id, facilitator_id)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [
      row.hash,
      row.event_id,
      row.role,
      row.group_id,
      row.participant_id,
      row.nonce,
      row.created_at,
      row.checker_id ?? null,
      row.facilitator_id ?? null,
    ],
  )
}

export function findToken(db: SqlDb, hash: string) {
  return first<TokenRow>(db, 'SELECT * FROM token WHERE hash = ?', [hash])
}

/**
 * A token with the seat it speaks for (a participant, or a named facilitator), read in one
 * query where three followed each other: every socket's upgrade and every API request starts
 * here. Only tokens of an existing event are found.
 */
export interface TokenSessionRow {
  event_id: string
  role: Role
  group_id: string | null
  checker_id: string | null
  revoked_at: number | null
  participant_id: string | null
  /** The participant row's columns, null when there is none (or the token is not one's). */
  participant_display_name: string | null
  participant_organisation: string | null
  participant_group_id: string | null
  participant_revoked_at: number | null
  participant_found: string | null
  facilitator_id: string | null
  /** The facilitator seat's columns, null when there is none. */
  seat_event_id: string | null
  seat_group_id: string | null
  seat_name: string | null
  seat_revoked_at: number | null
  seat_found: string | null
}

export function findTokenSession(db: SqlDb, hash: string) {
  return first<TokenSessionRow>(
    db,
    `SELECT t.event_id, t.role, t.group_id, t.checker_id, t.revoked_at,
       t.participant_id, p.display_name AS participant_display_name,
       p.organisation AS participant_organisation, p.group_id AS participant_group_id,
       p.revoked_at AS participant_revoked_at, p.id AS participant_found,
       t.facilitator_id, f.event_id AS seat_event_id, f.group_id AS seat_group_id,
       f.name AS seat_name, f.revoked_at AS seat_revoked_at, f.id AS seat_found
     FROM token t
     JOIN event e ON e.id = t.event_id
     LEFT JOIN participant p ON p.id = t.participant_id
     LEFT JOIN facilitator_seat f ON f.id = t.facilitator_id
     WHERE t.hash = ?`,
    [hash],
  )
}

/** The live role links of an event (not personal tokens). */
export function roleTokens(db: SqlDb, eventId: string) {
  return db.all<TokenRow>(
    'SELECT * FROM token WHERE event_id = ? AND nonce IS NOT NULL AND revoked_at IS NULL ORDER BY created_at',
    [eventId],
  )
}

/** Revokes the live tokens matching `where` and returns their hashes (to close their sockets). */
export async function revokeTokens(
  db: SqlDb,
  where: {
    eventId: string
    role?: Role
    groupId?: string
    participantId?: string
    checkerId?: string
    facilitatorId?: string
  },
  now = Date.now(),
): Promise<string[]> {
  const clauses = ['event_id = ?', 'revoked_at IS NULL']
  const params: Array<string | number> = [where.eventId]
  if (where.role) {
    clauses.push('role = ?')
    params.push(where.role)
  }
  if (where.groupId) {
    clauses.push('group_id = ?')
    params.push(where.groupId)
  }
  if (where.participantId) {
    clauses.push('participant_id = ?')
    params.push(where.participantId)
  }
  if (where.checkerId) {
    clauses.push('checker_id = ?')
    params.push(where.checkerId)
  }
  if (where.facilitatorId) {
    clauses.push('facilitator_id = ?')
    params.push(where.facilitatorId)
  }
  const condition = clauses.join(' AND ')
  const rows = await db.all<{ hash: string }>(`SELECT hash FROM token WHERE ${condition}`, params)
  await db.run(`UPDATE token SET revoked_at = ? WHERE ${condition}`, [now, ...params])
  return rows.map((r) => r.hash)
}
