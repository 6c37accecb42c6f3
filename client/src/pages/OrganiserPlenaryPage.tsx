import { FormattedMessage } from 'react-intl'
import { Link, useLocation, useParams } from 'wouter'
import { managePath, type OrganiserVia, WithOrganiserAccess } from '../features/organiser/access'
import { ChairConsole } from '../features/plenary/ChairConsole'
import '../styles/agenda.css'
import '../styles/organiser.css'
import '../styles/plenary.css'
import '../styles/minutes.css'

/**
 * `/admin/e/{eventId}/plenary` (the console key) and `/e/{eventId}/organiser/plenary` (the
 * organiser link): the chair's console with the organiser's rights, reopening included.
 */
export default function OrganiserPlenaryPage() {
  const { eventId = '' } = useParams<{ eventId: string }>()
  const [path] = useLocation()
  const via: OrganiserVia = path.startsWith('/admin') ? 'console' : 'link'
  return (
    <WithOrganiserAccess key={`${via}/${eventId}`} eventId={eventId} via={via}>
      {(access) => (
        <ChairConsole
          key={access.token}
          eventId={eventId}
          token={access.token}
          canReopen
          session={null}
          back={
            <Link href={managePath(via, eventId)} className="back-link">
              <span aria-hidden="true">←</span>
              <FormattedMessage id="plenary.console.backToManage" />
            </Link>
          }
        />
      )}
    </WithOrganiserAccess>
  )
}
