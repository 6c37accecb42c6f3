import type { ElectedPerson, MinutesCheck } from '@hytepaja/shared/doc/plenary'
import { FormattedMessage, FormattedTime } from 'react-intl'

/**
 * Where the checking stands: a draft (which version) or locked, each elected checker's
 * approval, the fingerprint of the final content, and every earlier locked version that the
 * organiser reopened, with the reason.
 */
export function MinutesStatus({
  check,
  checkers,
}: {
  check: MinutesCheck
  checkers: ElectedPerson[]
}) {
  const locked = check.state === 'locked'
  return (
    <div className="minutes-status stack">
      <p className="minutes-status__state">
        <span className={`status-badge status-badge--${check.state}`}>
          {locked ? (
            <FormattedMessage id="minutes.status.locked" />
          ) : (
            <FormattedMessage id="minutes.status.draft" />
          )}
        </span>{' '}
        <FormattedMessage id="minutes.status.version" values={{ version: check.version }} />
        {locked && check.lockedAt ? (
          <>
            {' '}
            <FormattedMessage
              id="minutes.status.lockedAt"
              values={{ time: <FormattedTime value={check.lockedAt} /> }}
            />
          </>
        ) : null}
      </p>
      {checkers.length === 0 ? (
        <p>
          <FormattedMessage id="minutes.status.noCheckers" />
        </p>
      ) : (
        <ul className="minutes-status__approvals">
          {checkers.map((checker) => {
            const approval = check.approvals.find((a) => a.checkerId === checker.id)
            return (
              <li key={checker.id}>
                <span aria-hidden="true" className="minutes-status__mark">
                  {approval ? '✓' : '○'}
                </span>{' '}
                {approval ? (
                  <FormattedMessage
                    id="minutes.status.approved"
                    values={{ name: checker.name, time: <FormattedTime value={approval.at} /> }}
                  />
                ) : (
                  <FormattedMessage
                    id="minutes.status.notApproved"
                    values={{ name: checker.name }}
                  />
                )}
              </li>
            )
          })}
        </ul>
      )}
      {locked && check.hash ? (
        <p className="minutes-status__hash">
          <FormattedMessage id="minutes.status.hash" /> <code>{check.hash}</code>
        </p>
      ) : null}
      {check.reopenings.length > 0 ? (
        <div className="stack">
          <h4>
            <FormattedMessage id="minutes.status.reopenings" />
          </h4>
          <ul className="minutes-status__reopenings">
            {check.reopenings.map((r) => (
              <li key={r.version}>
                <FormattedMessage
                  id="minutes.status.reopened"
                  values={{
                    version: r.version,
                    time: <FormattedTime value={r.at} />,
                    reason: r.reason,
                  }}
                />
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  )
}
