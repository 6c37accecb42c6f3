import { defineMessages, type MessageDescriptor } from 'react-intl'

/**
 * Stable error codes from the server (`{error: {code}}`) and from shared/ (`DomainError.code`),
 * each with a plain-language text. Unknown codes fall back to a general message.
 */
const byCode = defineMessages({
  'network.unavailable': { id: 'error.network.unavailable' },
  'token.invalid': { id: 'error.token.invalid' },
  forbidden: { id: 'error.forbidden' },
  notFound: { id: 'error.notFound' },
  'join.unknownCode': { id: 'error.join.unknownCode' },
  'join.rateLimited': { id: 'error.join.rateLimited' },
  'group.unknown': { id: 'error.group.unknown' },
  'request.invalid': { id: 'error.request.invalid' },
  'idea.text.empty': { id: 'error.idea.text.empty' },
  'idea.text.tooLong': { id: 'error.idea.text.tooLong' },
  'idea.text.control': { id: 'error.text.control' },
  'idea.text.type': { id: 'error.idea.text.empty' },
  'idea.notFound': { id: 'error.idea.notFound' },
  'idea.forbidden': { id: 'error.idea.forbidden' },
  'participant.displayName.empty': { id: 'error.participant.displayName.empty' },
  'participant.displayName.tooLong': { id: 'error.participant.displayName.tooLong' },
  'participant.displayName.control': { id: 'error.text.control' },
  'participant.organisation.tooLong': { id: 'error.participant.organisation.tooLong' },
  'participant.organisation.control': { id: 'error.text.control' },
  'participant.group.missing': { id: 'error.participant.group.missing' },
  'group.workshopStarted': { id: 'error.group.workshopStarted' },
  'group.hasParticipants': { id: 'error.group.hasParticipants' },
  'group.notFound': { id: 'error.group.unknown' },
  'group.tooMany': { id: 'error.group.tooMany' },
  'group.name.empty': { id: 'error.group.name.empty' },
  'group.name.tooLong': { id: 'error.group.name.tooLong' },
  'group.description.tooLong': { id: 'error.group.description.tooLong' },
  'group.facilitators.invalid': { id: 'error.group.facilitators.invalid' },
  'group.facilitator.tooLong': { id: 'error.group.facilitators.invalid' },
  'event.title.empty': { id: 'error.event.title.empty' },
  'event.title.tooLong': { id: 'error.event.title.tooLong' },
  'event.municipalities.invalid': { id: 'error.event.municipalities.invalid' },
  'event.municipality.tooLong': { id: 'error.event.municipalities.invalid' },
  'event.date.missing': { id: 'error.event.date.missing' },
  'event.startsAt.invalid': { id: 'error.event.startsAt.invalid' },
  'event.endsAt.invalid': { id: 'error.event.startsAt.invalid' },
  'event.time.invalid': { id: 'error.event.time.invalid' },
  'event.endsAt.beforeStart': { id: 'error.event.endsAt.beforeStart' },
  'event.remoteUrl.invalid': { id: 'error.event.remoteUrl.invalid' },
  'event.place.tooLong': { id: 'error.event.place.tooLong' },
  'event.preAssignment.tooLong': { id: 'error.event.preAssignment.tooLong' },
  'agenda.title.empty': { id: 'error.agenda.title.empty' },
  'agenda.title.tooLong': { id: 'error.agenda.title.tooLong' },
  'agenda.startTime.invalid': { id: 'error.event.time.invalid' },
  'agenda.presenter.tooLong': { id: 'error.agenda.presenter.tooLong' },
  'agenda.notFound': { id: 'error.agenda.notFound' },
  'json.invalid': { id: 'error.request.invalid' },
  'proposal.tooManyActions': { id: 'error.proposal.tooManyActions' },
  'proposal.ready': { id: 'error.proposal.ready' },
  'proposal.noActions': { id: 'error.proposal.noActions' },
  'proposal.noTitle': { id: 'error.proposal.noTitle' },
  'proposal.tooLong': { id: 'error.proposal.tooLong' },
  'proposal.title.tooLong': { id: 'error.proposal.title.tooLong' },
  'promotion.deciding': { id: 'error.promotion.deciding' },
  'promotion.none': { id: 'error.promotion.none' },
  'agenda.noItem': { id: 'error.agenda.noItem' },
  'action.timeline.tooLong': { id: 'error.action.field.tooLong' },
  'action.indicator.tooLong': { id: 'error.action.field.tooLong' },
  'action.target.tooLong': { id: 'error.action.field.tooLong' },
  'action.responsible.empty': { id: 'error.action.responsible.empty' },
  'action.responsible.tooMany': { id: 'error.action.responsible.tooMany' },
  'action.responsible.tooLong': { id: 'error.action.responsible.tooLong' },
  'action.notFound': { id: 'error.action.notFound' },
  internal: { id: 'error.internal' },
})

const fallback = defineMessages({ unexpected: { id: 'error.unexpected' } })

export function errorMessage(code: string): MessageDescriptor {
  const known = (byCode as Record<string, MessageDescriptor>)[code]
  if (known) return known
  // Every text field's rule names control characters the same way (`event.title.control`).
  if (code.endsWith('.control')) return byCode['idea.text.control']
  return fallback.unexpected
}
