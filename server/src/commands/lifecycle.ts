import { boardDocName, eventDocName } from '@hytepaja/shared/doc/names'
import {
  readAgenda,
  readGroupState,
  readGroups,
  readIdeas,
  readMeta,
} from '@hytepaja/shared/doc/schema'
import type { ServerContext } from '../context.js'
import type { Caller } from '../http/caller.js'
import { listAudit } from '../store/audit.js'
import { deleteEventRow, findEvent } from '../store/events.js'
import { listParticipants } from '../store/participants.js'
import { audit } from './change.js'
import { dropDocs } from './sockets.js'

/** Every document name prefix of an event. */
export function eventDocPrefixes(eventId: string): string[] {
  return [eventDocName(eventId), `board:${eventId}:`, `proposal:${eventId}:`]
}

/** Everything stored about an event, as JSON: the organiser's copy before deletion. */
export async function exportEvent(ctx: ServerContext, caller: Caller) {
  const eventId = caller.holder.eventId
  await audit(ctx, caller, 'event.export', eventId)
  const row = await findEvent(ctx.db, eventId)
  const event = await ctx.rooms.withDoc(eventDocName(eventId), (room) => ({
    meta: readMeta(room.doc),
    groups: readGroups(room.doc),
    agenda: readAgenda(room.doc),
    groupState: Object.fromEntries(
      readGroups(room.doc).map((g) => [g.id, readGroupState(room.doc, g.id)]),
    ),
  }))
  const boards: Record<string, unknown> = {}
  for (const group of event.groups) {
    boards[group.id] = await ctx.rooms.withDoc(boardDocName(eventId, group.id), (room) => ({
      ideas: readIdeas(room.doc),
    }))
  }
  const participants = await listParticipants(ctx.db, eventId)
  return {
    format: 'hytepaja-event-export',
    version: 1,
    exportedAt: new Date().toISOString(),
    event: { ...event.meta, joinCode: row?.join_code ?? null, createdAt: row?.created_at ?? null },
    groups: event.groups,
    agenda: event.agenda,
    groupState: event.groupState,
    boards,
    participants: participants.map((p) => ({
      id: p.id,
      displayName: p.display_name,
      organisation: p.organisation,
      groupId: p.group_id,
      joinedAt: p.created_at,
      removedAt: p.revoked_at,
    })),
    audit: (await listAudit(ctx.db, eventId)).map((a) => ({
      at: a.at,
      actorRole: a.actor_role,
      actorId: a.actor_id,
      action: a.action,
      target: a.target,
    })),
  }
}

/**
 * Deletes an event and everything of it: open sockets are closed (4404, the client forgets its
 * local copy), rooms are dropped without writing back, then documents, update log, snapshots,
 * tokens, participants and audit rows are deleted.
 */
export async function deleteEvent(ctx: ServerContext, eventId: string) {
  const prefixes = eventDocPrefixes(eventId)
  await dropDocs(ctx, { prefixes, reason: 'event deleted', eventId })
  // Tokens, participants and audit rows go with the event row (ON DELETE CASCADE), in one
  // statement; explicit deletes keep SQLite honest even without foreign keys enabled.
  await ctx.db.transaction(async (tx) => {
    for (const table of ['vote', 'pre_answer', 'token', 'participant', 'audit']) {
      await tx.run(`DELETE FROM ${table} WHERE event_id = ?`, [eventId])
    }
    await deleteEventRow(tx, eventId)
  })
}
