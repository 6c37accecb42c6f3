import { DomainError } from '../domain/errors.js'
import { isIsoDateTime } from '../domain/event.js'
import { cleanText } from '../validation/text.js'

/**
 * The follow-up (seuranta) of an agreed action: each responsible organisation reports where
 * its part stands, what was done, and the indicator's measured value with the day it was
 * measured. Every report is kept; the latest of each organisation stands.
 */

/** ei aloitettu · käynnissä · toteutunut · luovuttu */
export const FOLLOW_UP_STATUSES = ['notStarted', 'inProgress', 'done', 'dropped'] as const
export type FollowUpStatus = (typeof FOLLOW_UP_STATUSES)[number]

export const MAX_REPORT = 2000
export const MAX_MEASURED_VALUE = 200
export const MAX_REPORTER_NAME = 80
/** Reports kept per action and organisation: a year of weekly reports, with room to spare. */
export const MAX_REPORTS_PER_PARTY = 200

export interface ReportInput {
  status: unknown
  report?: unknown
  measuredValue?: unknown
  measuredOn?: unknown
  reporterName: unknown
}

export interface CleanReport {
  status: FollowUpStatus
  /** A short report of what was done; may be empty when only the status changes. */
  report: string
  measuredValue: string | null
  /** "YYYY-MM-DD", the day the value was measured; set whenever a value is. */
  measuredOn: string | null
  reporterName: string
}

const DAY = /^\d{4}-\d{2}-\d{2}$/

/** A report as stored. `today` ("YYYY-MM-DD") is the latest day a value may be measured on. */
export function cleanReport(input: ReportInput, today: string): CleanReport {
  if (!(FOLLOW_UP_STATUSES as readonly unknown[]).includes(input.status))
    throw new DomainError('followUp.status.invalid', 'unknown status')
  const report =
    input.report == null
      ? ''
      : cleanText(input.report, 'followUp.report', MAX_REPORT, { allowEmpty: true })
  const measuredValue =
    input.measuredValue == null
      ? null
      : cleanText(input.measuredValue, 'followUp.measuredValue', MAX_MEASURED_VALUE, {
          allowEmpty: true,
        }) || null
  let measuredOn: string | null = null
  if (input.measuredOn != null && input.measuredOn !== '') {
    if (
      typeof input.measuredOn !== 'string' ||
      !DAY.test(input.measuredOn) ||
      !isIsoDateTime(input.measuredOn)
    )
      throw new DomainError('followUp.measuredOn.invalid', 'the day must be YYYY-MM-DD')
    if (input.measuredOn > today)
      throw new DomainError(
        'followUp.measuredOn.future',
        'a value cannot be measured in the future',
      )
    if (measuredValue === null)
      throw new DomainError('followUp.measuredOn.withoutValue', 'a day belongs to a measured value')
    measuredOn = input.measuredOn
  }
  if (measuredValue !== null && measuredOn === null) measuredOn = today
  return {
    status: input.status as FollowUpStatus,
    report,
    measuredValue,
    measuredOn,
    reporterName: cleanText(input.reporterName, 'followUp.reporterName', MAX_REPORTER_NAME),
  }
}

/**
 * Where an action stands, from its responsible organisations' latest statuses (null: that
 * organisation has not reported): null until someone reports; done when every organisation
 * reported done (or dropped its part, not all of them); dropped when every one dropped it;
 * in progress once any has started or finished; else not started.
 */
export function overallStatus(latest: Array<FollowUpStatus | null>): FollowUpStatus | null {
  const known = latest.filter((s): s is FollowUpStatus => s !== null)
  if (known.length === 0) return null
  const everyone = known.length === latest.length
  if (everyone && known.every((s) => s === 'dropped')) return 'dropped'
  if (everyone && known.every((s) => s === 'done' || s === 'dropped')) return 'done'
  if (known.some((s) => s === 'inProgress' || s === 'done')) return 'inProgress'
  return 'notStarted'
}

/** Still to be done: not reported, not started or in progress. */
export function isOpen(status: FollowUpStatus | null): boolean {
  return status !== 'done' && status !== 'dropped'
}
