import type { AgendaKind } from '@hytepaja/shared/doc/schema/event'
import { defineMessages, type MessageDescriptor } from 'react-intl'

const kindNames = defineMessages({
  procedural: { id: 'agenda.kind.procedural' },
  talk: { id: 'agenda.kind.talk' },
  workshop: { id: 'agenda.kind.workshop' },
  decision: { id: 'agenda.kind.decision' },
  closing: { id: 'agenda.kind.closing' },
})

/** The kind of an agenda item in words ("Päätösasia"), never as colour alone. */
export function agendaKindName(kind: AgendaKind): MessageDescriptor {
  return kindNames[kind]
}
