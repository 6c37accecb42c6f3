import { useEffect, useState } from 'react'
import { FormattedMessage, useIntl } from 'react-intl'
import { Link } from 'wouter'
import { ApiError } from '../../api/http'
import { listSeries, type Series } from '../../api/series'
import { Page } from '../../app/Page'
import { errorMessage } from '../../i18n/errorMessages'
import { Loading } from '../../ui/Loading'
import { Notice } from '../../ui/Notice'
import { ConsoleKeyMissing, consoleKeyOfDevice } from '../organiser/access'
import { NewSeriesForm } from './NewSeriesForm'

type Listing =
  | { state: 'loading' }
  | { state: 'ready'; series: Series[] }
  | { state: 'failed'; code: string }

/** `/admin/series`: the partnership groups (kumppanuusryhmät) and "Uusi kumppanuusryhmä". */
export function SeriesList() {
  const [key] = useState(consoleKeyOfDevice)
  if (!key) return <ConsoleKeyMissing />
  return <Listing consoleKey={key} />
}

function Listing({ consoleKey }: { consoleKey: string }) {
  const intl = useIntl()
  const [listing, setListing] = useState<Listing>({ state: 'loading' })
  useEffect(() => {
    const abort = new AbortController()
    listSeries(consoleKey, abort.signal).then(
      (series) => setListing({ state: 'ready', series }),
      (error: unknown) => {
        if (abort.signal.aborted) return
        setListing({ state: 'failed', code: error instanceof ApiError ? error.code : 'unexpected' })
      },
    )
    return () => abort.abort()
  }, [consoleKey])

  return (
    <Page
      title={intl.formatMessage({ id: 'series.list.title' })}
      kicker={
        <Link href="/admin">
          <FormattedMessage id="series.backToConsole" />
        </Link>
      }
    >
      <p>
        <FormattedMessage id="series.list.lead" />
      </p>
      {listing.state === 'loading' ? (
        <Loading>
          <FormattedMessage id="series.loading" />
        </Loading>
      ) : null}
      {listing.state === 'failed' ? (
        <Notice tone="error" announce>
          <FormattedMessage {...errorMessage(listing.code)} />
        </Notice>
      ) : null}
      {listing.state === 'ready' ? (
        <section className="stack" aria-labelledby="series-list-heading">
          <h2 id="series-list-heading">
            <FormattedMessage id="series.list.heading" values={{ count: listing.series.length }} />
          </h2>
          {listing.series.length === 0 ? (
            <p>
              <FormattedMessage id="series.list.none" />
            </p>
          ) : (
            <ul className="link-list">
              {listing.series.map((series) => (
                <li key={series.id}>
                  <Link href={`/admin/series/${series.id}`} className="link-card">
                    <span className="link-card__title">{series.name}</span>
                    <span className="link-card__meta">
                      <FormattedMessage id="series.cadence" values={{ count: series.cadence }} />
                      {' · '}
                      <FormattedMessage
                        id="series.meetings.count"
                        values={{ count: series.meetings }}
                      />
                    </span>
                  </Link>
                </li>
              ))}
            </ul>
          )}
        </section>
      ) : null}
      <section className="card stack" aria-labelledby="series-new-heading">
        <h2 id="series-new-heading">
          <FormattedMessage id="series.new.heading" />
        </h2>
        <NewSeriesForm consoleKey={consoleKey} />
      </section>
    </Page>
  )
}
