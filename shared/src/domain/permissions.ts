import type { DocName } from '../doc/names.js'
import type { Role } from './roles.js'

/** A token's rights as far as documents are concerned. */
export interface Holder {
  eventId: string
  role: Role
  /** The participant's group, or the facilitator's group. */
  groupId: string | null
}

/** The state of a group that can take writing away from participants. */
export interface GroupRights {
  /** The facilitator locked the board. */
  boardLocked: boolean
  /** The facilitator marked the proposal ready (or it was promoted). */
  proposalFrozen: boolean
}

export type DocAccess = 'write' | 'read' | 'none'

/**
 * The access matrix for documents. `event:` is read-only for everyone (it changes through
 * server commands); a group's board and proposal are written by its participants, its
 * facilitator and the organiser, and read by every other token of the event.
 */
export function docAccess(holder: Holder, doc: DocName, rights: GroupRights): DocAccess {
  if (holder.eventId !== doc.eventId) return 'none'
  if (doc.kind === 'event') return 'read'
  if (holder.role === 'organiser') return 'write'
  const ownGroup = holder.groupId === doc.groupId
  if (holder.role === 'facilitator' && ownGroup) return 'write'
  if (holder.role === 'participant' && ownGroup) {
    const frozen = doc.kind === 'board' ? rights.boardLocked : rights.proposalFrozen
    return frozen ? 'read' : 'write'
  }
  return 'read'
}
