import type { Session } from '../../api/endpoints'
import type { Credential } from '../../sync/credentials'

/**
 * Whether a link session is a group's shared facilitator link, whose holder must say who they
 * are first: several people may hold it, and each must show as themselves.
 */
export function asksWhoIsThere(credential: Credential, session: Session | null): boolean {
  // Offline (no session) nobody can be given a seat: the shared link opens the board as before.
  return credential.role === 'facilitator' && session !== null && !session.facilitator
}

/** The page the person is on its way to: the group's board or its proposal. */
export type SeatDestination = 'board' | 'proposal'
