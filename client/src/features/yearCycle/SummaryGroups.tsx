import type { StatusCounts, Summary } from '@hytepaja/shared/summary/summary'
import { defineMessages, FormattedMessage, useIntl } from 'react-intl'
import { ActionFacts, eventDate, ReportLine } from './ActionFacts'
import { StatusBadge } from './followUpStatus'

type SummaryGroup = Summary['groups'][number]

const COUNT_COLUMNS = [
  'actions',
  'notReported',
  'notStarted',
  'inProgress',
  'done',
  'dropped',
] as const

const COUNT_LABEL = defineMessages({
  actions: { id: 'yearCycle.summary.count.actions' },
  notReported: { id: 'yearCycle.summary.count.notReported' },
  notStarted: { id: 'yearCycle.summary.count.notStarted' },
  inProgress: { id: 'yearCycle.summary.count.inProgress' },
  done: { id: 'yearCycle.summary.count.done' },
  dropped: { id: 'yearCycle.summary.count.dropped' },
}) satisfies Record<(typeof COUNT_COLUMNS)[number], unknown>

const MINUTES_LABEL = defineMessages({
  locked: { id: 'yearCycle.summary.minutesLocked' },
  draft: { id: 'yearCycle.summary.minutesDraft' },
})

function groupName(group: SummaryGroup, intl: ReturnType<typeof useIntl>) {
  return group.municipalityGroup?.name ?? intl.formatMessage({ id: 'yearCycle.filter.noGroup' })
}

/** The groups side by side: how many actions stand where, one row per group. */
export function CountsTable({ summary }: { summary: Summary }) {
  const intl = useIntl()
  const row = (name: string, counts: StatusCounts, key: string, total = false) => (
    <tr key={key} className={total ? 'counts-table__total' : undefined}>
      <th scope="row">{name}</th>
      {COUNT_COLUMNS.map((column) => (
        <td key={column}>{counts[column]}</td>
      ))}
    </tr>
  )
  return (
    // A phone scrolls the table sideways: the box takes focus so the keyboard can scroll it too.
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard (WCAG 2.1.1).
    <section className="table-scroll" tabIndex={0} aria-labelledby="summary-counts">
      <table className="counts-table">
        <caption id="summary-counts">
          <FormattedMessage id="yearCycle.summary.countsCaption" />
        </caption>
        <thead>
          <tr>
            <th scope="col">
              <FormattedMessage id="yearCycle.summary.group" />
            </th>
            {COUNT_COLUMNS.map((column) => (
              <th scope="col" key={column}>
                <FormattedMessage {...COUNT_LABEL[column]} />
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {summary.groups.map((group) =>
            row(groupName(group, intl), group.counts, group.municipalityGroup?.id ?? 'none'),
          )}
          {summary.groups.length > 1
            ? row(
                intl.formatMessage({ id: 'yearCycle.summary.total' }),
                summary.counts,
                'all',
                true,
              )
            : null}
        </tbody>
      </table>
    </section>
  )
}

/** One municipality group: its municipalities, its events and every action that passed. */
export function SummaryGroupSection({ group }: { group: SummaryGroup }) {
  const intl = useIntl()
  return (
    <section className="summary-group stack" aria-label={groupName(group, intl)}>
      <h2>{groupName(group, intl)}</h2>
      {group.municipalityGroup && group.municipalityGroup.municipalities.length > 0 ? (
        <p className="hint">{intl.formatList(group.municipalityGroup.municipalities)}</p>
      ) : null}
      <h3>
        <FormattedMessage id="yearCycle.summary.events" values={{ count: group.events.length }} />
      </h3>
      {group.events.length > 0 ? (
        <ul className="summary-events">
          {group.events.map((event) => (
            <li key={event.id}>
              {event.title}, {eventDate(event.startsAt, intl)}
              {' – '}
              <FormattedMessage
                {...MINUTES_LABEL[event.minutes?.state === 'locked' ? 'locked' : 'draft']}
              />
            </li>
          ))}
        </ul>
      ) : null}
      <h3>
        <FormattedMessage id="yearCycle.summary.actions" values={{ count: group.actions.length }} />
      </h3>
      {group.actions.length === 0 ? (
        <p>
          <FormattedMessage id="yearCycle.summary.noActions" />
        </p>
      ) : (
        <ol className="action-list">
          {group.actions.map((action) => (
            <li key={action.id}>
              <ActionFacts
                action={action}
                headingLevel={3}
                parties={action.responsible.map((p) => ({
                  name:
                    p.organisation && p.organisation !== p.name
                      ? `${p.name} (${p.organisation})`
                      : p.name,
                  status: p.status,
                }))}
              >
                <div className="action-card__status">
                  <p>
                    <FormattedMessage id="yearCycle.summary.status" />{' '}
                    <StatusBadge status={action.status} />
                  </p>
                  {action.lastReport ? <ReportLine report={action.lastReport} /> : null}
                </div>
              </ActionFacts>
            </li>
          ))}
        </ol>
      )}
    </section>
  )
}
