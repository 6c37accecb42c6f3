import type { ActionView } from '@hytepaja/shared/followUp/actionViews'
import { FormattedMessage, useIntl } from 'react-intl'
import { STATUS_LABEL, statusKey } from '../followUpItem/statusLabels'

/** The series' agreed actions that are not done or dropped, with where each party stands. */
export function OpenActions({ actions }: { actions: ActionView[] }) {
  const intl = useIntl()
  return (
    <section className="stack" aria-labelledby="series-actions-heading">
      <h2 id="series-actions-heading">
        <FormattedMessage id="series.actions.heading" values={{ count: actions.length }} />
      </h2>
      {actions.length === 0 ? (
        <p>
          <FormattedMessage id="series.actions.none" />
        </p>
      ) : (
        <ul className="follow-up-list">
          {actions.map((action) => (
            <li key={action.id} className="follow-up-action">
              <div className="follow-up-action__head">
                <h3 className="follow-up-action__what">{action.what}</h3>
                <span className={`status-chip status-chip--${statusKey(action.status)}`}>
                  <FormattedMessage {...STATUS_LABEL[statusKey(action.status)]} />
                </span>
              </div>
              <p className="follow-up-action__source">
                {[action.event.title, action.label, action.theme].filter(Boolean).join(' · ')}
              </p>
              {action.responsible.length ? (
                <p className="follow-up-action__facts">
                  <FormattedMessage
                    id="series.actions.responsible"
                    values={{
                      parties: intl.formatList(
                        action.responsible.map(
                          (p) =>
                            `${p.name} (${intl.formatMessage(STATUS_LABEL[statusKey(p.status)])})`,
                        ),
                      ),
                    }}
                  />
                </p>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
