import { boardDocName, proposalDocName, withheldDocName } from '@hytepaja/shared/doc/names'
import { readGroupState } from '@hytepaja/shared/doc/schema/event'
import * as groups from '@hytepaja/shared/domain/groups'
import { newId } from '@hytepaja/shared/ids'
import { deriveToken, hashToken, newNonce } from '../auth/tokens.js'
import type { ServerContext } from '../context.js'
import type { Caller } from '../http/caller.js'
import { ApiError } from '../http/errors.js'
import { listParticipants } from '../store/participants.js'
import { insertToken, revokeTokens } from '../store/tokens.js'
import { changeEventDoc } from './change.js'
import { followNamedFacilitators } from './facilitatorSeats.js'
import { closeTokenSockets, dropDocs } from './sockets.js'

/** The document-name prefixes that belong to one group (its board and proposal documents). */
export function groupDocPrefixes(eventId: string, groupId: string): string[] {
  return [
    boardDocName(eventId, groupId),
    proposalDocName(eventId, groupId, ''),
    withheldDocName(eventId, groupId),
  ]
}

/** Adds a group with its facilitator link. */
export async function addGroup(
  ctx: ServerContext,
  caller: Caller,
  input: groups.GroupInput & { name: string },
) {
  const eventId = caller.holder.eventId
  const id = newId(8)
  const group = await changeEventDoc(ctx, caller, 'group.add', id, (doc) =>
    groups.add(doc, id, input),
  )
  const nonce = newNonce()
  await insertToken(ctx.db, {
    hash: hashToken(deriveToken(ctx.secrets.linkSecret, nonce)),
    event_id: eventId,
    role: 'facilitator',
    group_id: id,
    participant_id: null,
    nonce,
    created_at: Date.now(),
  })
  await followNamedFacilitators(ctx, eventId, id, group.facilitators)
  return group
}

/**
 * Removes a group: refused while participants sit in it (they would lose their board); its
 * facilitator link is revoked and its board and proposal documents are deleted.
 */
export async function removeGroup(ctx: ServerContext, caller: Caller, groupId: string) {
  const eventId = caller.holder.eventId
  const seated = (await listParticipants(ctx.db, eventId)).filter(
    (p) => p.group_id === groupId && p.revoked_at === null,
  )
  if (seated.length > 0) {
    throw new ApiError(
      409,
      'group.hasParticipants',
      'participants sit in this group; move or remove them first',
    )
  }
  await changeEventDoc(ctx, caller, 'group.remove', groupId, (doc) => groups.remove(doc, groupId))
  const revoked = await revokeTokens(ctx.db, { eventId, role: 'facilitator', groupId })
  await closeTokenSockets(ctx, revoked, 'group removed')
  await dropDocs(ctx, { prefixes: groupDocPrefixes(eventId, groupId), reason: 'group removed' })
}

/** Whether a group's workshop has started (participants may change group until then). */
export function workshopStarted(
  doc: Parameters<typeof readGroupState>[0],
  groupId: string,
): boolean {
  return readGroupState(doc, groupId).phase !== 'waiting'
}
