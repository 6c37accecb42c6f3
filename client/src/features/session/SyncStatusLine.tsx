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

/** The slim header has room for a few words; the long sentence is said when it happens. */
const { offlineShort } = defineMessages({ offlineShort: { id: 'sync.offlineShort' } })

/**
 * The connection in words, with a shape that repeats them. Not a live region: "saving… saved"
 * flips with every keystroke; pages announce only going offline and coming back.
 * `boxed` in a page's flow, `inline` in the proposal's smaller toolbar, `dot` in the board's
 * sticky header: on a phone only the shape shows while all is well (the words are there for
 * screen readers), and the words come back when something is wrong.
 */
export function SyncStatusLine({
  summary,
  look = 'boxed',
}: {
  summary: ConnectionSummary
  look?: 'boxed' | 'inline' | 'dot'
}) {
  return (
    <p className={`sync-status sync-status--${look} sync-status--${summary}`} data-sync={summary}>
      <span className="sync-status__icon" aria-hidden="true" />
      <span className="sync-status__words">
        <FormattedMessage
          {...(look === 'dot' && summary === 'offline' ? offlineShort : statusText[summary])}
        />
      </span>
    </p>
  )
}
