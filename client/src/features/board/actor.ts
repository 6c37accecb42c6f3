import { IDEA_COLORS, type IdeaColor } from '@hytepaja/shared/doc/schema/board'
import { type Actor, facilitatorActorId, type Role } from '@hytepaja/shared/domain/roles'
import type { Credential } from '../../sync/credentials'

export interface ActorNames {
  /** The group's facilitators by name, if the organiser entered them. */
  facilitators: string[]
  /** Translated fallbacks for the roles that have no personal name. */
  roleName(role: Role): string
}

/**
 * Who this device acts as on a board. Participants and facilitators with a seat of their own
 * are themselves; the shared role links (a group's facilitator link, organiser, read-only
 * links) act under the role's id, so every device using the same link is one person. On a board (`boardGroupId`)
 * it carries the seat's author key there, when the session has told it.
 */
export function boardActor(
  credential: Credential,
  names: ActorNames,
  boardGroupId?: string,
): Actor {
  const actor = seatActor(credential, names)
  const authorKey = boardGroupId ? credential.authorKeys?.[boardGroupId] : undefined
  return authorKey ? { ...actor, authorKey } : actor
}

function seatActor(credential: Credential, names: ActorNames): Actor {
  const { role, groupId, participant } = credential
  if (role === 'participant' && participant) {
    return {
      id: participant.id,
      name: participant.displayName,
      role,
      ...(groupId ? { groupId } : {}),
    }
  }
  if (role === 'facilitator' && groupId && credential.facilitator) {
    const { id, name } = credential.facilitator
    return { id: facilitatorActorId(groupId, id), name, role, groupId }
  }
  if (role === 'facilitator' && groupId) {
    const name =
      names.facilitators.length > 0 ? names.facilitators.join(', ') : names.roleName(role)
    return { id: facilitatorActorId(groupId), name, role, groupId }
  }
  return { id: role, name: names.roleName(role), role }
}

/** Each person's notes get one colour, so a wall of notes shows who is talking at a glance. */
export function noteColorFor(actorId: string): IdeaColor {
  let hash = 0
  for (const char of actorId) hash = (hash * 33 + (char.codePointAt(0) ?? 0)) >>> 0
  return IDEA_COLORS[hash % IDEA_COLORS.length] as IdeaColor
}
