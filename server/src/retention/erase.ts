import { boardDocName, eventDocName, withheldDocName } from '@hytepaja/shared/doc/names'
import {
  type Elections,
  type MinutesCheck,
  type MinutesSettings,
  readElections,
  readMinutesCheck,
  readMinutesSettings,
} from '@hytepaja/shared/doc/plenary'
import { readGroups } from '@hytepaja/shared/doc/schema/event'
import type { AttendanceEntry } from '@hytepaja/shared/domain/attendance'
import {
  attendanceKeptInMinutes,
  authoredNotes,
  electedAttendees,
  eraseAuthorNames,
  eraseFacilitatorNames,
  eraseNoteAuthors,
  facilitatorNames,
} from '@hytepaja/shared/domain/retention'
import type * as Y from 'yjs'
import { liveAttendance } from '../commands/attendance.js'
import { readEventDoc } from '../commands/change.js'
import { serialised } from '../commands/serial.js'
import { closeTokenSockets } from '../commands/sockets.js'
import type { ServerContext } from '../context.js'
import { listAttendanceRows } from '../store/attendance.js'
import { recordAudit } from '../store/audit.js'
import {
  commentCount,
  deleteAttendanceRows,
  deleteComments,
  deleteFrozen,
  deletePreAnswers,
  detachAttendee,
  eraseParticipants,
  frozenVersions,
  liveParticipantLinks,
  namedParticipants,
  preAnswerCount,
  replaceFrozen,
  storedDocNames,
} from '../store/erasure.js'
import { eraseFacilitatorSeatNames } from '../store/facilitatorSeats.js'
import { unlessUnreadable } from '../store/integrity.js'
import { revokeTokens } from '../store/tokens.js'

/**
 * What a retention run erases from one event, per kind (README, "Retention"), counted the same
 * way before a run (what is still there) and by the run (what it took away).
 */
export interface ErasureCounts {
  /** Participants' names and organisations. */
  participants: number
  /** Participants' personal links, revoked. */
  participantLinks: number
  /** Attendance rows of people who were not elected to a role. */
  attendance: number
  /** Names in the attendance kept with the minutes that the minutes do not print. */
  minutesAttendanceNames: number
  preAnswers: number
  checkerComments: number
  /** Notes (shown, hidden or deleted) that say who wrote or deleted them. */
  noteAuthors: number
  facilitatorNames: number
}

export const NOTHING_ERASED: ErasureCounts = {
  participants: 0,
  participantLinks: 0,
  attendance: 0,
  minutesAttendanceNames: 0,
  preAnswers: 0,
  checkerComments: 0,
  noteAuthors: 0,
  facilitatorNames: 0,
}

interface Minutes {
  check: MinutesCheck
  elections: Elections
  settings: MinutesSettings
}

const named = (entries: AttendanceEntry[]) => entries.filter((e) => e.name !== '').length

/** What the attendance step does: rows to delete, rows to detach, frozen lists to rewrite. */
async function attendanceWork(ctx: ServerContext, eventId: string, minutes: Minutes) {
  const elected = electedAttendees(minutes.elections)
  const rows = await listAttendanceRows(ctx.db, eventId)
  const withRow = new Set(rows.map((r) => r.id))
  const live = await liveAttendance(ctx, eventId)
  const remove = rows.filter((r) => !elected.has(r.id)).map((r) => r.id)
  // Elected registered people whose presence was confirmed: their row keeps their name.
  const detach = live.filter(
    (e) => elected.has(e.id) && e.participantId !== null && withRow.has(e.id),
  )
  const frozen = (await frozenVersions(ctx.db, eventId)).map(({ version, entries }) => {
    const current = minutes.check.state === 'locked' && version === minutes.check.version
    // The version the minutes stand on keeps what they print; superseded versions are never
    // printed again (their hash stays in the record of the reopening) and go.
    const kept = current
      ? attendanceKeptInMinutes(entries, minutes.elections, minutes.settings)
      : null
    return { version, kept, names: named(entries) - (kept ? named(kept) : 0) }
  })
  return { remove, detach, frozen }
}

/**
 * The documents of an event that hold notes: each group's board and its withheld document
 * (hidden and deleted notes), and any other stored one (a removed group's).
 */
async function noteDocNames(ctx: ServerContext, eventId: string): Promise<string[]> {
  const groups = await readEventDoc(ctx, eventId, (doc) => readGroups(doc).map((g) => g.id))
  const stored = [
    ...(await storedDocNames(ctx.db, `board:${eventId}:`)),
    ...(await storedDocNames(ctx.db, `withheld:${eventId}:`)),
  ]
  const ofGroups = groups.flatMap((g) => [boardDocName(eventId, g), withheldDocName(eventId, g)])
  return [...new Set([...ofGroups, ...stored])].sort()
}

const readMinutes = (ctx: ServerContext, eventId: string) =>
  readEventDoc(ctx, eventId, (doc) => ({
    check: readMinutesCheck(doc),
    elections: readElections(doc),
    settings: readMinutesSettings(doc),
  }))

