import { parseDocName } from '@hytepaja/shared/doc/names'
import { readGroupState } from '@hytepaja/shared/doc/schema'
import { docAccess } from '@hytepaja/shared/domain/permissions'
import { type Actor, facilitatorActorId } from '@hytepaja/shared/domain/roles'
import type { SqlDb } from '../store/sql.js'
import type { SyncAccess, SyncDecision } from '../sync/access.js'
import { resolveSession, type Session } from './sessions.js'

export interface SyncAccessDeps {
  db: SqlDb
  /** Whether an event exists and has this group now (asked at every socket's upgrade). */
  groupExists(eventId: string, groupId: string): Promise<boolean>
  /** Whether a proposal document part exists for a group ('main', 'body', 'action-{id}'). */
  proposalPartExists(eventId: string, groupId: string, part: string): Promise<boolean>
  /** A seat's author key on a group's board (see boards/authorKeys.ts). */
  authorKey(eventId: string, groupId: string, seatId: string): string
}

/** The actor a session writes as; the id is its seat (what author keys are derived from). */
export function actorOf(session: Session): Actor {
  if (session.participant) {
    return {
      id: session.participant.id,
      name: session.participant.displayName,
      role: 'participant',
      groupId: session.groupId ?? undefined,
    }
  }
  if (session.role === 'facilitator') {
    return {
      id: facilitatorActorId(session.groupId ?? '', session.facilitator?.id),
      // A facilitator's own seat has their name; the shared link is named by the group's list.
      name: session.facilitator?.name ?? 'facilitator',
      role: 'facilitator',
      groupId: session.groupId ?? undefined,
    }
  }
  return { id: session.role, name: session.role, role: session.role }
}

const deny = (status: 401 | 403 | 404, code: string, message: string): SyncDecision => ({
  ok: false,
  status,
  code,
  message,
})

/** The contract's WebSocket rules: 401 for a bad token, 403 for another event, 404 for no doc. */
export function createSyncAccess(deps: SyncAccessDeps): SyncAccess {
  return {
    async authorize(token, rawName) {
      const session = await resolveSession(deps.db, token)
      if (!session) return deny(401, 'token.invalid', 'missing, unknown or revoked token')
      const doc = parseDocName(rawName)
      if (!doc) return deny(404, 'doc.notFound', 'no such document')
      if (doc.eventId !== session.eventId)
        return deny(403, 'doc.forbidden', 'token of another event')
      if (doc.kind !== 'event') {
        if (!(await deps.groupExists(doc.eventId, doc.groupId))) {
          return deny(404, 'doc.notFound', 'no such group')
        }
        if (
          doc.kind === 'proposal' &&
          !(await deps.proposalPartExists(doc.eventId, doc.groupId, doc.part))
        ) {
          return deny(404, 'doc.notFound', 'no such proposal part')
        }
      }
      const holder = { eventId: session.eventId, role: session.role, groupId: session.groupId }
      const open = { boardLocked: false, proposalFrozen: false }
      if (docAccess(holder, doc, open) === 'none') {
        return deny(403, 'doc.forbidden', 'this role may not read this document')
      }
      const rightsOf = (eventDoc: Parameters<typeof readGroupState>[0]) => {
        if (doc.kind === 'event') return { boardLocked: false, proposalFrozen: false }
        const state = readGroupState(eventDoc, doc.groupId)
        return { boardLocked: state.locked, proposalFrozen: state.proposalReady }
      }
      const actor = actorOf(session)
      return {
        ok: true,
        eventId: session.eventId,
        tokenId: session.tokenHash,
        participantId: session.participant?.id ?? null,
        actor:
          doc.kind === 'board'
            ? { ...actor, authorKey: deps.authorKey(doc.eventId, doc.groupId, actor.id) }
            : actor,
        canWrite: (eventDoc) => docAccess(holder, doc, rightsOf(eventDoc)) === 'write',
      }
    },
  }
}
