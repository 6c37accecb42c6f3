import { defineMessages, FormattedMessage } from 'react-intl'
import type { ConnectionSummary } from '../../sync/connectionState'

const statusText = defineMessages({
  connecting: { id: 'sync.connecting' },
  saved: { id: 'sync.saved' },
  saving: { id: 'sync.saving' },
  live: { id: 'sync.live' },
  offline: { id: 'sync.offline' },
  revoked: { id: 'sync.revoked' },
  forbidden: { id: 'sync.forbidden' },
  gone: { id: 'sync.gone' },
  broken: { id: 'sync.broken' },
})

/** The proposal's documents' connection in words (not a live region: it flips per keystroke). */
export function StatusLine({ summary }: { summary: ConnectionSummary }) {
  return (
    <p className={`proposal-status proposal-status--${summary}`} data-sync={summary}>
      <span className="proposal-status__icon" aria-hidden="true" />
      <FormattedMessage {...statusText[summary]} />
    </p>
  )
}
