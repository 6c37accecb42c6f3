import { createHash } from 'node:crypto'
import { type MinutesCheck, readElections, readMinutesCheck } from '@hytepaja/shared/doc/plenary'
import { ConflictError } from '@hytepaja/shared/domain/errors'
import * as minutesCheck from '@hytepaja/shared/domain/minutesCheck'
import { canonicalJson, minutesContent } from '@hytepaja/shared/domain/minutesContent'
import { findItem } from '@hytepaja/shared/domain/plenary'
import { newId } from '@hytepaja/shared/ids'
import type { ServerContext } from '../context.js'
import type { Caller } from '../http/caller.js'
import { forbidden } from '../http/errors.js'
import { freezeAttendance } from '../store/attendance.js'
import { countComments, insertComment, listComments } from '../store/comments.js'
import { freezeFollowUp } from '../store/minutesFollowUp.js'
import { attendanceForMinutes, liveAttendance } from './attendance.js'
import { audit, changeEventDoc, readEventDoc } from './change.js'
import { followUpForMinutes, liveFollowUp } from './minutesFollowUp.js'
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

function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex')
}

/** The content the lock's hash is taken over, and its hash as it stands now. */
export async function currentContent(ctx: ServerContext, eventId: string) {
  const attendance = await attendanceForMinutes(ctx, eventId)
  const followUp = await followUpForMinutes(ctx, eventId)
  return readEventDoc(ctx, eventId, (doc) => {
    const content = minutesContent(doc, attendance, followUp)
    const check = readMinutesCheck(doc)
    return {
      content,
      sha256: sha256(canonicalJson(content)),
      locked: check.state === 'locked' ? { version: check.version, hash: check.hash } : null,
    }
  })
}

/**
 * A checker approves the draft. The approval that completes the pair locks the minutes: the
 * attendance and the follow-up item's statuses are kept as they stand, and the hash is taken over it and the event document in
 * the same step as the lock.
 */
export function approve(ctx: ServerContext, caller: Caller) {
  const eventId = caller.holder.eventId
  return serialised(ctx, eventId, async () => {
    const checker = await checkerOf(ctx, caller)
    const attendance = await liveAttendance(ctx, eventId)
    const followUp = await liveFollowUp(ctx, eventId)
    const { willLock, version } = await readEventDoc(ctx, eventId, (doc) => {
      const check = readMinutesCheck(doc)
      const others = readElections(doc).checkers.filter((c) => c.id !== checker.id)
      return {
        version: check.version,
        willLock:
          check.state === 'draft' &&
          others.length === 1 &&
          others.every((c) => check.approvals.some((a) => a.checkerId === c.id)),
      }
    })
    // Kept first: a lock whose attendance was not written would print the live list later.
    if (willLock) await freezeAttendance(ctx.db, eventId, version, attendance)
    if (willLock && followUp) await freezeFollowUp(ctx.db, eventId, version, followUp)
    const minutes = await changeEventDoc(
      ctx,
      caller,
      (result: MinutesCheck) => (result.state === 'locked' ? 'minutes.lock' : 'minutes.approve'),
      String(version),
      (doc) =>
        minutesCheck.approve(doc, checker.id, Date.now(), (lockedDoc) =>
          sha256(canonicalJson(minutesContent(lockedDoc, attendance, followUp))),
        ),
    )
    return { minutes }
  })
}

/** The organiser reopens locked minutes with a reason: a new draft version. */
export function reopen(ctx: ServerContext, caller: Caller, reason: string) {
  const eventId = caller.holder.eventId
  return serialised(ctx, eventId, async () => {
    const minutes = await changeEventDoc(ctx, caller, 'minutes.reopen', null, (doc) =>
      minutesCheck.reopen(doc, reason, Date.now(), caller.actorRole),
    )
    return { minutes }
  })
}
