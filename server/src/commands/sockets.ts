import { CloseCode } from '@hytepaja/shared/protocol/closeCodes'
import type { ServerContext } from '../context.js'

/** Closes the open sockets of revoked tokens: a revocation takes effect at once. */
export function closeTokenSockets(
  ctx: ServerContext,
  tokenHashes: string[],
  reason: string,
): number {
  if (tokenHashes.length === 0) return 0
  const revoked = new Set(tokenHashes)
  return ctx.connections.closeWhere((c) => revoked.has(c.grant.tokenId), CloseCode.Revoked, reason)
}

/**
 * Asks a participant's sockets to reconnect (their rights changed, e.g. a new group): 45xx is
 * transient for y-websocket, so the client comes back and gets its new mode.
 */
export function reauthoriseParticipant(ctx: ServerContext, participantId: string): number {
  return ctx.connections.closeWhere(
    (c) => c.grant.participantId === participantId,
    CloseCode.Reauthorise,
    'rights changed',
  )
}
