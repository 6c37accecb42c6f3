import { defineMessages, type MessageDescriptor } from 'react-intl'
import { errorMessage } from '../../i18n/errorMessages'

/** The follow-up link's refusals in words (area `followUp`); others as the app says them. */
const byCode = defineMessages({
  'token.invalid': { id: 'followUp.error.linkInvalid' },
  'action.notFound': { id: 'followUp.error.actionGone' },
  'followUp.rateLimited': { id: 'followUp.error.rateLimited' },
  'followUp.reports.tooMany': { id: 'followUp.error.tooMany' },
  'followUp.status.invalid': { id: 'followUp.error.status' },
  'followUp.report.tooLong': { id: 'followUp.error.reportTooLong' },
  'followUp.measuredValue.tooLong': { id: 'followUp.error.valueTooLong' },
  'followUp.measuredOn.future': { id: 'followUp.error.future' },
  'followUp.measuredOn.invalid': { id: 'followUp.error.day' },
  'followUp.measuredOn.withoutValue': { id: 'followUp.error.dayWithoutValue' },
  'followUp.reporterName.empty': { id: 'followUp.error.nameEmpty' },
  'followUp.reporterName.tooLong': { id: 'followUp.error.nameTooLong' },
})

export function followUpError(code: string): MessageDescriptor {
  return (byCode as Record<string, MessageDescriptor>)[code] ?? errorMessage(code)
}
