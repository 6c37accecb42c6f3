import { useParams } from 'wouter'
import { CheckerView } from '../features/minutes/CheckerView'
import { LinkProblem } from '../features/session/LinkProblem'
import { useLinkSession } from '../features/session/useLinkSession'
import { credentials } from '../sync/credentials'
import '../styles/agenda.css'
import '../styles/plenary.css'
import '../styles/minutes.css'

/** `/e/{eventId}/checker#token`: an elected minute-checker's personal page. */
export default function CheckerPage() {
  const { eventId = '' } = useParams<{ eventId: string }>()
  const link = useLinkSession(eventId, { stored: () => credentials.forRole(eventId, 'checker') })
  if (link.state !== 'ready') return <LinkProblem link={link} />
  if (link.credential.role !== 'checker') return <LinkProblem link={{ state: 'invalid' }} />
  return (
    <CheckerView key={link.token} eventId={eventId} token={link.token} session={link.session} />
  )
}
