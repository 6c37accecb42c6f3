import { useParams } from 'wouter'
import { LinkProblem } from '../features/session/LinkProblem'
import { useLinkSession } from '../features/session/useLinkSession'
import { Viewer } from '../features/viewer/Viewer'
import { credentials } from '../sync/credentials'
import '../styles/viewer.css'

/** `/e/{eventId}/viewer#token`: every group's ideas, read-only, for sharing a screen. */
export default function ViewerPage() {
  const { eventId = '' } = useParams<{ eventId: string }>()
  const link = useLinkSession(eventId, { stored: () => credentials.forRole(eventId, 'viewer') })
  if (link.state !== 'ready') return <LinkProblem link={link} />
  return <Viewer key={link.token} eventId={eventId} token={link.token} session={link.session} />
}
