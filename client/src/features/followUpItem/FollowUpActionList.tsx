import type { FollowUpItemAction } from '@hytepaja/shared/followUp/followUpItem'
import { FormattedMessage, useIntl } from 'react-intl'
import { STATUS_LABEL, statusKey } from './statusLabels'

/**
 * The earlier meetings' actions as the follow-up item lists them: what was agreed (the amended
 * version where amended), who is responsible and where each stands. Read-only everywhere: the
 * organisations report through their own follow-up links.
 */
export function FollowUpActionList({
  actions,
  lang,
  headingLevel = 3,
  size = 'compact',
}: {
  actions: FollowUpItemAction[]
  /** The language the actions were written in (the event's). */
  lang: string
  headingLevel?: 3 | 4
  size?: 'compact' | 'present'
}) {
  const intl = useIntl()
  const Heading = headingLevel === 3 ? 'h3' : 'h4'
  return (
    <ul className={`follow-up-list follow-up-list--${size}`}>
      {actions.map((action) => {
        const day = new Date(action.event.startsAt)
        const held = Number.isNaN(day.getTime())
          ? ''
          : intl.formatDate(day, {
              day: 'numeric',
              month: 'numeric',
              year: 'numeric',
              timeZone: 'Europe/Helsinki',
            })
        return (
          <li key={action.id} className="follow-up-action">
            <div className="follow-up-action__head">
              <Heading className="follow-up-action__what" lang={lang}>
                {action.what}
              </Heading>
              <span className={`status-chip status-chip--${statusKey(action.status)}`}>
                <FormattedMessage {...STATUS_LABEL[statusKey(action.status)]} />
              </span>
            </div>
            <p className="follow-up-action__source">
              <FormattedMessage
                id="followUpItem.source"
                values={{
                  event: <span lang={lang}>{action.event.title}</span>,
                  day: held,
                  item: [action.label, action.theme].filter(Boolean).join(' '),
                }}
              />
              {action.outcome === 'amended' ? (
                <>
                  {' · '}
                  <FormattedMessage id="followUpItem.amended" />
                </>
              ) : null}
              {action.minutesState === 'draft' ? (
                <>
                  {' · '}
                  <FormattedMessage id="followUpItem.draft" />
                </>
              ) : null}
            </p>
            <dl className="follow-up-action__facts">
              {action.responsible.length > 0 ? (
                <div>
                  <dt>
                    <FormattedMessage id="followUpItem.responsible" />
                  </dt>
                  <dd>
                    <ul className="follow-up-action__parties">
                      {action.responsible.map((party) => (
                        <li key={party.name}>
                          <span lang={lang}>{party.name}</span>
                          {': '}
                          <FormattedMessage {...STATUS_LABEL[statusKey(party.status)]} />
                        </li>
                      ))}
                    </ul>
                  </dd>
                </div>
              ) : null}
              {action.timeline ? (
                <div>
                  <dt>
                    <FormattedMessage id="followUpItem.timeline" />
                  </dt>
                  <dd lang={lang}>{action.timeline}</dd>
                </div>
              ) : null}
              {action.indicator ? (
                <div>
                  <dt>
                    <FormattedMessage id="followUpItem.indicator" />
                  </dt>
                  <dd lang={lang}>
                    {action.target ? (
                      <FormattedMessage
                        id="followUpItem.indicatorWithTarget"
                        values={{ indicator: action.indicator, target: action.target }}
                      />
                    ) : (
                      action.indicator
                    )}
                  </dd>
                </div>
              ) : null}
              {action.measured ? (
                <div>
                  <dt>
                    <FormattedMessage id="followUpItem.measured" />
                  </dt>
                  <dd>
                    <span lang={lang}>{action.measured.value}</span>
                    {action.measured.on ? (
                      <>
                        {' '}
                        <FormattedMessage
                          id="followUpItem.measuredOn"
                          values={{
                            day: intl.formatDate(new Date(`${action.measured.on}T12:00:00`), {
                              day: 'numeric',
                              month: 'numeric',
                              year: 'numeric',
                            }),
                          }}
                        />
                      </>
                    ) : null}
                  </dd>
                </div>
              ) : null}
            </dl>
          </li>
        )
      })}
    </ul>
  )
}
