import { FormattedMessage, useIntl } from 'react-intl'
import { Link } from 'wouter'
import { type ConnectionSummary, isTerminal } from '../../sync/connectionState'
import type { Credential } from '../../sync/credentials'
import { Notice } from '../../ui/Notice'
import type { ReadOnlyReason } from './access'

const readOnlyText = {
  viewOnly: { id: 'board.readOnly.viewOnly' },
  otherGroup: { id: 'board.readOnly.otherGroup' },
  locked: { id: 'board.readOnly.locked' },
} as const

const terminalTitle = {
  revoked: { id: 'sync.revoked' },
  forbidden: { id: 'sync.forbidden' },
  gone: { id: 'sync.gone' },
  broken: { id: 'sync.broken' },
} as const

/** Why this person cannot write here, in words, and what to do about it. */
export function BoardNotices({
  eventId,
  credential,
  reason,
  summary,
}: {
  eventId: string
  credential: Credential
  reason: ReadOnlyReason | null
  summary: ConnectionSummary
}) {
  const intl = useIntl()
  if (isTerminal(summary)) {
    const title = terminalTitle[summary as keyof typeof terminalTitle]
    return (
      <Notice tone="error" announce title={intl.formatMessage(title)}>
        <p>
          {summary === 'broken' ? (
            <FormattedMessage id="sync.brokenHelp" />
          ) : (
            <FormattedMessage id="sync.terminalHelp" />
          )}
        </p>
        <Link href="/" className="standalone-link">
          <FormattedMessage id="sync.terminalHome" />
        </Link>
      </Notice>
    )
  }
  if (!reason) return null
  const ownBoard =
    reason === 'otherGroup' && credential.groupId ? `/e/${eventId}/g/${credential.groupId}` : null
  return (
    <Notice
      tone={reason === 'locked' ? 'warning' : 'info'}
      title={intl.formatMessage({ id: 'board.readOnly.title' })}
    >
      <p>
        <FormattedMessage {...readOnlyText[reason]} />
      </p>
      {ownBoard ? (
        <Link href={ownBoard} className="standalone-link">
          <FormattedMessage id="board.readOnly.ownBoard" />
        </Link>
      ) : null}
    </Notice>
  )
}
