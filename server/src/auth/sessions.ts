import type { Role } from '@hytepaja/shared/domain/roles'
import { findParticipant } from '../store/participants.js'
import type { SqlDb } from '../store/sql.js'
import { findToken } from '../store/tokens.js'
import { hashToken } from './tokens.js'

/** Who a token speaks for. Resolved from the token's hash on every request. */
export interface Session {
  tokenHash: string
  eventId: string
  role: Role
  groupId: string | null
  participant: { id: string; displayName: string; organisation: string | null } | null
  /** The elected minute-checker a `checker` token speaks for. */
  checkerId: string | null
}

/** The session of a live token, or null for an unknown or revoked one. */
export async function resolveSession(
  db: SqlDb,
  token: string | undefined,
): Promise<Session | null> {
  if (!token || token.length > 200) return null
  const hash = hashToken(token)
  const row = await findToken(db, hash)
  if (!row || row.revoked_at !== null) return null
  if (row.role !== 'participant' || !row.participant_id) {
    return {
      tokenHash: hash,
      eventId: row.event_id,
      role: row.role,
      groupId: row.group_id,
      participant: null,
      checkerId: row.role === 'checker' ? row.checker_id : null,
    }
  }
  const participant = await findParticipant(db, row.participant_id)
  if (!participant || participant.revoked_at !== null) return null
  return {
    tokenHash: hash,
    eventId: row.event_id,
    role: 'participant',
    groupId: participant.group_id,
    participant: {
      id: participant.id,
      displayName: participant.display_name,
      organisation: participant.organisation,
    },
    checkerId: null,
  }
}
