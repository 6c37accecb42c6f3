import { FormattedMessage, useIntl } from 'react-intl'
import type { RetentionSummary } from '../../api/settings'
import { Notice } from '../../ui/Notice'
import { formatDay } from './dates'

/** The privacy notice opened from an event's pages: when this event's personal data goes. */
export function EventRetention({ summary }: { summary: RetentionSummary | null }) {
  const intl = useIntl()
  const months = (count: number) => intl.formatMessage({ id: 'legal.months' }, { months: count })
  const title = intl.formatMessage({ id: 'privacy.event.heading' })

  if (!summary) {
    return (
      <Notice tone="warning" title={title}>
        <FormattedMessage id="privacy.event.unknown" />
      </Notice>
    )
  }
  if (summary.erasedAt !== null) {
    return (
      <Notice tone="info" title={title}>
        <FormattedMessage
          id="privacy.event.erased"
          values={{ date: formatDay(intl, summary.erasedAt) }}
        />
      </Notice>
    )
  }
  return (
    <Notice tone="info" title={title}>
      <p>
        <FormattedMessage
          id="privacy.event.due"
          values={{
            date: formatDay(intl, summary.dueAt),
            rule: summary.rule,
            months: months(summary.months),
          }}
        />
      </p>
      {summary.rule === 'afterEnd' ? (
        <p>
          <FormattedMessage
            id="privacy.event.ifLocked"
            values={{ months: months(summary.effective.afterLockMonths) }}
          />
        </p>
      ) : null}
    </Notice>
  )
}
