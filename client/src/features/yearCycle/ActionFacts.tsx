import type { AgeGroup } from '@hytepaja/shared/doc/schema/board'
import type { ReportView } from '@hytepaja/shared/followUp/actionViews'
import type { FollowUpStatus } from '@hytepaja/shared/followUp/reports'
import type { ReactNode } from 'react'
import { defineMessages, FormattedMessage, useIntl } from 'react-intl'
import { StatusBadge } from './followUpStatus'

export const AGE_GROUP_LABEL: Record<AgeGroup, { id: string }> = defineMessages({
  children: { id: 'board.ageGroup.children' },
  workingAge: { id: 'board.ageGroup.workingAge' },
  older: { id: 'board.ageGroup.older' },
})

/** What a decided action says, whoever reads it (the summary, the follow-up link). */
export interface ActionShown {
  label: string | null
  theme: string
  what: string
  timeline: string
  indicator: string
  target: string
  ageGroups: AgeGroup[]
  event: { title: string; startsAt: string }
  minutes: { state: 'draft' | 'locked'; version: number }
}

export interface PartyShown {
  name: string
  status?: FollowUpStatus | null
}

/** The day an event is held, as Finland's clocks show it. */
export function eventDate(startsAt: string, intl: ReturnType<typeof useIntl>): string {
  const day = new Date(startsAt)
  return Number.isNaN(day.getTime())
    ? startsAt
    : intl.formatDate(day, { dateStyle: 'medium', timeZone: 'Europe/Helsinki' })
}

function Row({ term, children }: { term: ReactNode; children: ReactNode }) {
  return (
    <div className="facts__row">
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  )
}

/**
 * A decided action as an article: § and theme, what is done, and its facts as a description
 * list (reads in order on a phone and to a screen reader); `children` add the follow-up.
 */
export function ActionFacts({
  action,
  parties,
  headingLevel,
  children,
}: {
  action: ActionShown
  parties: PartyShown[]
  headingLevel: 2 | 3
  children?: ReactNode
}) {
  const intl = useIntl()
  const Heading = headingLevel === 2 ? 'h2' : 'h3'
  const empty = <FormattedMessage id="followUp.fact.empty" />
  return (
    <article className="action-card card">
      <Heading className="action-card__title">
        <span className="action-card__label">
          {[action.label, action.theme].filter(Boolean).join(' · ')}
        </span>
        <span className="action-card__what">
          {action.what || intl.formatMessage({ id: 'followUp.fact.noText' })}
        </span>
      </Heading>
      <dl className="facts">
        <Row term={<FormattedMessage id="followUp.fact.event" />}>
          {action.event.title}, {eventDate(action.event.startsAt, intl)}
          {action.minutes.state === 'draft' ? (
            <>
              {' '}
              <span className="action-card__draft">
                <FormattedMessage id="followUp.fact.minutesDraft" />
              </span>
            </>
          ) : null}
        </Row>
        <Row term={<FormattedMessage id="followUp.fact.responsible" />}>
          {parties.length === 0 ? (
            empty
          ) : (
            <ul className="party-list">
              {parties.map((party, index) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: parties keep their order; two may share a name.
                <li key={index}>
                  {party.name}
                  {party.status !== undefined ? (
                    <>
                      {' '}
                      <StatusBadge status={party.status} />
                    </>
                  ) : null}
                </li>
              ))}
            </ul>
          )}
        </Row>
        <Row term={<FormattedMessage id="followUp.fact.timeline" />}>
          {action.timeline || empty}
        </Row>
        <Row term={<FormattedMessage id="followUp.fact.indicator" />}>
          {action.indicator || empty}
        </Row>
        <Row term={<FormattedMessage id="followUp.fact.target" />}>{action.target || empty}</Row>
        <Row term={<FormattedMessage id="followUp.fact.ageGroups" />}>
          {action.ageGroups.length > 0
            ? intl.formatList(action.ageGroups.map((a) => intl.formatMessage(AGE_GROUP_LABEL[a])))
            : empty}
        </Row>
      </dl>
      {children}
    </article>
  )
}

/** A report in one line: status, what was said, the measured value and who reported. */
export function ReportLine({ report }: { report: Omit<ReportView, 'organisationId'> }) {
  const intl = useIntl()
  return (
    <div className="report-line">
      <p>
        <StatusBadge status={report.status} />{' '}
        <FormattedMessage
          id="followUp.report.by"
          values={{
            who: [report.reporterName, report.organisation].filter(Boolean).join(', '),
            at: intl.formatDate(report.at, { dateStyle: 'medium' }),
          }}
        />
      </p>
      {report.report ? <p className="report-line__text">{report.report}</p> : null}
      {report.measuredValue ? (
        <p>
          <FormattedMessage
            id="followUp.report.measured"
            values={{
              value: report.measuredValue,
              on: report.measuredOn
                ? intl.formatDate(`${report.measuredOn}T12:00:00`, { dateStyle: 'medium' })
                : '',
            }}
          />
        </p>
      ) : null}
    </div>
  )
}
