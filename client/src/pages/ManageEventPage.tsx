import { useLocation, useParams } from 'wouter'
import { type OrganiserVia, WithOrganiserAccess } from '../features/organiser/access'
import { ManageEvent } from '../features/organiser/ManageEvent'
import '../styles/organiser.css'

/**
 * `/admin/e/{eventId}` (the console key) and `/e/{eventId}/organiser#token` (the event's
 * organiser link): the same management pages behind two doors.
 */
export default function ManageEventPage() {
  const { eventId = '' } = useParams<{ eventId: string }>()
  const [path] = useLocation()
  const via: OrganiserVia = path.startsWith('/admin') ? 'console' : 'link'
  return (
    <WithOrganiserAccess key={`${via}/${eventId}`} eventId={eventId} via={via}>
      {(access) => <ManageEvent key={access.token} access={access} />}
    </WithOrganiserAccess>
  )
}
