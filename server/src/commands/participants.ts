import { readGroups } from '@hytepaja/shared/doc/schema/event'
import { deriveToken, hashToken, newNonce } from '../auth/tokens.js'
import type { ServerContext } from '../context.js'
import type { Caller } from '../http/caller.js'
import { ApiError, notFound } from '../http/errors.js'
import { setJoinCode } from '../store/events.js'
import {
  findParticipant,
  revokeParticipant as revokeRow,
  setParticipantGroup,
} from '../store/participants.js'
import { insertToken, revokeTokens } from '../store/tokens.js'
import { audit, readEventDoc } from './change.js'
import { uniqueJoinCode } from './events.js'
import { workshopStarted } from './groups.js'
import { closeTokenSockets, reauthoriseParticipant } from './sockets.js'

/** Removes one participant: their tokens stop working and their sockets close at once. */
export async function revokeParticipant(ctx: ServerContext, caller: Caller, participantId: string) {
  const eventId = caller.holder.eventId
  const row = await findParticipant(ctx.db, participantId)
  if (!row || row.event_id !== eventId) throw notFound('participant')
  await revokeRow(ctx.db, participantId)
  const hashes = await revokeTokens(ctx.db, { eventId, participantId })
  closeTokenSockets(ctx, hashes, 'participant removed')
  await audit(ctx, caller, 'participant.revoke', participantId)
}

/** A participant moves to another group, only while neither group's workshop has started. */
export async function changeGroup(ctx: ServerContext, caller: Caller, groupId: string) {
  const participant = caller.session?.participant
  if (!participant || !caller.session?.groupId)
    throw new ApiError(403, 'forbidden', 'participants only')
  const from = caller.session.groupId
  await readEventDoc(ctx, caller.holder.eventId, (doc) => {
    if (!readGroups(doc).some((g) => g.id === groupId))
      throw new ApiError(400, 'group.unknown', 'no such group')
    if (workshopStarted(doc, from) || workshopStarted(doc, groupId)) {
      throw new ApiError(
        409,
        'group.workshopStarted',
        'the workshop has started; ask the facilitator',
      )
    }
  })
  if (from === groupId) return
  await setParticipantGroup(ctx.db, participant.id, groupId)
  reauthoriseParticipant(ctx, participant.id)
  await audit(ctx, caller, 'participant.changeGroup', groupId)
}

/**
 * New join link and code: the old ones stop working at once (a leaked code is useless);
 * people who already joined keep their personal links.
 */
export async function rotateJoin(ctx: ServerContext, caller: Caller) {
  const eventId = caller.holder.eventId
  const nonce = newNonce()
  const token = deriveToken(ctx.secrets.linkSecret, nonce)
  const code = await ctx.db.transaction(async (tx) => {
    const hashes = await revokeTokens(tx, { eventId, role: 'join' })
    await insertToken(tx, {
      hash: hashToken(token),
      event_id: eventId,
      role: 'join',
      group_id: null,
      participant_id: null,
      nonce,
      created_at: Date.now(),
    })
    const fresh = await uniqueJoinCode(tx)
    await setJoinCode(tx, eventId, fresh)
    return { fresh, hashes }
  })
  closeTokenSockets(ctx, code.hashes, 'join link rotated')
  await audit(ctx, caller, 'join.rotate', null)
  return { joinCode: code.fresh, token }
}

/** The organiser moves a participant to another group, whatever the phase (a wrong pick). */
export async function moveParticipant(
  ctx: ServerContext,
  caller: Caller,
  participantId: string,
  groupId: string,
) {
  const eventId = caller.holder.eventId
  const row = await findParticipant(ctx.db, participantId)
  if (!row || row.event_id !== eventId || row.revoked_at !== null) throw notFound('participant')
  await readEventDoc(ctx, eventId, (doc) => {
    if (!readGroups(doc).some((g) => g.id === groupId))
      throw new ApiError(400, 'group.unknown', 'no such group')
  })
  if (row.group_id === groupId) return
  await setParticipantGroup(ctx.db, participantId, groupId)
  reauthoriseParticipant(ctx, participantId)
  await audit(ctx, caller, 'participant.move', participantId)
}
