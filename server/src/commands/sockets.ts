import { CloseCode } from '@hytepaja/shared/protocol/closeCodes'
import type { ControlMessage } from '../bus/types.js'
import type { ServerContext } from '../context.js'
import { findParticipant } from '../store/participants.js'
import { findToken } from '../store/tokens.js'

/*
 * Sockets and rooms may be open on any instance, so these go out as control messages
 * (ctx.bus.broadcast): each runs here at once (before the broadcast's first await, so a caller
 * that does not wait still sees its own sockets closed) and then on every other instance.
 */

/** Closes the open sockets of revoked tokens: a revocation takes effect at once. */
export function closeTokenSockets(
  ctx: ServerContext,
  tokenHashes: string[],
  reason: string,
): Promise<void> {
  if (tokenHashes.length === 0) return Promise.resolve()
  return ctx.bus.broadcast({ type: 'closeTokens', tokenIds: tokenHashes, reason })
}

/**
 * Asks a participant's sockets to reconnect (their rights changed, e.g. a new group): 45xx is
 * transient for y-websocket, so the client comes back and gets its new mode.
 */
export function reauthoriseParticipant(ctx: ServerContext, participantId: string): Promise<void> {
  return ctx.bus.broadcast({ type: 'reauthorise', participantId })
}

/**
 * Forgets deleted documents everywhere: their rooms close (4404) without writing back, their
 * pending writes are dropped and their rows deleted; with `eventId`, every socket of the event
 * closes too.
 */
export function dropDocs(
  ctx: ServerContext,
  drop: { prefixes: string[]; reason: string; eventId?: string },
): Promise<void> {
  return ctx.bus.broadcast({ type: 'dropDocs', ...drop })
}

/** What a control message does on one instance. */
export async function applyControl(ctx: ServerContext, message: ControlMessage): Promise<void> {
  // Each says that tokens, a participant's rights or an event changed: the next socket's token
  // is asked of the store again. Before any await, so before anything else can ask.
  ctx.recentSessions?.forget()
  switch (message.type) {
    case 'closeTokens': {
      const revoked = new Set(message.tokenIds)
      ctx.connections.closeWhere(
        (c) => revoked.has(c.grant.tokenId),
        CloseCode.Revoked,
        message.reason,
      )
      return
    }
    case 'reauthorise':
      ctx.connections.closeWhere(
        (c) => c.grant.participantId === message.participantId,
        CloseCode.Reauthorise,
        'rights changed',
      )
      return
    case 'dropDocs': {
      const { eventId } = message
      if (eventId) {
        ctx.connections.closeWhere(
          (c) => c.grant.eventId === eventId,
          CloseCode.Gone,
          message.reason,
        )
      }
      await ctx.rooms.evict(message.prefixes, CloseCode.Gone, message.reason)
      await ctx.docs.deleteDocs(message.prefixes)
      return
    }
  }
}

/**
 * After the bus reconnected: control messages sent meanwhile were lost, but the database
 * still tells which sockets hold a revoked token or a participant who moved group.
 */
export async function recheckSockets(ctx: ServerContext): Promise<void> {
  const verdicts = new Map<string, Promise<'keep' | 'revoked' | 'moved'>>()
  const judge = async (tokenId: string, participantId: string | null, groupId?: string) => {
    const token = await findToken(ctx.db, tokenId)
    if (!token || token.revoked_at !== null) return 'revoked'
    if (!participantId) return 'keep'
    const participant = await findParticipant(ctx.db, participantId)
    if (!participant || participant.revoked_at !== null) return 'revoked'
    return participant.group_id === groupId ? 'keep' : 'moved'
  }
  for (const connection of ctx.connections.list()) {
    const { tokenId, participantId, actor } = connection.grant
    let verdict = verdicts.get(tokenId)
    if (!verdict) {
      verdict = judge(tokenId, participantId, actor.groupId)
      verdicts.set(tokenId, verdict)
    }
    const result = await verdict
    if (result === 'revoked') connection.peer.close(CloseCode.Revoked, 'token revoked')
    else if (result === 'moved') connection.peer.close(CloseCode.Reauthorise, 'rights changed')
  }
}