/** The personal rows an erasure would still find in SQL (cheap: no document is opened). */
export async function pendingRows(ctx: ServerContext, eventId: string): Promise<number> {
  const counts = await Promise.all([
    namedParticipants(ctx.db, eventId),
    liveParticipantLinks(ctx.db, eventId),
    preAnswerCount(ctx.db, eventId),
    commentCount(ctx.db, eventId),
  ])
  return counts.reduce((a, b) => a + b, 0)
}

/** What erasing the event now would take away (the organiser's preview). */
export async function pendingErasure(
  ctx: ServerContext,
  eventId: string,
): Promise<ErasureCounts & { unreadable: string[] }> {
  const minutes = await readMinutes(ctx, eventId)
  const work = await attendanceWork(ctx, eventId, minutes)
  const unreadable: string[] = []
  let noteAuthors = 0
  for (const name of await noteDocNames(ctx, eventId)) {
    const n = await unlessUnreadable(
      () => ctx.rooms.withDoc(name, (room) => authoredNotes(room.doc)),
      unreadable,
    )
    noteAuthors += n ?? 0
  }
  return {
    participants: await namedParticipants(ctx.db, eventId),
    participantLinks: await liveParticipantLinks(ctx.db, eventId),
    attendance: work.remove.length,
    minutesAttendanceNames: work.frozen.reduce((n, f) => n + f.names, 0),
    preAnswers: await preAnswerCount(ctx.db, eventId),
    checkerComments: await commentCount(ctx.db, eventId),
    noteAuthors,
    facilitatorNames: await readEventDoc(ctx, eventId, facilitatorNames),
    unreadable,
  }
}

/**
 * Erases a document's personal data and leaves a compacted snapshot behind: the documents are
 * garbage-collected, so the names are then in neither the stored state nor its log.
 */
function eraseDoc(ctx: ServerContext, name: string, erase: (doc: Y.Doc) => number) {
  return ctx.rooms.withDoc(name, async (room) => {
    const erased = erase(room.doc)
    await room.compact()
    return erased
  })
}

/**
 * Erases the personal data of one event (the retention run; README, "Retention"): names and
 * organisations of participants and their links, the attendance of people not elected, the
 * names the locked minutes do not print, pre-assignment answers, the checkers' comments, who
 * wrote each note (its author key) and the names published for them, the facilitators' names. Keeps the minutes as locked (their attendance as
 * printed, the elected roles, the decisions), the notes and proposals without authors, the
 * votes' totals and the audit trail (ids, never names). Safe to run again: a second run finds
 * nothing more.
 */
export function eraseEvent(
  ctx: ServerContext,
  eventId: string,
  now: number,
): Promise<ErasureCounts & { unreadable: string[] }> {
  return serialised(ctx, eventId, async () => {
    const minutes = await readMinutes(ctx, eventId)
    const work = await attendanceWork(ctx, eventId, minutes)
    const sql = await ctx.db.transaction(async (tx) => {
      for (const entry of work.detach) await detachAttendee(tx, eventId, entry, now)
      const attendance = (await deleteAttendanceRows(tx, eventId, work.remove)).changes
      for (const f of work.frozen) {
        if (f.kept) await replaceFrozen(tx, eventId, f.version, f.kept)
        else await deleteFrozen(tx, eventId, f.version)
      }
      const participants = await eraseParticipants(tx, eventId, now)
      const links = await revokeTokens(tx, { eventId, role: 'participant' }, now)
      // The facilitators' own seats lose their names and links too (counted with the
      // facilitators' names in the event document, which name the same people).
      const facilitatorLinks = await eraseFacilitatorSeatNames(tx, eventId, now)
      const preAnswers = (await deletePreAnswers(tx, eventId)).changes
      const checkerComments = (await deleteComments(tx, eventId)).changes
      return { attendance, participants, links, facilitatorLinks, preAnswers, checkerComments }
    })
    // Their open boards close at once (4401); the link opens nothing any more.
    await closeTokenSockets(ctx, [...sql.links, ...sql.facilitatorLinks], 'personal data erased')

    const unreadable: string[] = []
    let noteAuthors = 0
    for (const name of await noteDocNames(ctx, eventId)) {
      noteAuthors +=
        (await unlessUnreadable(() => eraseDoc(ctx, name, eraseNoteAuthors), unreadable)) ?? 0
    }
    // Last: a board's author names are published anew when its notes change (all keyless now).
    const facilitators = await eraseDoc(ctx, eventDocName(eventId), (doc) => {
      eraseAuthorNames(doc)
      return eraseFacilitatorNames(doc)
    })

    await recordAudit(
      ctx.db,
      {
        eventId,
        actorRole: 'system',
        actorId: 'retention',
        action: 'retention.erase',
        target: null,
      },
      now,
    )
    return {
      participants: sql.participants,
      participantLinks: sql.links.length,
      attendance: sql.attendance,
      minutesAttendanceNames: work.frozen.reduce((n, f) => n + f.names, 0),
      preAnswers: sql.preAnswers,
      checkerComments: sql.checkerComments,
      noteAuthors,
      facilitatorNames: facilitators,
      unreadable,
    }
  })
}
