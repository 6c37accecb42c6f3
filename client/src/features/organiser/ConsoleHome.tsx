import { useEffect, useState } from 'react'
import { FormattedMessage, useIntl } from 'react-intl'
import { Link } from 'wouter'
import { type EventListing, listEvents } from '../../api/endpoints'
import { ApiError } from '../../api/http'
import { Page } from '../../app/Page'
import { errorMessage } from '../../i18n/errorMessages'
import { credentials } from '../../sync/credentials'
import { Button } from '../../ui/Button'
import { Loading } from '../../ui/Loading'
import { Notice } from '../../ui/Notice'
import { formatJoinCode } from '../session/joinCode'
import { clearLinkToken } from '../session/linkToken'
import { ConsoleKeyMissing, managePath, useConsoleKeyOfDevice } from './access'
import { takeFlash } from './flash'
import { NewEventForm } from './NewEventForm'

type Listing =
  | { state: 'loading' }
  | { state: 'ready'; events: EventListing[] }
  | { state: 'failed'; code: string }

/** `/admin#<console key>`: the organisers' events and "Uusi neuvottelu". */
export function ConsoleHome() {
  const key = useConsoleKeyOfDevice()
  if (!key) return <ConsoleKeyMissing />
  // A new key is a new console: nothing of the old key's listing is kept.
  return <Console key={key} consoleKey={key} />
}

function Console({ consoleKey }: { consoleKey: string }) {
  const intl = useIntl()
  const [attempt, setAttempt] = useState(0)
  const [listing, setListing] = useState<Listing>({ state: 'loading' })
  const [flash] = useState(takeFlash)
  const [creating, setCreating] = useState(false)

  // biome-ignore lint/correctness/useExhaustiveDependencies: `attempt` re-runs the request on retry.
  useEffect(() => {
    const abort = new AbortController()
    setListing({ state: 'loading' })
    listEvents(consoleKey, abort.signal).then(
      (events) => {
        credentials.rememberConsoleKey(consoleKey)
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
  }, [consoleKey, attempt])

  const showForm = creating || (listing.state === 'ready' && listing.events.length === 0)

  return (
    <Page title={intl.formatMessage({ id: 'console.title' })}>
      {flash?.kind === 'deleted' ? (
        <Notice tone="success" announce>
          <FormattedMessage id="console.deleted" values={{ title: flash.title }} />
        </Notice>
      ) : null}
      {listing.state === 'loading' ? (
        <Loading>
          <FormattedMessage id="console.loading" />
        </Loading>
      ) : null}
      {listing.state === 'failed' ? (
        <div className="stack">
          <Notice tone="error" announce>
            <FormattedMessage {...errorMessage(listing.code)} />
          </Notice>
          {listing.code !== 'token.invalid' ? (
            <div>
              <Button variant="primary" onPress={() => setAttempt((n) => n + 1)}>
                <FormattedMessage id="link.retry" />
              </Button>
            </div>
          ) : null}
        </div>
      ) : null}
      {listing.state === 'ready' ? (
        <>
          <p>
            <Link href="/admin/series">
              <FormattedMessage id="console.series.link" />
            </Link>
          </p>
          <p>
            <Link href="/admin/settings" className="standalone-link">
              <FormattedMessage id="console.settings" />
            </Link>
          </p>
          <section className="card stack" aria-labelledby="console-new-heading">
            <h2 id="console-new-heading">
              <FormattedMessage id="console.create.heading" />
            </h2>
            {showForm ? (
              <NewEventForm consoleKey={consoleKey} autoFocus={creating} />
            ) : (
              <>
                <p>
                  <FormattedMessage id="console.create.lead" />
                </p>
                <div>
                  <Button variant="primary" onPress={() => setCreating(true)}>
                    <FormattedMessage id="console.create.open" />
                  </Button>
                </div>
              </>
            )}
          </section>
          <EventList events={listing.events} />
          <YearCycleLinks />
        </>
      ) : null}
    </Page>
  )
}

function EventList({ events }: { events: EventListing[] }) {
  const intl = useIntl()
  return (
    <section className="stack" aria-labelledby="console-events-heading">
      <h2 id="console-events-heading">
        <FormattedMessage id="console.events.heading" values={{ count: events.length }} />
      </h2>
      {events.length === 0 ? (
        <p>
          <FormattedMessage id="console.events.none" />
        </p>
      ) : (
        <ul className="link-list">
          {events.map((event) => {
            const start = new Date(event.startsAt)
            return (
              <li key={event.id}>
                <Link href={managePath('console', event.id)} className="link-card">
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
                </Link>
              </li>
            )
          })}
        </ul>
      )}
    </section>
  )
}

/** The county's year: the register, the summaries and the follow-up of decided actions. */
function YearCycleLinks() {
  return (
    <section className="stack" aria-labelledby="console-year-heading">
      <h2 id="console-year-heading">
        <FormattedMessage id="console.year.heading" />
      </h2>
      <ul className="link-list">
        <li>
          <Link href="/admin/register" className="link-card">
            <span className="link-card__title">
              <FormattedMessage id="console.year.register" />
            </span>
            <span className="link-card__meta">
              <FormattedMessage id="console.year.registerHelp" />
            </span>
          </Link>
        </li>
        <li>
          <Link href="/admin/summaries" className="link-card">
            <span className="link-card__title">
              <FormattedMessage id="console.year.summaries" />
            </span>
            <span className="link-card__meta">
              <FormattedMessage id="console.year.summariesHelp" />
            </span>
          </Link>
        </li>
        <li>
          <Link href="/admin/follow-up" className="link-card">
            <span className="link-card__title">
              <FormattedMessage id="console.year.followUp" />
            </span>
            <span className="link-card__meta">
              <FormattedMessage id="console.year.followUpHelp" />
            </span>
          </Link>
        </li>
      </ul>
    </section>
  )
}
