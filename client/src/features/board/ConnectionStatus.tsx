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

/**
 * The connection in words. Not a live region: "saving… saved" flips with every keystroke;
 * the board announces only going offline and coming back.
 */
export function ConnectionStatus({ summary }: { summary: ConnectionSummary }) {
  return (
    <p className={`sync-status sync-status--${summary}`} data-sync={summary}>
      <span className="sync-status__icon" aria-hidden="true" />
      <FormattedMessage {...statusText[summary]} />
    </p>
  )
}
