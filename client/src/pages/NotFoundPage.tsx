import { FormattedMessage, useIntl } from 'react-intl'
import { Link } from 'wouter'
import { Page } from '../app/Page'

export function NotFoundPage() {
  const intl = useIntl()
  return (
    <Page title={intl.formatMessage({ id: 'notFound.title' })}>
      <p className="lead">
        <FormattedMessage id="notFound.body" />
      </p>
      <Link href="/" className="button button--primary button--large">
        <FormattedMessage id="notFound.home" />
      </Link>
    </Page>
  )
}
