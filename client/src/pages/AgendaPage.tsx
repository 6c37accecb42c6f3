import { useParams } from 'wouter'
import { Agenda } from '../features/agenda/Agenda'
import { LinkProblem } from '../features/session/LinkProblem'
import { useLinkSession } from '../features/session/useLinkSession'
import { credentials } from '../sync/credentials'
import '../styles/agenda.css'

/** Any of this device's tokens for the event reads the agenda; a shared link is used last. */
const PREFERENCE = ['participant', 'facilitator', 'chair', 'organiser', 'viewer', 'join']

function bestCredential(eventId: string) {
  const list = credentials.list(eventId)
  return (
    [...list].sort((a, b) => PREFERENCE.indexOf(a.role) - PREFERENCE.indexOf(b.role))[0] ?? null
  )
}

/**
 * `/e/{eventId}/agenda` (+ `#token`): the decision agenda for everyone, also on the Teams
 * screen share through the viewer link kept on the device. Light: no Lexical here.
 */
export default function AgendaPage() {
  const { eventId = '' } = useParams<{ eventId: string }>()
  const link = useLinkSession(eventId, { stored: () => bestCredential(eventId) })
  if (link.state !== 'ready') return <LinkProblem link={link} />
  return <Agenda key={link.token} eventId={eventId} token={link.token} session={link.session} />
}
