import { FormattedMessage } from 'react-intl'
import { Link } from 'wouter'
import type { Credential } from '../../sync/credentials'

/**
 * "You are here as Aino." On a laptop passed around the table the next person needs a way to
 * join under their own name instead of writing as Aino.
 */
export function SeatNote({ eventId, credential }: { eventId: string; credential: Credential }) {
  if (credential.role !== 'participant' || !credential.participant) return null
  return (
    <p className="board__seat hint">
      <FormattedMessage id="board.seat.you" values={{ name: credential.participant.displayName }} />{' '}
      <Link href={`/e/${eventId}/join?new=1`}>
        <FormattedMessage id="board.seat.switch" />
      </Link>
    </p>
  )
}
