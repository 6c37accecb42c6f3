import { groupsRoot } from '@hytepaja/shared/doc/schema/event'
import type { Seat } from '@hytepaja/shared/domain/presence'
import { type Actor, facilitatorActorId } from '@hytepaja/shared/domain/roles'
import type * as Y from 'yjs'

/**
 * Who a socket's awareness says it is: a participant by their display name; a facilitator
 * with a seat of their own by that seat's name (their token's, so nobody claims another's);
 * a group's shared facilitator link by the names the organiser gave (read live from the
 * event document, as the board shows them); every other role link by its role.
 */
export function seatOf(actor: Actor, eventDoc: Y.Doc | null): Seat {
  if (actor.role === 'participant') return { id: actor.id, role: actor.role, name: actor.name }
  if (actor.role === 'facilitator' && actor.groupId) {
    if (actor.id !== facilitatorActorId(actor.groupId))
      return { id: actor.id, role: actor.role, name: actor.name || null }
    if (eventDoc) {
      // The one group, not the event's sorted list: this runs for each awareness message.
      const names = groupsRoot(eventDoc).get(actor.groupId)?.facilitators ?? []
      return { id: actor.id, role: actor.role, name: names.length > 0 ? names.join(', ') : null }
    }
  }
  return { id: actor.id, role: actor.role, name: null }
}
