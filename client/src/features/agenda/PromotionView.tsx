import type { PromotedAction, Promotion } from '@hytepaja/shared/doc/schema/event'
import { diffVersions } from '@hytepaja/shared/domain/proposals'
import type { ReactNode } from 'react'
import { FormattedMessage, FormattedTime, useIntl } from 'react-intl'
import { ageGroupLabel } from '../proposal/labels'
import { actionNumbers, ProposalChanges } from './ProposalChanges'
import { SafeHtml } from './SafeHtml'

/**
 * A group's promoted proposal on the agenda: its latest version, and what changed in it. Its
 * title is a heading at `level` (the agenda's items are h2), the actions one level below.
 */
export function PromotionView({
  promotion,
  lang,
  level = 3,
}: {
  promotion: Promotion
  lang: string
  level?: 3 | 4 | 5 | 6
}) {
  const Title = `h${level}` as 'h3'
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
      <Title className="promotion__title" lang={lang}>
        {latest.title}
      </Title>
      {latest.body.text.trim() ? <SafeHtml html={latest.body.html} lang={lang} /> : null}
      <ol className="promotion__actions">
        {latest.actions.map((action, index) => (
          <li key={action.id}>
            <ActionView action={action} number={index + 1} lang={lang} level={level + 1} />
          </li>
        ))}
      </ol>
      {previous ? (
        <ProposalChanges
          diff={diffVersions(previous, latest)}
          numberOf={actionNumbers(previous, latest)}
          summary={
            <FormattedMessage
              id="agenda.view.changes.summary"
              values={{ from: previous.version, to: latest.version }}
            />
          }
        />
      ) : null}
    </div>
  )
}

function ActionView({
  action,
  number,
  lang,
  level,
}: {
  action: PromotedAction
  number: number
  lang: string
  level: number
}) {
  return (
    <ActionCard number={number} level={level} facts={action} lang={lang}>
      <SafeHtml html={action.what.html} lang={lang} />
    </ActionCard>
  )
}

export type ActionFactsOf = Pick<
  PromotedAction,
  'responsible' | 'timeline' | 'indicator' | 'target' | 'ageGroups'
>

/**
 * One action proposal: its number as a heading at `level`, what is done (`children`) and who,
 * by when and how it is followed. A promoted action and a decision's amended one look alike.
 */
export function ActionCard({
  number,
  level,
  facts,
  lang,
  children,
}: {
  number: number
  level: number
  facts: ActionFactsOf
  lang: string
  children: ReactNode
}) {
  const intl = useIntl()
  const Heading = `h${Math.min(level, 6)}` as 'h4'
  return (
    <article className="promoted-action">
      <Heading>
        <FormattedMessage id="agenda.view.action" values={{ number }} />
      </Heading>
      {children}
      <dl className="action-facts">
        <div className="action-facts__row">
          <dt>
            <FormattedMessage id="agenda.view.responsible" />
          </dt>
          <dd>{facts.responsible.length > 0 ? intl.formatList(facts.responsible) : '–'}</dd>
        </div>
        <div className="action-facts__row">
          <dt>
            <FormattedMessage id="agenda.view.timeline" />
          </dt>
          <dd lang={lang}>{facts.timeline || '–'}</dd>
        </div>
        <div className="action-facts__row">
          <dt>
            <FormattedMessage id="agenda.view.indicator" />
          </dt>
          <dd lang={lang}>
            {facts.indicator || '–'}
            {facts.target ? (
              <>
                {' '}
                <FormattedMessage id="agenda.view.target" values={{ target: facts.target }} />
              </>
            ) : null}
          </dd>
        </div>
        {facts.ageGroups.length > 0 ? (
          <div className="action-facts__row">
            <dt>
              <FormattedMessage id="agenda.view.ageGroups" />
            </dt>
            <dd>
              {intl.formatList(facts.ageGroups.map((g) => intl.formatMessage(ageGroupLabel[g])))}
            </dd>
          </div>
        ) : null}
      </dl>
    </article>
  )
}
