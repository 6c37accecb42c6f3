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
 * facilitator and the organiser, and read by every other token of the event. A board's
 * withheld notes (hidden or deleted) are read by its facilitator and the organiser only, and
 * written by the server only.
 */
export function docAccess(holder: Holder, doc: DocName, rights: GroupRights): DocAccess {
  if (holder.eventId !== doc.eventId) return 'none'
  if (doc.kind === 'event') return 'read'
  if (doc.kind === 'withheld') {
    const runsIt =
      holder.role === 'organiser' ||
      (holder.role === 'facilitator' && holder.groupId === doc.groupId)
    return runsIt ? 'read' : 'none'
  }
  if (holder.role === 'organiser') return 'write'
  const ownGroup = holder.groupId === doc.groupId
  if (holder.role === 'facilitator' && ownGroup) return 'write'
  if (holder.role === 'participant' && ownGroup) {
    const frozen = doc.kind === 'board' ? rights.boardLocked : rights.proposalFrozen
    return frozen ? 'read' : 'write'
  }
  return 'read'
}

/**
 * Server commands and who may run them. The console key (ADMIN_TOKEN) acts as the organiser
 * of every event; the organiser token only for its own event.
 */
export const COMMANDS = {
  /** Edit title, time, place, links, language, groups, agenda; see links; rotate; revoke. */
  'event.manage': ['organiser'],
  /** Export or delete the event with all its data. */
  'event.lifecycle': ['organiser'],
  /** The overview of every group (people online, ideas, votes, phase) and messages to all. */
  'event.overview': ['organiser', 'facilitator'],
  /** Phase, lock, timer, anonymous mode, spotlight, voting rules, restoring notes. */
  'board.facilitate': ['organiser', 'facilitator'],
  /** Cast and take back dots. */
  'board.vote': ['participant'],
  /** Add or remove the group's action proposals (server commands; the text is co-edited). */
  'proposal.write': ['organiser', 'facilitator', 'participant'],
  /** Mark ready, reopen, promote and withdraw the group's decision proposal. */
  'proposal.facilitate': ['organiser', 'facilitator'],
  /** Move to another group while the workshop has not started. */
  'participant.changeGroup': ['participant'],
  /** Answer the pre-assignment before the day. */
  'preAssignment.answer': ['participant'],
  /**
   * Run the plenary: current item, attendance, the agenda's approval, elections, decisions,
   * the minutes' settings, the checkers' links and comments. The chair link is used by the
   * chair and the secretary.
   */
  'plenary.chair': ['organiser', 'chair'],
  /** The join code and link a presenter view shows for late joiners. */
  'plenary.present': ['organiser', 'chair', 'viewer'],
  /** Read the decision minutes (draft or final) and a decision's history. */
  'minutes.read': ['organiser', 'chair', 'viewer', 'checker'],
  /** A minute-checker comments on the draft and approves it. */
  'minutes.check': ['checker'],
  /** Read the checkers' comments: the secretary (chair link) and the checkers. */
  'minutes.comments': ['organiser', 'chair', 'checker'],
  /** Reopen locked minutes, with a reason. */
  'minutes.reopen': ['organiser'],
  /**
   * Names from the county's register of organisations, while typing one's organisation (the
   * join form) or a responsible party (proposals, an amended decision). Not the viewer link.
   */
  'organisations.suggest': ['organiser', 'chair', 'join', 'facilitator', 'participant'],
  /** See and set when the event's personal data is erased (README, "Retention"). */
  'retention.manage': ['organiser'],
  /** When the event's personal data is erased, for the privacy notice: every link of the event. */
  'retention.read': [
    'organiser',
    'chair',
    'viewer',
    'join',
    'facilitator',
    'participant',
    'checker',
  ],
} as const satisfies Record<string, readonly Role[]>

export type Command = keyof typeof COMMANDS

const GROUP_SCOPED: readonly Command[] = [
  'board.facilitate',
  'board.vote',
  'proposal.facilitate',
  'proposal.write',
]

/** Whether `holder` may run `command`, on `groupId` for group-scoped commands. */
export function mayRun(holder: Holder, command: Command, groupId?: string): boolean {
  const roles: readonly Role[] = COMMANDS[command]
  if (!roles.includes(holder.role)) return false
  // A facilitator and a participant act on their own group only; shared roles on every group.
  if (
    (holder.role === 'facilitator' || holder.role === 'participant') &&
    GROUP_SCOPED.includes(command)
  ) {
    return groupId !== undefined && holder.groupId === groupId
  }
  return true
}
