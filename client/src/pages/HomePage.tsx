import { FormattedMessage, useIntl } from 'react-intl'
import { Link } from 'wouter'
import { Page } from '../app/Page'
import { homeOf } from '../features/session/deviceLinks'
import { JoinCodeForm } from '../features/session/JoinCodeForm'
import { roleName } from '../features/session/roleLabels'
import { credentials } from '../sync/credentials'

/** The places this device can go back to without the link: its seats and opened role links. */
function useDeviceLinks() {
  return credentials.eventIds().flatMap((eventId) =>
    credentials.list(eventId).flatMap((credential) => {
      const href = homeOf(eventId, credential)
      return href && credential.eventTitle ? [{ href, credential }] : []
    }),
  )
}

export function HomePage() {
  const intl = useIntl()
  const links = useDeviceLinks()
  return (
    <Page title={intl.formatMessage({ id: 'home.title' })}>
      <p className="lead">
        <FormattedMessage id="home.lead" />
      </p>
      {links.length > 0 ? (
        <section className="stack" aria-labelledby="home-links-heading">
          <h2 id="home-links-heading">
            <FormattedMessage id="home.continue.heading" />
          </h2>
          <ul className="link-list">
            {links.map(({ href, credential }) => (
              <li key={href}>
                <Link href={href} className="link-card">
                  <span className="link-card__title">{credential.eventTitle}</span>
                  <span className="link-card__meta">
                    {credential.participant
                      ? credential.participant.displayName
                      : intl.formatMessage(roleName(credential.role))}
                  </span>
                </Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <section className="card stack" aria-labelledby="home-code-heading">
        <h2 id="home-code-heading">
          <FormattedMessage id="home.code.heading" />
        </h2>
        <JoinCodeForm />
      </section>
    </Page>
  )
}
