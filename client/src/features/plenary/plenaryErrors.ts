import { defineMessages, type MessageDescriptor } from 'react-intl'
import { errorMessage } from '../../i18n/errorMessages'

/**
 * The plenary's refusals in words (catalog area `plenary`, so the board's download carries
 * none of them); any other code falls back to the app's common texts.
 */
const byCode = defineMessages({
  'minutes.locked': { id: 'plenary.error.locked' },
  'minutes.notLocked': { id: 'plenary.error.notLocked' },
  'minutes.notChecker': { id: 'plenary.error.notChecker' },
  'minutes.comment.empty': { id: 'plenary.error.commentEmpty' },
  'minutes.comments.tooMany': { id: 'plenary.error.commentsTooMany' },
  'minutes.reason.empty': { id: 'plenary.error.reasonEmpty' },
  'decision.staleVersion': { id: 'plenary.error.staleVersion' },
  'decision.noProposal': { id: 'plenary.error.noProposal' },
  'decision.notDecisionItem': { id: 'plenary.error.notDecisionItem' },
  'decision.amended.title.empty': { id: 'plenary.error.amendedTitle' },
  'decision.amended.body.empty': { id: 'plenary.error.amendedBody' },
  'agenda.notFound': { id: 'plenary.error.itemGone' },
  'attendance.notFound': { id: 'plenary.error.attendeeGone' },
  'attendance.tooMany': { id: 'plenary.error.attendanceTooMany' },
  'attendance.name.empty': { id: 'plenary.error.nameEmpty' },
  'attendance.arrivedAt.invalid': { id: 'plenary.error.arrivedAt' },
  'attendance.arrivedAt.absent': { id: 'plenary.error.arrivedAbsent' },
  'elections.attendee.unknown': { id: 'plenary.error.attendeeGone' },
  'elections.attendee.absent': { id: 'plenary.error.electedAbsent' },
  'elections.checkers.same': { id: 'plenary.error.checkersSame' },
  'elections.checkers.tooMany': { id: 'plenary.error.checkersTooMany' },
  'elections.voteCounters.tooMany': { id: 'plenary.error.countersTooMany' },
  forbidden: { id: 'plenary.error.forbidden' },
  empty: { id: 'plenary.error.empty' },
  tooLong: { id: 'plenary.error.tooLong' },
})

export function plenaryError(code: string): MessageDescriptor {
  const known = (byCode as Record<string, MessageDescriptor>)[code]
  if (known) return known
  // Each text field's rule names its failures the same way (`elections.chair.name.empty`).
  if (code.endsWith('.empty')) return byCode.empty
  if (code.endsWith('.tooLong')) return byCode.tooLong
  return errorMessage(code)
}
