import type { PromotedAction, Promotion, PromotionVersion } from '@hytepaja/shared/doc/schema'
import { diffVersions } from '@hytepaja/shared/domain/proposals'
import { hasChanges } from '@hytepaja/shared/domain/textDiff'
import { FormattedMessage, FormattedTime, useIntl } from 'react-intl'
import { ageGroupLabel } from '../proposal/labels'
import { DiffText } from './DiffText'
import { SafeHtml } from './SafeHtml'

/** A group's promoted proposal on the agenda: its latest version, and what changed in it. */
export function PromotionView({ promotion, lang }: { promotion: Promotion; lang: string }) {
  const versions = promotion.versions
  const latest = versions.at(-1)
  const previous = versions.length > 1 ? versions.at(-2) : undefined
  if (!latest) return null
  return (
    <div className="promotion stack">
      <p className="promotion__meta">
        <span className="badge">
          <FormattedMessage id="agenda.view.version" values={{ version: latest.version }} />
        </span>{' '}
        <FormattedMessage
          id="agenda.view.promotedAt"
          values={{ time: <FormattedTime value={latest.promotedAt} /> }}
        />
      </p>
      <h3 className="promotion__title" lang={lang}>
        {latest.title}
      </h3>
      {latest.body.text.trim() ? <SafeHtml html={latest.body.html} lang={lang} /> : null}
      <ol className="promotion__actions">
        {latest.actions.map((action, index) => (
          <li key={action.id}>
            <ActionView action={action} number={index + 1} lang={lang} />
          </li>
        ))}
      </ol>
      {previous ? <Changes before={previous} after={latest} /> : null}
    </div>
  )
}

function ActionView({
  action,
  number,
  lang,
}: {
  action: PromotedAction
  number: number
  lang: string
}) {
  const intl = useIntl()
  return (
    <article className="promoted-action">
      <h4>
        <FormattedMessage id="agenda.view.action" values={{ number }} />
      </h4>
      <SafeHtml html={action.what.html} lang={lang} />
      <dl className="action-facts">
        <div className="action-facts__row">
          <dt>
            <FormattedMessage id="agenda.view.responsible" />
          </dt>
          <dd>{action.responsible.length > 0 ? intl.formatList(action.responsible) : '–'}</dd>
        </div>
        <div className="action-facts__row">
          <dt>
            <FormattedMessage id="agenda.view.timeline" />
          </dt>
          <dd lang={lang}>{action.timeline || '–'}</dd>
        </div>
        <div className="action-facts__row">
          <dt>
            <FormattedMessage id="agenda.view.indicator" />
          </dt>
          <dd lang={lang}>
            {action.indicator || '–'}
            {action.target ? (
              <>
                {' '}
                <FormattedMessage id="agenda.view.target" values={{ target: action.target }} />
              </>
            ) : null}
          </dd>
        </div>
        {action.ageGroups.length > 0 ? (
          <div className="action-facts__row">
            <dt>
              <FormattedMessage id="agenda.view.ageGroups" />
            </dt>
            <dd>
              {intl.formatList(action.ageGroups.map((g) => intl.formatMessage(ageGroupLabel[g])))}
            </dd>
          </div>
        ) : null}
      </dl>
    </article>
  )
}

const STATUS = {
  added: { id: 'agenda.view.changes.actionAdded' },
  removed: { id: 'agenda.view.changes.actionRemoved' },
  changed: { id: 'agenda.view.changes.actionChanged' },
} as const

const FIELD = {
  timeline: { id: 'agenda.view.timeline' },
  indicator: { id: 'agenda.view.indicator' },
  target: { id: 'agenda.view.targetLabel' },
  responsible: { id: 'agenda.view.responsible' },
} as const

function Changes({ before, after }: { before: PromotionVersion; after: PromotionVersion }) {
  const diff = diffVersions(before, after)
  const numberOf = (id: string) => {
    const index = after.actions.findIndex((a) => a.id === id)
    return index >= 0 ? index + 1 : before.actions.findIndex((a) => a.id === id) + 1
  }
  return (
    <details className="changes" open>
      <summary>
        <FormattedMessage
          id="agenda.view.changes.summary"
          values={{ from: before.version, to: after.version }}
        />
      </summary>
      {!diff.changed ? (
        <p>
          <FormattedMessage id="agenda.view.changes.none" />
        </p>
      ) : (
        <ul className="changes__list">
          {hasChanges(diff.title) ? (
            <li>
              <strong>
                <FormattedMessage id="agenda.view.changes.title" />
              </strong>{' '}
              <DiffText parts={diff.title} />
            </li>
          ) : null}
          {hasChanges(diff.body) ? (
            <li>
              <strong>
                <FormattedMessage id="agenda.view.changes.body" />
              </strong>{' '}
              <DiffText parts={diff.body} />
            </li>
          ) : null}
          {diff.actions
            .filter((a) => a.status !== 'same')
            .map((a) => (
              <li key={a.id}>
                <strong>
                  <FormattedMessage
                    {...STATUS[a.status as keyof typeof STATUS]}
                    values={{ number: numberOf(a.id) }}
                  />
                </strong>
                {a.status === 'changed' ? (
                  <ul>
                    {hasChanges(a.what) ? (
                      <li>
                        <FormattedMessage id="agenda.view.changes.what" />{' '}
                        <DiffText parts={a.what} />
                      </li>
                    ) : null}
                    {(Object.keys(FIELD) as Array<keyof typeof FIELD>).map((field) => {
                      const parts = a.fields[field]
                      return parts && hasChanges(parts) ? (
                        <li key={field}>
                          <FormattedMessage {...FIELD[field]} />: <DiffText parts={parts} />
                        </li>
                      ) : null
                    })}
                  </ul>
                ) : null}
              </li>
            ))}
        </ul>
      )}
    </details>
  )
}
