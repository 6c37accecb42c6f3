import { FormattedMessage } from 'react-intl'
import { Link, useRoute } from 'wouter'

/**
 * Every page's footer: the accessibility statement (Act 306/2019 asks for it to be reachable
 * from every page) and the privacy notice. Inside an event the notice is the event's own, which
 * also says when this event's personal data is erased.
 */
export function AppFooter() {
  const [inEvent, params] = useRoute('/e/:eventId/*')
  const privacy = inEvent ? `/e/${params.eventId}/privacy` : '/privacy'
  return (
    <footer className="app-footer">
      <ul className="app-footer__links">
        <li>
          <Link href="/accessibility" className="app-footer__link">
            <FormattedMessage id="footer.accessibility" />
          </Link>
        </li>
        <li>
          <Link href={privacy} className="app-footer__link">
            <FormattedMessage id="footer.privacy" />
          </Link>
        </li>
      </ul>
    </footer>
  )
}
