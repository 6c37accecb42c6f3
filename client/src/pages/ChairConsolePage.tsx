import { useParams } from 'wouter'
import { ChairConsole } from '../features/plenary/ChairConsole'
import { LinkProblem } from '../features/session/LinkProblem'
import { useLinkSession } from '../features/session/useLinkSession'
import { credentials } from '../sync/credentials'
import '../styles/agenda.css'
import '../styles/plenary.css'
import '../styles/minutes.css'

/**
 * `/e/{eventId}/chair#token`: the chair's (and the secretary's) console for the plenary. The
 * organiser opens the same console from the event's management pages (`OrganiserPlenaryPage`).
 */
export default function ChairConsolePage() {
  const { eventId = '' } = useParams<{ eventId: string }>()
  const link = useLinkSession(eventId, { stored: () => credentials.forRole(eventId, 'chair') })
  if (link.state !== 'ready') return <LinkProblem link={link} />
  if (link.credential.role !== 'chair' && link.credential.role !== 'organiser')
    return <LinkProblem link={{ state: 'invalid' }} />
  return (
    <ChairConsole
      key={link.token}
      eventId={eventId}
      token={link.token}
      canReopen={link.credential.role === 'organiser'}
      session={link.session}
    />
  )
}
