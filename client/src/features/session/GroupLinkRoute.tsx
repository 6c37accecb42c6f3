import { lazy, type ReactNode, useState } from 'react'
import { credentials } from '../../sync/credentials'
import { LinkProblem } from './LinkProblem'
import { asksWhoIsThere, type SeatDestination } from './seatPrompt'
import { type ReadyLink, useLinkSession } from './useLinkSession'

// "Kuka olet?" (React Aria's text field) is asked only on a group's shared facilitator link:
// a participant's phone never loads it. While it loads, the app's own page fallback shows.
const FacilitatorNamePrompt = lazy(() =>
  import('./FacilitatorNamePrompt').then((m) => ({ default: m.FacilitatorNamePrompt })),
)

export interface GroupLinkRouteProps {
  eventId: string
  groupId: string
  /** Where the person is going: the prompt's button says so. */
  destination: SeatDestination
  /** The page, once the link holds a seat (or is not a group's shared facilitator link). */
  children(link: ReadyLink): ReactNode
  /**
   * Told as soon as the server has answered for a link that goes straight to the page, before
   * the page renders: its documents can start loading meanwhile.
   */
  onSeated?(link: ReadyLink): void
}

/**
 * A group's own page (its board or its proposal) opened with a link or this browser's best
 * token for the group. A group's shared facilitator link asks "Kuka olet?" first, wherever it
 * is opened, so the person writes as themselves; a browser that answered once (on either
 * page) goes straight on with its own seat.
 */
export function GroupLinkRoute(props: GroupLinkRouteProps) {
  // A facilitator who said who they are opens the page again with their own seat.
  const [seats, setSeats] = useState(0)
  return <SeatedRoute key={seats} {...props} onSeat={() => setSeats((n) => n + 1)} />
}

function SeatedRoute(props: GroupLinkRouteProps & { onSeat(): void }) {
  const { eventId, groupId, destination, children, onSeat, onSeated } = props
  const link = useLinkSession(eventId, {
    stored: () => credentials.forBoard(eventId, groupId),
    onReady: (ready) => {
      if (!asksWhoIsThere(ready.credential, ready.session)) onSeated?.(ready)
    },
  })
  if (link.state !== 'ready') return <LinkProblem link={link} />
  if (asksWhoIsThere(link.credential, link.session)) {
    return (
      <FacilitatorNamePrompt
        eventId={eventId}
        groupId={groupId}
        sharedToken={link.token}
        session={link.session}
        destination={destination}
        onSeat={onSeat}
      />
    )
  }
  return <>{children(link)}</>
}
