import type { GroupState } from '@hytepaja/shared/doc/schema/event'
import { docAccess } from '@hytepaja/shared/domain/permissions'
import type { Role } from '@hytepaja/shared/domain/roles'

/** Why a board is read-only for this person, so the page can say it in words. */
export type ReadOnlyReason = 'viewOnly' | 'otherGroup' | 'locked'

export interface BoardAccess {
  canWrite: boolean
  reason: ReadOnlyReason | null
}

/** The shared access matrix applied to this board and its group's live state. */
export function boardAccess(
  holder: { eventId: string; role: Role; groupId: string | null },
  board: { eventId: string; groupId: string },
  state: Pick<GroupState, 'locked'>,
): BoardAccess {
  const access = docAccess(
    holder,
    { kind: 'board', ...board },
    { boardLocked: state.locked, proposalFrozen: false },
  )
  if (access === 'write') return { canWrite: true, reason: null }
  const groupRole = holder.role === 'participant' || holder.role === 'facilitator'
  if (groupRole && holder.groupId !== board.groupId)
    return { canWrite: false, reason: 'otherGroup' }
  if (groupRole && state.locked) return { canWrite: false, reason: 'locked' }
  return { canWrite: false, reason: 'viewOnly' }
}
