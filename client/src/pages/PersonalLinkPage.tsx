import { Redirect, useParams } from 'wouter'
import { homeOf } from '../features/session/deviceLinks'
import { LinkProblem } from '../features/session/LinkProblem'
import { useLinkSession } from '../features/session/useLinkSession'
import { credentials } from '../sync/credentials'

/**
 * `/e/{eventId}/me#<participant token>`: a person's own link, for a second device. The token
 * becomes this device's seat and the person lands on their group's board.
 */
export default function PersonalLinkPage() {
  const { eventId = '' } = useParams<{ eventId: string }>()
  const link = useLinkSession(eventId, { stored: () => credentials.seat(eventId) })
  if (link.state !== 'ready') return <LinkProblem link={link} />
  const target = homeOf(eventId, link.credential)
  if (!target) return <LinkProblem link={{ state: 'invalid' }} />
  return <Redirect to={target} replace />
}
