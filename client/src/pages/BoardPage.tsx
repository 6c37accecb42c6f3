import { useParams } from 'wouter'
import { Board } from '../features/board/Board'
import { openBoardEarly } from '../features/board/useBoardModel'
import { GroupLinkRoute } from '../features/session/GroupLinkRoute'
import '../styles/board.css'
import '../styles/board-notes.css'
import '../styles/board-canvas.css'
import '../styles/board-facilitation.css'

/**
 * `/e/{eventId}/g/{groupId}` (+ `#token` for facilitator links): a group's board, opened with
 * the token of the link or the best one this device holds for the event.
 */
export default function BoardPage() {
  const { eventId = '', groupId = '' } = useParams<{ eventId: string; groupId: string }>()
  // A new board is a new page: its link and credential are looked up afresh.
  return (
    <GroupLinkRoute
      key={`${eventId}/${groupId}`}
      eventId={eventId}
      groupId={groupId}
      destination="board"
      onSeated={(link) => openBoardEarly(eventId, groupId, link.token)}
    >
      {(link) => (
        <Board
          key={link.token}
          eventId={eventId}
          groupId={groupId}
          token={link.token}
          credential={link.credential}
          session={link.session}
          onRightsChanged={link.refresh}
        />
      )}
    </GroupLinkRoute>
  )
}
