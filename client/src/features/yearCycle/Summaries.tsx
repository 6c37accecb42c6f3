import { FormattedMessage, useIntl } from 'react-intl'
import { useSearchParams } from 'wouter'
import { register } from '../../api/register'
import { fetchSummary } from '../../api/summaries'
import { Page } from '../../app/Page'
import { Button } from '../../ui/Button'
import { Loading } from '../../ui/Loading'
import { Notice } from '../../ui/Notice'
import { SummaryDownloads } from './SummaryDownloads'
import { SummaryFilters } from './SummaryFilters'
import { CountsTable, SummaryGroupSection } from './SummaryGroups'
import { filterOf, formFromSearch, searchFromForm } from './summaryFilter'
import { useLoaded } from './useLoaded'
import { YearCycleNav } from './YearCycleNav'
import { yearCycleError } from './yearCycleErrors'

/**
 * `/admin/summaries`: the summary (kooste) of decided actions for a year or a range, one
 * municipality group or all side by side, with the filters and the files.
 */
export function Summaries({ consoleKey }: { consoleKey: string }) {
  const intl = useIntl()
  const [search, setSearch] = useSearchParams()
  const form = formFromSearch(search, new Date().getFullYear())
  const filter = filterOf(form)
  const key = JSON.stringify(filter)
  const groups = useLoaded((signal) => register.groups(consoleKey, signal), [consoleKey])
  const summary = useLoaded((signal) => fetchSummary(consoleKey, filter, signal), [consoleKey, key])
  const data = summary.data

  return (
    <Page title={intl.formatMessage({ id: 'yearCycle.summaries.title' })} className="page--year">
      <YearCycleNav />
      <p className="lead">
        <FormattedMessage id="yearCycle.summaries.lead" />
      </p>
      <SummaryFilters
        // A new address (back, a link) starts the form from it.
        key={key}
        initial={form}
        groups={groups.data ?? []}
        themes={data?.themes ?? []}
        organisations={data?.organisations ?? []}
        onApply={(next) => setSearch(searchFromForm(next))}
      />
      {summary.state === 'failed' ? (
        <div className="stack">
          <Notice tone="error" announce>
            <FormattedMessage {...yearCycleError(summary.code)} />
          </Notice>
          <div>
            <Button onPress={summary.reload}>
              <FormattedMessage id="link.retry" />
            </Button>
          </div>
        </div>
      ) : null}
      {summary.state === 'loading' ? (
        <Loading>
          <FormattedMessage id="yearCycle.loading" />
        </Loading>
      ) : null}
      {data && summary.state === 'ready' ? (
        <>
          <p className="summary-range" role="status">
            <FormattedMessage
              id="yearCycle.summary.range"
              values={{
                from: intl.formatDate(`${data.filter.from}T12:00:00`, { dateStyle: 'medium' }),
                to: intl.formatDate(`${data.filter.to}T12:00:00`, { dateStyle: 'medium' }),
                count: data.counts.actions,
              }}
            />
          </p>
          <CountsTable summary={data} />
          <SummaryDownloads token={consoleKey} filter={filter} />
          {data.groups.length === 0 ? (
            <p>
              <FormattedMessage id="yearCycle.summary.noEvents" />
            </p>
          ) : (
            data.groups.map((group) => (
              <SummaryGroupSection key={group.municipalityGroup?.id ?? 'none'} group={group} />
            ))
          )}
        </>
      ) : null}
    </Page>
  )
}
