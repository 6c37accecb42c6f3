import { eventDocName } from '@hytepaja/shared/doc/names'
import type * as Y from 'yjs'
import type { ServerContext } from '../context.js'
import type { Caller } from '../http/caller.js'
import { recordAudit } from '../store/audit.js'
import { reindexEvent, reindexesAfter } from './actionIndex.js'

/**
 * Applies a domain change to an event's document as a server command: on the live document
 * (so every open socket sees it at once), written to the store before the answer, and audited.
 * A change that throws (bad input) changes nothing and leaves no audit row. The audited action
 * may depend on the result (a decision recorded, or corrected); a change that can alter the
 * decided actions updates their index before the answer.
 */
export async function changeEventDoc<T>(
  ctx: ServerContext,
  caller: Caller,
  action: string | ((result: T) => string),
  target: string | null,
  change: (doc: Y.Doc) => T,
): Promise<T> {
  const name = eventDocName(caller.holder.eventId)
  const result = await ctx.rooms.withDoc(name, (room) => change(room.doc))
  await ctx.docs.flush(name)
  const audited = typeof action === 'string' ? action : action(result)
  await audit(ctx, caller, audited, target)
  if (reindexesAfter(audited)) {
    // The document changed already; an index that failed to follow is rebuilt by the next
    // change or `POST /api/actions/reindex`, and is no reason to report the change as failed.
    await reindexEvent(ctx, caller.holder.eventId).catch((err) =>
      ctx.log.error({ err, eventId: caller.holder.eventId }, 'indexing decided actions failed'),
    )
  }
  return result
}

export function audit(ctx: ServerContext, caller: Caller, action: string, target: string | null) {
  return recordAudit(ctx.db, {
    eventId: caller.holder.eventId,
    actorRole: caller.actorRole,
    actorId: caller.actorId,
    action,
    target,
  })
}

/** Reads an event's document without changing it. */
export function readEventDoc<T>(
  ctx: ServerContext,
  eventId: string,
  read: (doc: Y.Doc) => T,
): Promise<T> {
  return ctx.rooms.withDoc(eventDocName(eventId), (room) => read(room.doc))
}
