import { defineMessages, type MessageDescriptor } from 'react-intl'
import { messageStore } from './catalogs'

/**
 * Stable error codes from the server (`{error: {code}}`) and from shared/ (`DomainError.code`),
 * each with a plain-language text. Unknown codes fall back to a general message.
 */
const byCode = defineMessages({
  'network.unavailable': { id: 'error.network.unavailable' },
  'followUpItem.nothing': { id: 'error.followUpItem.nothing' },
  'series.name.empty': { id: 'error.series.name.empty' },
  'series.name.tooLong': { id: 'error.series.name.tooLong' },
  'series.name.control': { id: 'error.text.control' },
  'series.cadence.invalid': { id: 'error.series.cadence.invalid' },
  'series.themes.invalid': { id: 'error.series.list.invalid' },
  'series.municipalities.invalid': { id: 'error.series.list.invalid' },
  'series.members.invalid': { id: 'error.series.list.invalid' },
  'series.tooMany': { id: 'error.series.tooMany' },
  'series.meetings.tooMany': { id: 'error.series.meetings.tooMany' },
  'series.meeting.notFound': { id: 'error.series.meeting.notFound' },
  'token.invalid': { id: 'error.token.invalid' },
  forbidden: { id: 'error.forbidden' },
  notFound: { id: 'error.notFound' },
  'join.unknownCode': { id: 'error.join.unknownCode' },
  'join.rateLimited': { id: 'error.join.rateLimited' },
  'participants.rateLimited': { id: 'error.participants.rateLimited' },
  'auth.rateLimited': { id: 'error.auth.rateLimited' },
  'request.tooLarge': { id: 'error.request.tooLarge' },
  'board.full': { id: 'error.board.full' },
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
  'facilitator.name.empty': { id: 'error.participant.displayName.empty' },
  'facilitator.name.type': { id: 'error.participant.displayName.empty' },
  'facilitator.name.tooLong': { id: 'error.facilitator.name.tooLong' },
  'facilitator.name.control': { id: 'error.text.control' },
  'facilitator.unknown': { id: 'error.facilitator.unknown' },
  'facilitator.named': { id: 'error.facilitator.named' },
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
  // The Finnish and Swedish versions of a text (bilingual counties) break the text's own rules.
  'event.titleFi.tooLong': { id: 'error.event.title.tooLong' },
  'event.titleSv.tooLong': { id: 'error.event.title.tooLong' },
  'group.nameFi.tooLong': { id: 'error.group.name.tooLong' },
  'group.nameSv.tooLong': { id: 'error.group.name.tooLong' },
  'group.descriptionFi.tooLong': { id: 'error.group.description.tooLong' },
  'group.descriptionSv.tooLong': { id: 'error.group.description.tooLong' },
  'agenda.titleFi.tooLong': { id: 'error.agenda.title.tooLong' },
  'agenda.titleSv.tooLong': { id: 'error.agenda.title.tooLong' },
  'version.sameLanguage': { id: 'error.version.sameLanguage' },
  'agenda.notFound': { id: 'error.agenda.notFound' },
  'idea.tags.invalid': { id: 'error.idea.tags.invalid' },
  'idea.tag.tooLong': { id: 'error.idea.tag.tooLong' },
  'idea.tag.control': { id: 'error.text.control' },
  'idea.tag.empty': { id: 'error.idea.tags.invalid' },
  'idea.ageGroups.invalid': { id: 'error.request.invalid' },
  'idea.color.invalid': { id: 'error.request.invalid' },
  'cluster.notFound': { id: 'error.cluster.notFound' },
  'cluster.forbidden': { id: 'error.cluster.forbidden' },
  'cluster.name.empty': { id: 'error.cluster.name.empty' },
  'cluster.name.tooLong': { id: 'error.cluster.name.tooLong' },
  'cluster.name.control': { id: 'error.text.control' },
  'vote.budgetSpent': { id: 'error.vote.budgetSpent' },
  'vote.onePerIdea': { id: 'error.vote.onePerIdea' },
  'vote.closed': { id: 'error.vote.closed' },
  'vote.locked': { id: 'error.vote.locked' },
  'vote.revealed': { id: 'error.vote.revealed' },
  'vote.noIdea': { id: 'error.vote.noIdea' },
  'vote.none': { id: 'error.vote.none' },
  'vote.budget.invalid': { id: 'error.vote.budget.invalid' },
  'vote.rules.invalid': { id: 'error.request.invalid' },
  'phase.invalid': { id: 'error.request.invalid' },
  'spotlight.invalid': { id: 'error.request.invalid' },
  'timer.invalid': { id: 'error.timer.invalid' },
  'timer.notRunning': { id: 'error.timer.changed' },
  'timer.notPaused': { id: 'error.timer.changed' },
  'preAssignment.closed': { id: 'error.preAssignment.closed' },
  'preAssignment.none': { id: 'error.preAssignment.none' },
  'preAssignment.answer.empty': { id: 'error.preAssignment.answer.empty' },
  'preAssignment.answer.tooLong': { id: 'error.preAssignment.answer.tooLong' },
  'preAssignment.answer.control': { id: 'error.text.control' },
  'announcement.text.empty': { id: 'error.announcement.text.empty' },
  'announcement.text.tooLong': { id: 'error.announcement.text.tooLong' },
  'announcement.text.control': { id: 'error.text.control' },
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
  'proposal.title.control': { id: 'error.text.control' },
  'action.timeline.control': { id: 'error.text.control' },
  'action.indicator.control': { id: 'error.text.control' },
  'action.target.control': { id: 'error.text.control' },
  'action.responsible.control': { id: 'error.text.control' },
  internal: { id: 'error.internal' },
})

// In `core`, with `error.network.unavailable`: shown while the `errors` area is on its way.
const fallback = defineMessages({ unexpected: { id: 'error.unexpected' } })

/**
 * Fetches the error texts of the shown language (the `errors` area): they are not in the first
 * download, and the app asks for them as soon as it has drawn its first page, before a phone on
 * venue wifi has a chance to lose the network. A failure is retried by the next error shown.
 */
export function loadErrorTexts(): void {
  messageStore.include(['errors']).catch(() => undefined)
}

function messageOf(code: string): MessageDescriptor {
  const known = (byCode as Record<string, MessageDescriptor>)[code]
  if (known) return known
  // Every text field's rule names control characters the same way (`event.title.control`).
  if (code.endsWith('.control')) return byCode['idea.text.control']
  if (code.endsWith('.sameLanguage')) return byCode['version.sameLanguage']
  return fallback.unexpected
}

/**
 * The text of an error code. Until the `errors` area has arrived it is the general one (the
 * page shows the specific text once it is here, as the catalog's arrival renders it again).
 */
export function errorMessage(code: string): MessageDescriptor {
  const message = messageOf(code)
  const shown = messageStore.current()?.messages
  if (!shown || (message.id as string) in shown) return message
  loadErrorTexts()
  return fallback.unexpected
}
