import { FormattedMessage, useIntl } from 'react-intl'
import { Link } from 'wouter'
import { Page } from '../app/Page'
import { homeOf } from '../features/session/deviceLinks'
import { JoinCodeForm } from '../features/session/JoinCodeForm'
import { roleName } from '../features/session/roleLabels'
import { credentials } from '../sync/credentials'

/** The places this device can go back to without the link: its seats and opened role links. */
function useDeviceLinks() {
  const links = credentials.eventIds().flatMap((eventId) =>
    credentials.list(eventId).flatMap((credential) => {
      const href = homeOf(eventId, credential)
      return href && credential.eventTitle ? [{ href, credential }] : []
    }),
  )
  // A facilitator's own seat and the group's shared link lead to the same board: list it once,
  // as the seat (the board opens with it).
  const seated = new Set(links.filter((l) => l.credential.facilitator).map((l) => l.href))
  const kept = links.filter((l) => l.credential.facilitator || !seated.has(l.href))
  return kept.filter((link, i) => kept.findIndex((l) => l.href === link.href) === i)
}

export default function HomePage() {
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
                    {credential.participant?.displayName ??
                      credential.facilitator?.name ??
                      intl.formatMessage(roleName(credential.role))}
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
