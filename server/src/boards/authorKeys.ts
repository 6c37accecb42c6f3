import { createHmac } from 'node:crypto'
import { docAccess, type Holder } from '@hytepaja/shared/domain/permissions'

/**
 * A seat's author key on one board: an HMAC of the board and the seat (a participant id, or
 * `facilitator:{groupId}` / `organiser` for the shared links) under LINK_SECRET. Opaque and
 * not derivable without the secret, so a note's key tells a reader nothing; different on
 * every board, so one person's notes cannot be linked across groups; the same on every
 * instance and after a restart, so nothing needs storing to recognise an author.
 */
export function authorKey(secret: string, eventId: string, groupId: string, seatId: string) {
  return createHmac('sha256', secret)
    .update(`author-key\0${eventId}\0${groupId}\0${seatId}`)
    .digest('base64url')
    .slice(0, 22)
}

/**
 * A token's own author keys, per group whose board it may write (rights aside: a locked board
 * is still one's own). The client keeps them to recognise its own notes, offline too.
 */
export function ownAuthorKeys(
  secret: string,
  holder: Holder,
  seatId: string,
  groupIds: string[],
): Record<string, string> {
  const open = { boardLocked: false, proposalFrozen: false }
  return Object.fromEntries(
    groupIds
      .filter(
        (groupId) =>
          docAccess(holder, { kind: 'board', eventId: holder.eventId, groupId }, open) === 'write',
      )
      .map((groupId) => [groupId, authorKey(secret, holder.eventId, groupId, seatId)]),
  )
}
