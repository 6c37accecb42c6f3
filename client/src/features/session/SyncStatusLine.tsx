import { defineMessages, FormattedMessage } from 'react-intl'
import type { ConnectionSummary } from '../../sync/connectionState'
import '../../styles/sync-status.css'

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
 * The connection in words, with a shape that repeats them. Not a live region: "saving… saved"
 * flips with every keystroke; pages announce only going offline and coming back.
 * `boxed` on the board's header, `inline` in the proposal's smaller toolbar.
 */
export function SyncStatusLine({
  summary,
  look = 'boxed',
}: {
  summary: ConnectionSummary
  look?: 'boxed' | 'inline'
}) {
  return (
    <p className={`sync-status sync-status--${look} sync-status--${summary}`} data-sync={summary}>
      <span className="sync-status__icon" aria-hidden="true" />
      <FormattedMessage {...statusText[summary]} />
    </p>
  )
}
