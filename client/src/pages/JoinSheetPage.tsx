import { useLocation, useParams } from 'wouter'
import { type OrganiserVia, WithOrganiserAccess } from '../features/organiser/access'
import { JoinSheet } from '../features/organiser/JoinSheet'
import '../styles/organiser.css'

/** `…/sheet`: the printable join sheet (QR code, code, address) of an event. */
export default function JoinSheetPage() {
  const { eventId = '' } = useParams<{ eventId: string }>()
  const [path] = useLocation()
  const via: OrganiserVia = path.startsWith('/admin') ? 'console' : 'link'
  return (
    <WithOrganiserAccess key={`${via}/${eventId}`} eventId={eventId} via={via}>
      {(access) => <JoinSheet key={access.token} access={access} />}
    </WithOrganiserAccess>
  )
}
