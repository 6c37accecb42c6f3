import { type DocName, parseDocName } from '@hytepaja/shared/doc/names'
import { readGroupState } from '@hytepaja/shared/doc/schema/event'
import { docAccess, type GroupRights, type Holder } from '@hytepaja/shared/domain/permissions'
import { type Actor, facilitatorActorId } from '@hytepaja/shared/domain/roles'
import type * as Y from 'yjs'
import type { SyncAccess, SyncDecision, SyncGrant } from '../sync/access.js'
import { whenKnown } from '../whenKnown.js'
import type { Session } from './sessions.js'

export interface SyncAccessDeps {
  /**
   * Who a token speaks for now (`resolveSession`, or the recent sessions that stand for it):
   * at once when it is known without a query.
   */
  session(token: string | undefined): Session | null | Promise<Session | null>
  /**
   * Whether the event has this group now (asked at every socket's upgrade). Asked only for the
   * event of a live token, which `session` finds only while the event exists: the event
   * document it reads is never one of an event that is gone. At once when that document is
   * loaded.
   */
  groupExists(eventId: string, groupId: string): boolean | Promise<boolean>
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

/**
 * The contract's WebSocket rules: 401 for a bad token, 403 for another event, 404 for no doc.
 * Decided at once, without a promise, when the session is kept and the event document loaded
 * (a join while others of its event are open); each awaited step was a promise job, its
 * promise and the suspended function's state, for every socket.
 */
export function createSyncAccess(deps: SyncAccessDeps): SyncAccess {
  const grants: Grants = { deps, bySession: new WeakMap() }
  return {
    authorize: (token, rawName) =>
      whenKnown(deps.session(token), (session) => decideFor(grants, session, rawName)),
  }
}

/**
 * The grants made, per session object and document name. A grant is kept by every socket it
 * let in (~300 bytes with its actor, holder and parsed name), and the sockets of one token on
 * one document are many (a shared link's devices, phones reconnecting): while the same session
 * object stands for the token (`RecentSessions` gives it back until something about tokens,
 * seats or participants changes), its grant for a document is the same and is shared. Keyed
 * weakly: a session no longer kept takes its grants' entries with it (the sockets keep theirs).
 */
interface Grants {
  deps: SyncAccessDeps
  bySession: WeakMap<Session, Map<string, SyncGrant>>
}

function decideFor(
  grants: Grants,
  session: Session | null,
  rawName: string,
): SyncDecision | Promise<SyncDecision> {
  if (!session) return deny(401, 'token.invalid', 'missing, unknown or revoked token')
  const doc = parseDocName(rawName)
  if (!doc) return deny(404, 'doc.notFound', 'no such document')
  if (doc.eventId !== session.eventId) return deny(403, 'doc.forbidden', 'token of another event')
  if (doc.kind === 'event') return sharedGrant(grants, session, rawName, doc)
  return whenKnown(grants.deps.groupExists(doc.eventId, doc.groupId), (exists) =>
    inGroup(grants, session, rawName, doc, exists),
  )
}

/** A group's document, once the group's existence is known. */
function inGroup(
  grants: Grants,
  session: Session,
  rawName: string,
  doc: Exclude<DocName, { kind: 'event' }>,
  groupExists: boolean,
): SyncDecision | Promise<SyncDecision> {
  if (!groupExists) return deny(404, 'doc.notFound', 'no such group')
  if (doc.kind !== 'proposal') return sharedGrant(grants, session, rawName, doc)
  return grants.deps
    .proposalPartExists(doc.eventId, doc.groupId, doc.part)
    .then((found) =>
      found
        ? sharedGrant(grants, session, rawName, doc)
        : deny(404, 'doc.notFound', 'no such proposal part'),
    )
}

/** The session's grant for this document: the one made before for it, or a new one. */
function sharedGrant(
  grants: Grants,
  session: Session,
  rawName: string,
  doc: DocName,
): SyncDecision {
  let made = grants.bySession.get(session)
  const kept = made?.get(rawName)
  if (kept) return kept
  const decision = grantFor(grants.deps, session, doc)
  if (decision.ok) {
    if (!made) {
      made = new Map()
      grants.bySession.set(session, made)
    }
    made.set(rawName, decision)
  }
  return decision
}

/** The grant for a document that exists, if the token's role may read it. */
function grantFor(deps: SyncAccessDeps, session: Session, doc: DocName): SyncDecision {
  const holder = { eventId: session.eventId, role: session.role, groupId: session.groupId }
  if (docAccess(holder, doc, OPEN) === 'none') {
    return deny(403, 'doc.forbidden', 'this role may not read this document')
  }
  const actor = actorOf(session)
  return new SocketGrant(
    session.eventId,
    session.tokenHash,
    session.participant?.id ?? null,
    doc.kind === 'board'
      ? { ...actor, authorKey: deps.authorKey(doc.eventId, doc.groupId, actor.id) }
      : actor,
    holder,
    doc,
  )
}

const OPEN: GroupRights = { boardLocked: false, proposalFrozen: false }

/**
 * A socket's rights, kept for as long as it is open and read against the live event document
 * at every update it sends. A class rather than an object of closures: one is kept per socket
 * (or per session and document, shared by their sockets).
 */
class SocketGrant implements SyncGrant {
  readonly ok = true

  constructor(
    readonly eventId: string,
    readonly tokenId: string,
    readonly participantId: string | null,
    readonly actor: Actor,
    private readonly holder: Holder,
    private readonly doc: DocName,
  ) {}

  canWrite(eventDoc: Y.Doc): boolean {
    return docAccess(this.holder, this.doc, rightsIn(eventDoc, this.doc)) === 'write'
  }
}

/** The group's lock and proposal mark as the event document has them now. */
function rightsIn(eventDoc: Y.Doc, doc: DocName): GroupRights {
  if (doc.kind === 'event') return OPEN
  const state = readGroupState(eventDoc, doc.groupId)
  return { boardLocked: state.locked, proposalFrozen: state.proposalReady }
}
