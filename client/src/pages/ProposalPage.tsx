import { useParams } from 'wouter'
import { ProposalView } from '../features/proposal/ProposalView'
import { LinkProblem } from '../features/session/LinkProblem'
import { useLinkSession } from '../features/session/useLinkSession'
import { credentials } from '../sync/credentials'
import '../styles/proposal.css'

/**
 * `/e/{eventId}/g/{groupId}/proposal`: the group's decision proposal. Its own chunk: Lexical
 * loads here and nowhere else, so the board stays light on a phone.
 */
export default function ProposalPage() {
  const { eventId = '', groupId = '' } = useParams<{ eventId: string; groupId: string }>()
  return <ProposalRoute key={`${eventId}/${groupId}`} eventId={eventId} groupId={groupId} />
}

function ProposalRoute({ eventId, groupId }: { eventId: string; groupId: string }) {
  const link = useLinkSession(eventId, { stored: () => credentials.forBoard(eventId, groupId) })
  if (link.state !== 'ready') return <LinkProblem link={link} />
  return (
    <ProposalView
      key={link.token}
      eventId={eventId}
      groupId={groupId}
      token={link.token}
      credential={link.credential}
      session={link.session}
    />
  )
}
