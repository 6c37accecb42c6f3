import { useEffect, useState } from 'react'
import { FormattedMessage, useIntl } from 'react-intl'
import { Link } from 'wouter'
import { fetchSettings, type StoredSettings } from '../../api/settings'
import { Page } from '../../app/Page'
import { errorMessage } from '../../i18n/errorMessages'
import { Button } from '../../ui/Button'
import { Loading } from '../../ui/Loading'
import { Notice } from '../../ui/Notice'
import { ConsoleKeyMissing, consoleKeyOfDevice } from './access'
import { ServiceSettingsForm } from './ServiceSettingsForm'
import { errorCodeOf } from './useAction'

type Loaded =
  | { state: 'loading' }
  | { state: 'ready'; stored: StoredSettings }
  | { state: 'failed'; code: string }

/** `/admin/settings`: the service's settings, with the console key. */
export function ServiceSettings() {
  const [key] = useState(consoleKeyOfDevice)
  if (!key) return <ConsoleKeyMissing />
  return <WithSettings consoleKey={key} />
}

function WithSettings({ consoleKey }: { consoleKey: string }) {
  const intl = useIntl()
  const [attempt, setAttempt] = useState(0)
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' })

  // biome-ignore lint/correctness/useExhaustiveDependencies: `attempt` re-runs the request on retry.
  useEffect(() => {
    const abort = new AbortController()
    setLoaded({ state: 'loading' })
    fetchSettings(consoleKey, abort.signal).then(
      (stored) => setLoaded({ state: 'ready', stored }),
      (error: unknown) => {
        if (!abort.signal.aborted) setLoaded({ state: 'failed', code: errorCodeOf(error) })
      },
    )
    return () => abort.abort()
  }, [consoleKey, attempt])

  return (
    <Page title={intl.formatMessage({ id: 'settings.title' })}>
      <Link href="/admin" className="back-link">
        <span aria-hidden="true">←</span>
        <FormattedMessage id="organiser.backToConsole" />
      </Link>
      <p className="lead">
        <FormattedMessage id="settings.lead" />
      </p>
      {loaded.state === 'loading' ? (
        <Loading>
          <FormattedMessage id="settings.loading" />
        </Loading>
      ) : null}
      {loaded.state === 'failed' ? (
        <div className="stack">
          <Notice tone="error" announce>
            <FormattedMessage {...errorMessage(loaded.code)} />
          </Notice>
          {loaded.code !== 'token.invalid' ? (
            <div>
              <Button variant="primary" onPress={() => setAttempt((n) => n + 1)}>
                <FormattedMessage id="link.retry" />
              </Button>
            </div>
          ) : null}
        </div>
      ) : null}
      {loaded.state === 'ready' ? (
        <ServiceSettingsForm consoleKey={consoleKey} initial={loaded.stored.settings} />
      ) : null}
    </Page>
  )
}
