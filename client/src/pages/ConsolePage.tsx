import { useEffect, useState } from 'react'
import { FormattedMessage, useIntl } from 'react-intl'
import { type EventListing, listEvents } from '../api/endpoints'
import { ApiError } from '../api/http'
import { Page } from '../app/Page'
import { formatJoinCode } from '../features/session/joinCode'
import { clearLinkToken, readLinkToken } from '../features/session/linkToken'
import { errorMessage } from '../i18n/errorMessages'
import { credentials } from '../sync/credentials'
import { Button } from '../ui/Button'
import { Loading } from '../ui/Loading'
import { Notice } from '../ui/Notice'

type Listing =
  | { state: 'loading' }
  | { state: 'ready'; events: EventListing[] }
  | { state: 'missing' }
  | { state: 'failed'; code: string }

/** `/admin#<console key>`: the organisers' console, for now the list of events. */
export default function ConsolePage() {
  const intl = useIntl()
  const [key] = useState(() => readLinkToken() ?? credentials.consoleKey())
  const [attempt, setAttempt] = useState(0)
  const [listing, setListing] = useState<Listing>(key ? { state: 'loading' } : { state: 'missing' })

  // biome-ignore lint/correctness/useExhaustiveDependencies: `attempt` re-runs the request on retry.
  useEffect(() => {
    if (!key) return
    const abort = new AbortController()
    setListing({ state: 'loading' })
    listEvents(key, abort.signal).then(
      (events) => {
        credentials.rememberConsoleKey(key)
        clearLinkToken()
        setListing({ state: 'ready', events })
      },
      (error: unknown) => {
        if (abort.signal.aborted) return
        const code = error instanceof ApiError ? error.code : 'unexpected'
        if (code === 'token.invalid') credentials.rememberConsoleKey(null)
        setListing({ state: 'failed', code })
      },
    )
    return () => abort.abort()
  }, [key, attempt])

  return (
    <Page title={intl.formatMessage({ id: 'console.title' })}>
      {listing.state === 'loading' ? (
        <Loading>
          <FormattedMessage id="console.loading" />
        </Loading>
      ) : null}
      {listing.state === 'missing' ? (
        <Notice tone="warning" title={intl.formatMessage({ id: 'console.missing.title' })}>
          <FormattedMessage id="console.missing.body" />
        </Notice>
      ) : null}
      {listing.state === 'failed' ? (
        <div className="stack">
          <Notice tone="error" announce>
            <FormattedMessage {...errorMessage(listing.code)} />
          </Notice>
          {listing.code !== 'token.invalid' ? (
            <Button variant="primary" onPress={() => setAttempt((n) => n + 1)}>
              <FormattedMessage id="link.retry" />
            </Button>
          ) : null}
        </div>
      ) : null}
      {listing.state === 'ready' ? <EventList events={listing.events} /> : null}
    </Page>
  )
}

function EventList({ events }: { events: EventListing[] }) {
  const intl = useIntl()
  if (events.length === 0) {
    return (
      <p>
        <FormattedMessage id="console.events.none" />
      </p>
    )
  }
  return (
    <section className="stack" aria-labelledby="console-events-heading">
      <h2 id="console-events-heading">
        <FormattedMessage id="console.events.heading" values={{ count: events.length }} />
      </h2>
      <ul className="link-list">
        {events.map((event) => {
          const start = new Date(event.startsAt)
          return (
            <li key={event.id} className="link-card link-card--static">
              <span className="link-card__title">{event.title}</span>
              {Number.isNaN(start.getTime()) ? null : (
                <span className="link-card__meta">
                  {intl.formatDate(start, { dateStyle: 'full', timeStyle: 'short' })}
                </span>
              )}
              <span className="link-card__meta">
                <FormattedMessage
                  id="console.events.joinCode"
                  values={{ code: formatJoinCode(event.joinCode) }}
                />
              </span>
            </li>
          )
        })}
      </ul>
    </section>
  )
}
