import { useEffect, useState } from 'react'
import { FormattedMessage } from 'react-intl'
import { Link } from 'wouter'
import { fetchRetentionSummary } from '../../api/settings'

/**
 * Above the join form, before anyone types a name: where the privacy notice is, and how long
 * names stay. The months come from the event's retention (the join link may read it); if they
 * do not arrive, the link to the notice is still there.
 */
export function JoinPrivacy({ eventId, token }: { eventId: string; token: string }) {
  const [months, setMonths] = useState<number | null>(null)

  useEffect(() => {
    const abort = new AbortController()
    fetchRetentionSummary(eventId, token, abort.signal).then(
      (summary) => setMonths(summary.effective.afterLockMonths),
      () => undefined,
    )
    return () => abort.abort()
  }, [eventId, token])

  return (
    <div className="join-privacy">
      <p>
        <FormattedMessage
          id="join.privacyNotice"
          values={{
            link: (text) => <Link href={`/e/${eventId}/privacy`}>{text}</Link>,
          }}
        />
      </p>
      {months !== null ? (
        <p>
          <FormattedMessage id="join.retention" values={{ months }} />
        </p>
      ) : null}
    </div>
  )
}
