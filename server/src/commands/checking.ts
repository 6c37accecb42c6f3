import { readElections, readMinutesCheck } from '@hytepaja/shared/doc/plenary'
import { ConflictError } from '@hytepaja/shared/domain/errors'
import * as minutesCheck from '@hytepaja/shared/domain/minutesCheck'
import { findItem } from '@hytepaja/shared/domain/plenary'
import { newId } from '@hytepaja/shared/ids'
import type { ServerContext } from '../context.js'
import type { Caller } from '../http/caller.js'
import { forbidden } from '../http/errors.js'
import { countComments, insertComment, listComments } from '../store/comments.js'
import { audit, readEventDoc } from './change.js'
import { serialised } from './serial.js'

/**
 * The minute-checkers' side: who they are, their comments per agenda item (kept in SQL: the
 * secretary reads them, the event's other tokens do not), and their approval.
 */

/** Comments one event may collect (both checkers together). */
export const MAX_COMMENTS = 300

/** The elected checker a checker token speaks for; 403 when they lost the seat. */
export async function checkerOf(ctx: ServerContext, caller: Caller) {
  const checkerId = caller.session?.checkerId
  const elections = await readEventDoc(ctx, caller.holder.eventId, readElections)
  const checker = elections.checkers.find((c) => c.id === checkerId)
  if (!checker) throw forbidden('no longer a minute-checker')
  return checker
}

/** A checker's own view: who they are and where the checking stands. */
export async function checkerSelf(ctx: ServerContext, caller: Caller) {
  const checker = await checkerOf(ctx, caller)
  const minutes = await readEventDoc(ctx, caller.holder.eventId, readMinutesCheck)
  return {
    checker,
    approved: minutes.approvals.some((a) => a.checkerId === checker.id),
    minutes,
  }
}

export interface CommentView {
  id: string
  checkerId: string
  checkerName: string
  itemId: string | null
  text: string
  version: number
  at: number
}

export async function commentsOf(ctx: ServerContext, eventId: string): Promise<CommentView[]> {
  return (await listComments(ctx.db, eventId)).map((row) => ({
    id: row.id,
    checkerId: row.checker_id,
    checkerName: row.checker_name,
    itemId: row.item_id,
    text: row.text,
    version: Number(row.version),
    at: Number(row.created_at),
  }))
}

/** A checker comments on the draft, on one agenda item or (itemId null) on the whole. */
export function addComment(
  ctx: ServerContext,
  caller: Caller,
  input: { itemId: string | null; text: string },
) {
  const eventId = caller.holder.eventId
  return serialised(ctx, eventId, async () => {
    const text = minutesCheck.cleanComment(input.text)
    const checker = await checkerOf(ctx, caller)
    const version = await readEventDoc(ctx, eventId, (doc) => {
      minutesCheck.requireDraft(doc)
      if (input.itemId !== null) findItem(doc, input.itemId)
      return readMinutesCheck(doc).version
    })
    if ((await countComments(ctx.db, eventId)) >= MAX_COMMENTS)
      throw new ConflictError('minutes.comments.tooMany', `at most ${MAX_COMMENTS} comments`)
    const row = {
      id: newId(12),
      event_id: eventId,
      checker_id: checker.id,
      checker_name: checker.name,
      item_id: input.itemId,
      text,
      version,
      created_at: Date.now(),
    }
    await insertComment(ctx.db, row)
    await audit(ctx, caller, 'minutes.comment', input.itemId)
    return (await commentsOf(ctx, eventId)).find((c) => c.id === row.id) as CommentView
  })
}
