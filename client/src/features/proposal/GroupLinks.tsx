import { FormattedMessage, useIntl } from 'react-intl'
import { Link } from 'wouter'
import '../../styles/groupLinks.css'

/**
 * From a group's board to its decision proposal and to the decision agenda. Plain links: the
 * proposal view (and Lexical with it) loads only when someone follows one.
 */
export function GroupLinks({ eventId, groupId }: { eventId: string; groupId: string }) {
  const intl = useIntl()
  return (
    <nav className="group-links" aria-label={intl.formatMessage({ id: 'proposal.links.label' })}>
      <Link href={`/e/${eventId}/g/${groupId}/proposal`} className="group-links__link">
        <FormattedMessage id="proposal.links.proposal" />
      </Link>
      <Link href={`/e/${eventId}/agenda`} className="group-links__link">
        <FormattedMessage id="proposal.links.agenda" />
      </Link>
    </nav>
  )
}
