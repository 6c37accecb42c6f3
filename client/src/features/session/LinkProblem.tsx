import { lazy, Suspense } from 'react'
import { FormattedMessage, useIntl } from 'react-intl'
import { Page } from '../../app/Page'
import { errorMessage } from '../../i18n/errorMessages'
import { Loading } from '../../ui/Loading'
import { NativeButton } from '../../ui/NativeButton'
import { Notice } from '../../ui/Notice'
import type { LinkSession } from './useLinkSession'

// Only a link that cannot be used shows the form: the board's first download goes without it.
const JoinCodeForm = lazy(() =>
  import('./JoinCodeForm').then((module) => ({ default: module.JoinCodeForm })),
)

function JoinWithCode() {
  return (
    <section className="card stack" aria-labelledby="link-join-heading">
      <h2 id="link-join-heading">
        <FormattedMessage id="link.joinWithCode" />
      </h2>
      <Suspense
        fallback={
          <Loading>
            <FormattedMessage id="app.loading" />
          </Loading>
        }
      >
        <JoinCodeForm />
      </Suspense>
    </section>
  )
}

/**
 * What a page shows while its link is being checked, or when it cannot be used. Native
 * controls only: the join page, the first a phone opens on venue wifi, loads this with it.
 */
export function LinkProblem({ link }: { link: Exclude<LinkSession, { state: 'ready' }> }) {
  const intl = useIntl()
  switch (link.state) {
    case 'loading':
      return (
        <Loading>
          <FormattedMessage id="link.checking" />
        </Loading>
      )
    case 'invalid':
      return (
        <Page title={intl.formatMessage({ id: 'link.invalid.title' })}>
          <p className="lead">
            <FormattedMessage id="link.invalid.body" />
          </p>
          <JoinWithCode />
        </Page>
      )
    case 'missing':
      return (
        <Page title={intl.formatMessage({ id: 'link.missing.title' })}>
          <p className="lead">
            <FormattedMessage id="link.missing.body" />
          </p>
          <JoinWithCode />
        </Page>
      )
    case 'failed':
      return (
        <Page title={intl.formatMessage({ id: 'link.failed.title' })}>
          <Notice tone="error" announce>
            <FormattedMessage {...errorMessage(link.code)} />
          </Notice>
          <NativeButton variant="primary" size="large" onClick={link.retry}>
            <FormattedMessage id="link.retry" />
          </NativeButton>
        </Page>
      )
  }
}
