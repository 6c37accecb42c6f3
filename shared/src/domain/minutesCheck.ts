import type * as Y from 'yjs'
import { server } from '../doc/origins.js'
import {
  type Approval,
  type MinutesCheck,
  readElections,
  readMinutesCheck,
  writeMinutesCheck,
} from '../doc/plenary.js'
import { cleanText } from '../validation/text.js'
import { ConflictError, DomainError } from './errors.js'

/**
 * The checking of the minutes: the two minute-checkers approve a version; when both have, it
 * locks with a SHA-256 of its final content, and nothing in it can change until the organiser
 * reopens it (with a reason, as a new version).
 */

export const LOCKED_MESSAGE =
  'the minutes are checked and locked; only the organiser can reopen them'

export function isLocked(doc: Y.Doc): boolean {
  return readMinutesCheck(doc).state === 'locked'
}

/** Every change to what the minutes record goes through this first. */
export function requireDraft(doc: Y.Doc): void {
  if (isLocked(doc)) throw new ConflictError('minutes.locked', LOCKED_MESSAGE)
}

/**
 * A minute-checker approves the current version. When every elected checker (two) has
 * approved, the version locks: `hashOfFinal` is asked for the SHA-256 of its canonical content
 * in the same synchronous step as the lock, so no other change can slip in between.
 */
export function approve(
  doc: Y.Doc,
  checkerId: string,
  now: number,
  hashOfFinal: (doc: Y.Doc) => string,
): MinutesCheck {
  requireDraft(doc)
  const checkers = readElections(doc).checkers
  const checker = checkers.find((c) => c.id === checkerId)
  if (!checker) {
    throw new ConflictError('minutes.notChecker', 'this person is no longer a minute-checker')
  }
  const current = readMinutesCheck(doc)
  if (current.approvals.some((a) => a.checkerId === checkerId)) return current
  const approval: Approval = {
    checkerId,
    name: checker.name,
    organisation: checker.organisation,
    at: now,
  }
  const approvals = [...current.approvals, approval]
  const allApproved =
    checkers.length >= 2 && checkers.every((c) => approvals.some((a) => a.checkerId === c.id))
  // The hash covers what the minutes decide and record, not the record of checking itself.
  const next: MinutesCheck = allApproved
    ? { ...current, approvals, state: 'locked', lockedAt: now, hash: hashOfFinal(doc) }
    : { ...current, approvals }
  doc.transact(
    () => writeMinutesCheck(doc, next),
    server(allApproved ? 'minutes.lock' : 'minutes.approve'),
  )
  return next
}

export const MAX_REOPEN_REASON = 1000

/** The organiser reopens locked minutes with a reason: a new draft version, approvals anew. */
export function reopen(doc: Y.Doc, reason: string, now: number, by: string): MinutesCheck {
  const clean = cleanText(reason, 'minutes.reason', MAX_REOPEN_REASON)
  const current = readMinutesCheck(doc)
  if (current.state !== 'locked' || current.lockedAt === null || current.hash === null) {
    throw new ConflictError('minutes.notLocked', 'the minutes are not locked')
  }
  const next: MinutesCheck = {
    state: 'draft',
    version: current.version + 1,
    approvals: [],
    lockedAt: null,
    hash: null,
    reopenings: [
      ...current.reopenings,
      {
        version: current.version,
        lockedAt: current.lockedAt,
        hash: current.hash,
        approvals: current.approvals,
        reason: clean,
        at: now,
        by,
      },
    ],
  }
  doc.transact(() => writeMinutesCheck(doc, next), server('minutes.reopen'))
  return next
}

/**
 * Approvals of people who are no longer checkers (re-elected away) do not count; called by the
 * elections when the checkers change.
 */
export function dropApprovalsOf(doc: Y.Doc, keepCheckerIds: string[]): void {
  const current = readMinutesCheck(doc)
  const approvals = current.approvals.filter((a) => keepCheckerIds.includes(a.checkerId))
  if (approvals.length !== current.approvals.length) {
    writeMinutesCheck(doc, { ...current, approvals })
  }
}

export const MAX_COMMENT = 2000

/** A checker's comment on the draft: plain text, checked like every other text. */
export function cleanComment(text: unknown): string {
  const clean = cleanText(text, 'minutes.comment', MAX_COMMENT)
  if (!clean) throw new DomainError('minutes.comment.empty', 'write the comment')
  return clean
}
