import { useParams } from 'wouter'
import { ProposalView } from '../features/proposal/ProposalView'
import { GroupLinkRoute } from '../features/session/GroupLinkRoute'
import '../styles/proposal.css'

/**
 * `/e/{eventId}/g/{groupId}/proposal`: the group's decision proposal. Its own chunk: Lexical
 * loads here and nowhere else, so the board stays light on a phone. Opened with a group's
 * shared facilitator link, it asks "Kuka olet?" as the board does.
 */
export default function ProposalPage() {
  const { eventId = '', groupId = '' } = useParams<{ eventId: string; groupId: string }>()
  return (
    <GroupLinkRoute
      key={`${eventId}/${groupId}`}
      eventId={eventId}
      groupId={groupId}
      destination="proposal"
    >
      {(link) => (
        <ProposalView
          key={link.token}
          eventId={eventId}
          groupId={groupId}
          token={link.token}
          credential={link.credential}
          session={link.session}
        />
      )}
    </GroupLinkRoute>
  )
}
