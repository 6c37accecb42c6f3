import type { Role } from '@hytepaja/shared/domain/roles'
import type { SqlDb } from '../store/sql.js'
import { findTokenSession } from '../store/tokens.js'
import { hashToken } from './tokens.js'

/** Who a token speaks for. Resolved from the token's hash on every request (one query). */
export interface Session {
  tokenHash: string
  eventId: string
  role: Role
  groupId: string | null
  participant: { id: string; displayName: string; organisation: string | null } | null
  /** The elected minute-checker a `checker` token speaks for. */
  checkerId: string | null
  /**
   * The facilitator a personal facilitator token speaks for (the organiser named them, or they
   * named themselves on the group's shared link); null for the shared link itself.
   */
  facilitator: { id: string; name: string } | null
}

/** The session of a live token, or null for an unknown or revoked one. */
export async function resolveSession(
  db: SqlDb,
  token: string | undefined,
): Promise<Session | null> {
  const hash = tokenHashOf(token)
  return hash === null ? null : sessionOfHash(db, hash)
}

/** How a token is looked up; null for none or one too long to be ours. */
export function tokenHashOf(token: string | undefined): string | null {
  if (!token || token.length > 200) return null
  return hashToken(token)
}

/** The session of the live token with this hash, or null. */
export async function sessionOfHash(db: SqlDb, hash: string): Promise<Session | null> {
  const row = await findTokenSession(db, hash)
  if (!row || row.revoked_at !== null) return null
  if (row.role === 'facilitator' && row.facilitator_id) {
    if (!row.seat_found || row.seat_revoked_at !== null || row.seat_event_id !== row.event_id) {
      return null
    }
    return {
      tokenHash: hash,
      eventId: row.event_id,
      role: 'facilitator',
      groupId: row.seat_group_id,
      participant: null,
      checkerId: null,
      facilitator: { id: row.seat_found, name: row.seat_name ?? '' },
    }
  }
  if (row.role !== 'participant' || !row.participant_id) {
    return {
      tokenHash: hash,
      eventId: row.event_id,
      role: row.role,
      groupId: row.group_id,
      participant: null,
      checkerId: row.role === 'checker' ? row.checker_id : null,
      facilitator: null,
    }
  }
  if (!row.participant_found || row.participant_revoked_at !== null) return null
  return {
    tokenHash: hash,
    eventId: row.event_id,
    role: 'participant',
    groupId: row.participant_group_id,
    participant: {
      id: row.participant_found,
      displayName: row.participant_display_name ?? '',
      organisation: row.participant_organisation,
    },
    checkerId: null,
    facilitator: null,
  }
}
