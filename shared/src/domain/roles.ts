/**
 * The roles of the contract; a token carries exactly one. `checker` is an elected
 * minute-checker's (pöytäkirjantarkastaja) personal link.
 */
export const ROLES = [
  'organiser',
  'chair',
  'viewer',
  'join',
  'facilitator',
  'participant',
  'checker',
] as const
export type Role = (typeof ROLES)[number]

/** Who performs a change: enough to check a rule and to credit the change, never a token. */
export interface Actor {
  /** Participant id, or the role name for shared roles ("organiser", "facilitator:{groupId}"). */
  id: string
  name: string
  role: Role
  /** The group a participant sits in or a facilitator runs. */
  groupId?: string
  /**
   * This seat's author key on the board being written (the server derives it; the client
   * learns its own from its session). Own notes are recognised by it, never by the id.
   */
  authorKey?: string
}

/**
 * A facilitator's actor id: `facilitator:{groupId}` for the group's shared link (as before
 * facilitators had seats), `facilitator:{groupId}:{seatId}` for one facilitator's own seat, so
 * two facilitators of one group are two people on the board, in presence and in the audit.
 */
export function facilitatorActorId(groupId: string, seatId?: string | null): string {
  return seatId ? `facilitator:${groupId}:${seatId}` : `facilitator:${groupId}`
}
