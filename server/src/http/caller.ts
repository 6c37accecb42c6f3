import { type Command, type Holder, mayRun } from '@hytepaja/shared/domain/permissions'
import type { Context } from 'hono'
import { resolveSession, type Session } from '../auth/sessions.js'
import type { ServerContext } from '../context.js'
import { findEvent } from '../store/events.js'
import { bearerToken, sameSecret } from './bearer.js'
import { forbidden, notFound, unauthorised } from './errors.js'

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

/** Resolves the caller of `/api/events/{eventId}/…`: 401 without a live token, 404 for no event. */
export async function callerOf(ctx: ServerContext, c: Context, eventId: string): Promise<Caller> {
  const token = bearerToken(c)
  if (sameSecret(token, ctx.secrets.adminToken)) {
    if (!(await findEvent(ctx.db, eventId))) throw notFound('event')
    return {
      holder: { eventId, role: 'organiser', groupId: null },
      session: null,
      actorId: 'console',
      actorRole: 'admin',
    }
  }
  const session = await resolveSession(ctx.db, token)
  if (!session) throw unauthorised()
  if (session.eventId !== eventId) throw forbidden('token of another event')
  return {
    holder: { eventId, role: session.role, groupId: session.groupId },
    session,
    actorId:
      session.participant?.id ??
      (session.role === 'facilitator'
        ? `facilitator:${session.groupId}`
        : session.role === 'checker'
          ? `checker:${session.checkerId}`
          : session.role),
    actorRole: session.role,
  }
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
