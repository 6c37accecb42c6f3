import type { Presence } from '@hytepaja/shared/domain/attendance'
import { defineMessages, type MessageDescriptor } from 'react-intl'

export const presenceLabel = defineMessages({
  room: { id: 'plenary.presence.room' },
  remote: { id: 'plenary.presence.remote' },
  absent: { id: 'plenary.presence.absent' },
}) satisfies Record<Presence, { id: string }>

/** Who recorded a change, as the document names the role. */
export const recorderLabel = defineMessages({
  chair: { id: 'plenary.by.chair' },
  organiser: { id: 'plenary.by.organiser' },
  admin: { id: 'plenary.by.organiser' },
})

export function recorderOf(by: string): MessageDescriptor {
  return (recorderLabel as Record<string, MessageDescriptor>)[by] ?? recorderLabel.chair
}
