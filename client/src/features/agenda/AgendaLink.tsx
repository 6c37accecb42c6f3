import { FormattedMessage } from 'react-intl'
import { Link } from 'wouter'
import '../../styles/groupLinks.css'

/** The way to the decision agenda from the event's overview and viewer pages. */
export function AgendaLink({ eventId }: { eventId: string }) {
  return (
    <p className="group-links">
      <Link href={`/e/${eventId}/agenda`} className="group-links__link">
        <FormattedMessage id="proposal.links.agenda" />
      </Link>
    </p>
  )
}
