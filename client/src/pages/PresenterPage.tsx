import { useParams } from 'wouter'
import { Presenter } from '../features/presenter/Presenter'
import { LinkProblem } from '../features/session/LinkProblem'
import { useLinkSession } from '../features/session/useLinkSession'
import { credentials } from '../sync/credentials'
import '../styles/agenda.css'
import '../styles/presenter.css'

/** The viewer link first (made for sharing a screen), then the chair's; any other reads it too. */
const PREFERENCE = ['viewer', 'chair', 'organiser', 'facilitator', 'participant', 'checker', 'join']

function presenterCredential(eventId: string) {
  const list = credentials.list(eventId)
  return (
    [...list].sort((a, b) => PREFERENCE.indexOf(a.role) - PREFERENCE.indexOf(b.role))[0] ?? null
  )
}

/**
 * `/e/{eventId}/present` (+ `#token` of the viewer or chair link): the presenter view for the
 * Teams screen share and the projector. Remote attendees open the same address.
 */
export default function PresenterPage() {
  const { eventId = '' } = useParams<{ eventId: string }>()
  const link = useLinkSession(eventId, { stored: () => presenterCredential(eventId) })
  if (link.state !== 'ready') return <LinkProblem link={link} />
  return <Presenter key={link.token} eventId={eventId} token={link.token} session={link.session} />
}
