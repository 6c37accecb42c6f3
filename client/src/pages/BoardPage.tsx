import { useState } from 'react'
import { useParams } from 'wouter'
import { Board } from '../features/board/Board'
import { asksWhoIsThere, FacilitatorNamePrompt } from '../features/session/FacilitatorNamePrompt'
import { LinkProblem } from '../features/session/LinkProblem'
import { useLinkSession } from '../features/session/useLinkSession'
import { credentials } from '../sync/credentials'
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
  // A facilitator who said who they are opens the board again with their own seat.
  const [seats, setSeats] = useState(0)
  // A new board is a new page: its link and credential are looked up afresh.
  return (
    <BoardRoute
      key={`${eventId}/${groupId}/${seats}`}
      eventId={eventId}
      groupId={groupId}
      onSeat={() => setSeats((n) => n + 1)}
    />
  )
}

function BoardRoute(props: { eventId: string; groupId: string; onSeat(): void }) {
  const { eventId, groupId, onSeat } = props
  const link = useLinkSession(eventId, { stored: () => credentials.forBoard(eventId, groupId) })
  if (link.state !== 'ready') return <LinkProblem link={link} />
  if (asksWhoIsThere(link.credential, link.session)) {
    return (
      <FacilitatorNamePrompt
        eventId={eventId}
        groupId={groupId}
        sharedToken={link.token}
        session={link.session}
        onSeat={onSeat}
      />
    )
  }
  return (
    <Board
      key={link.token}
      eventId={eventId}
      groupId={groupId}
      token={link.token}
      credential={link.credential}
      session={link.session}
      onRightsChanged={link.refresh}
    />
  )
}
