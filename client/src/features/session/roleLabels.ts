import type { Role } from '@hytepaja/shared/domain/roles'
import { defineMessages, type MessageDescriptor } from 'react-intl'

const roleNames = defineMessages({
  organiser: { id: 'role.organiser' },
  chair: { id: 'role.chair' },
  viewer: { id: 'role.viewer' },
  join: { id: 'role.join' },
  facilitator: { id: 'role.facilitator' },
  participant: { id: 'role.participant' },
  checker: { id: 'role.checker' },
})

/** The role's name in the UI language ("Fasilitaattori", "Facilitator"). */
export function roleName(role: Role): MessageDescriptor {
  return roleNames[role]
}
