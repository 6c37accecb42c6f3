import type { FollowUpStatus } from '@hytepaja/shared/followUp/reports'
import { defineMessages, FormattedMessage, type MessageDescriptor } from 'react-intl'
import '../../styles/yearCycle.css'

/** Where an action stands, in words (area `followUp`: the link page and the summaries say it). */
export const STATUS_LABEL: Record<FollowUpStatus, MessageDescriptor> = defineMessages({
  notStarted: { id: 'followUp.status.notStarted' },
  inProgress: { id: 'followUp.status.inProgress' },
  done: { id: 'followUp.status.done' },
  dropped: { id: 'followUp.status.dropped' },
})

const NOT_REPORTED: MessageDescriptor = defineMessages({
  none: { id: 'followUp.status.none' },
}).none

/**
 * A status as a badge: words first (colour only repeats them), "Ei raportoitu" until someone
 * reports.
 */
export function StatusBadge({ status }: { status: FollowUpStatus | null }) {
  return (
    <span className={`status-badge status-badge--${status ?? 'none'}`}>
      <FormattedMessage {...(status ? STATUS_LABEL[status] : NOT_REPORTED)} />
    </span>
  )
}
