import { type Command, type Holder, mayRun } from '@hytepaja/shared/domain/permissions'
import { facilitatorActorId } from '@hytepaja/shared/domain/roles'
import type { Context } from 'hono'
import { resolveSession, type Session } from '../auth/sessions.js'
import { hashToken } from '../auth/tokens.js'
import type { ServerContext } from '../context.js'
import { findEvent } from '../store/events.js'
import { findToken } from '../store/tokens.js'
import { bearerToken, sameSecret } from './bearer.js'
import { addressKey, clientAddress } from './clientAddress.js'
import { ApiError, forbidden, notFound, unauthorised } from './errors.js'

declare module 'hono' {
  interface ContextVariableMap {
    /** The caller of an event-scoped request, resolved once (before its body is read). */
    caller: Caller
  }
}

/** Who calls an event-scoped route: the console key (organiser of every event) or a token. */
export interface Caller {
  holder: Holder
  session: Session | null
  /**
   * For the audit trail: a participant id, or the role (with the group for facilitators, the
   * seat for minute-checkers).
   */
  actorId: string
  actorRole: string
}

/**
 * Resolves the caller of `/api/events/{eventId}/…`: 401 without a live token, 404 for no event.
 * Resolved once per request: app.ts does it before the body is read.
 */
export async function callerOf(ctx: ServerContext, c: Context, eventId: string): Promise<Caller> {
  const known = c.get('caller')
  if (known && known.holder.eventId === eventId) return known
  const token = bearerToken(c)
  const session = await resolveSession(ctx.db, token)
  if (!session) {
    if (!(await isConsoleKey(ctx, c, token))) throw unauthorised()
    if (!(await findEvent(ctx.db, eventId))) throw notFound('event')
    const caller: Caller = {
      holder: { eventId, role: 'organiser', groupId: null },
      session: null,
      actorId: 'console',
      actorRole: 'admin',
    }
    c.set('caller', caller)
    return caller
  }
  if (session.eventId !== eventId) throw forbidden('token of another event')
  const caller: Caller = {
    holder: { eventId, role: session.role, groupId: session.groupId },
    session,
    actorId:
      session.participant?.id ??
      (session.role === 'facilitator'
        ? facilitatorActorId(session.groupId ?? '', session.facilitator?.id)
        : session.role === 'checker'
          ? `checker:${session.checkerId}`
          : session.role),
    actorRole: session.role,
  }
  c.set('caller', caller)
  return caller
}

/**
 * Whether `token` is the console key. The console key is the one secret a person may choose,
 * so wrong guesses are counted per address and, past the limit, nothing from that address is
 * compared with it for a minute (429). Event tokens are checked before this and never limited:
 * they are random and unguessable, and a venue sharing one address keeps working.
 */
export async function isConsoleKey(
  ctx: ServerContext,
  c: Context,
  token: string | undefined,
): Promise<boolean> {
  if (!token) return false
  const address = addressKey(clientAddress(c, ctx.config.trustProxy))
  if (await ctx.limits.tokens.blocked(address)) {
    ctx.metrics.refusedRequests.inc({ reason: 'tokenGuesses' })
    throw new ApiError(429, 'auth.rateLimited', 'too many wrong keys, wait a minute')
  }
  if (sameSecret(token, ctx.secrets.adminToken)) return true
  // A token the server once made (now revoked, or its participant removed) is no guess: a phone
  // left open on a revoked link must not lock the console key out of the whole venue.
  if (!(await findToken(ctx.db, hashToken(token)))) await ctx.limits.tokens.fail(address)
  return false
}

/** Throws 403 unless the caller may run `command` (on `groupId` for group commands). */
export function requireCommand(caller: Caller, command: Command, groupId?: string): void {
  if (!mayRun(caller.holder, command, groupId))
    throw forbidden(`${caller.holder.role} may not ${command}`)
}

/** Caller resolution plus the permission check, for the common case. */
export async function authorise(
  ctx: ServerContext,
  c: Context,
  eventId: string,
  command: Command,
  groupId?: string,
): Promise<Caller> {
  const caller = await callerOf(ctx, c, eventId)
  requireCommand(caller, command, groupId)
  return caller
}
