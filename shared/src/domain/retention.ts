import * as Y from 'yjs'
import { server } from '../doc/origins.js'
import type { Elections, MinutesCheck, MinutesSettings } from '../doc/plenary.js'
import { type Idea, ideasRoot, readIdea, setIdeaField } from '../doc/schema/board.js'
import { authorsRoot, type EventMeta, groupsRoot, readGroups } from '../doc/schema/event.js'
import type { RetentionMonths } from '../service/settings.js'
import { type AttendanceEntry, isPresent } from './attendance.js'

/**
 * The retention of an event's personal data (README, "Retention"). When the minutes are locked,
 * participants' personal data is erased `afterLockMonths` after the lock; while they are not
 * (never locked, or reopened), `afterEndMonths` after the event's end. What is erased and what
 * is kept is decided here, as plain functions over the documents and the attendance; the
 * server's retention run carries them out on the stored rows and documents.
 */

export type RetentionRule = 'afterLock' | 'afterEnd'

export interface RetentionPlan {
  rule: RetentionRule
  /** The moment the months are counted from: the lock, or the event's end (ms). */
  from: number
  months: number
  /** When the personal data is erased (ms). */
  dueAt: number
}

/**
 * `at` plus whole calendar months in UTC; a day the target month lacks becomes its last day
 * (31 January + 1 month = 28 or 29 February).
 */
export function addMonths(at: number, months: number): number {
  const date = new Date(at)
  const day = date.getUTCDate()
  const target = new Date(at)
  target.setUTCDate(1)
  target.setUTCMonth(target.getUTCMonth() + months)
  const lastDay = new Date(
    Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0),
  ).getUTCDate()
  target.setUTCDate(Math.min(day, lastDay))
  return target.getTime()
}

/**
 * When an event ended: its end time, else its start (a one-day event), else when it was made
 * (an event whose times cannot be read still gets a date).
 */
export function eventEnd(meta: Pick<EventMeta, 'startsAt' | 'endsAt'> | null, createdAt: number) {
  for (const text of [meta?.endsAt, meta?.startsAt]) {
    const at = text ? Date.parse(text) : Number.NaN
    if (Number.isFinite(at)) return at
  }
  return createdAt
}

/** When an event's personal data is erased, by the rule that applies to it now. */
export function retentionPlan(
  check: Pick<MinutesCheck, 'state' | 'lockedAt'>,
  endedAt: number,
  months: RetentionMonths,
): RetentionPlan {
  if (check.state === 'locked' && check.lockedAt !== null) {
    return {
      rule: 'afterLock',
      from: check.lockedAt,
      months: months.afterLockMonths,
      dueAt: addMonths(check.lockedAt, months.afterLockMonths),
    }
  }
  return {
    rule: 'afterEnd',
    from: endedAt,
    months: months.afterEndMonths,
    dueAt: addMonths(endedAt, months.afterEndMonths),
  }
}

/** The attendee ids of the people elected to an official role (§4). */
export function electedAttendees(elections: Elections): Set<string> {
  return new Set(
    [
      elections.chair,
      elections.secretary,
      ...elections.checkers,
      ...elections.voteCounters,
    ].flatMap((p) => (p?.attendeeId ? [p.attendeeId] : [])),
  )
}

/**
 * The attendance a locked version of the minutes keeps after the retention run: exactly what
 * makes the minutes print the same (so their hash stays true), without names they do not
 * print. The people the minutes name (the elected ones, or everyone present when the setting
 * names everyone) stay as they are; every other person present stays only as an organisation
 * and a presence, which the organisations present and the counts are made of; absent and
 * unconfirmed people go.
 */
export function attendanceKeptInMinutes(
  entries: AttendanceEntry[],
  elections: Elections,
  settings: MinutesSettings,
): AttendanceEntry[] {
  const elected = electedAttendees(elections)
  let unnamed = 0
  return entries.filter(isPresent).map((entry) => {
    if (settings.fullAttendance || elected.has(entry.id)) return entry
    unnamed++
    return {
      id: `unnamed-${unnamed}`,
      participantId: null,
      name: '',
      organisation: entry.organisation,
      groupId: null,
      presence: entry.presence,
      arrivedAt: null,
    }
  })
}

/**
 * Takes off who wrote and who deleted each note of a board (or of its withheld document): the
 * author key names a seat, and through it a person. Returns how many notes it changed.
 */
export function eraseNoteAuthors(doc: Y.Doc): number {
  let erased = 0
  doc.transact(() => {
    ideasRoot(doc).forEach((map, id) => {
      if (!(map instanceof Y.Map) || !isAuthored(readIdea(id, map))) return
      setIdeaField(map, 'authorKey', '')
      if (map.get('deletedBy')) setIdeaField(map, 'deletedBy', '')
      erased++
    })
  }, server('retention'))
  return erased
}

const isAuthored = (idea: Idea) => idea.authorKey !== '' || Boolean(idea.deletedBy)

/** How many notes of a board still say who wrote or deleted them. */
export function authoredNotes(doc: Y.Doc): number {
  let count = 0
  ideasRoot(doc).forEach((map, id) => {
    if (map instanceof Y.Map && isAuthored(readIdea(id, map))) count++
  })
  return count
}

/** Removes every group's published author names from the event document. */
export function eraseAuthorNames(doc: Y.Doc): void {
  const groups = [...authorsRoot(doc).keys()]
  if (groups.length === 0) return
  doc.transact(() => {
    for (const groupId of groups) authorsRoot(doc).delete(groupId)
  }, server('retention'))
}

/**
 * The people named in the event document outside the minutes: the groups' facilitators (the
 * published author names go with `eraseAuthorNames`). The elected roles, the checkers'
 * approvals and the agenda's presenters are part of the minutes and stay. Returns how many
 * names it took off.
 */
export function eraseFacilitatorNames(doc: Y.Doc): number {
  const named = readGroups(doc).filter((g) => g.facilitators.length > 0)
  if (named.length === 0) return 0
  doc.transact(() => {
    for (const group of named) groupsRoot(doc).set(group.id, { ...group, facilitators: [] })
  }, server('retention'))
  return named.reduce((n, g) => n + g.facilitators.length, 0)
}

/** How many facilitator names the event document holds. */
export function facilitatorNames(doc: Y.Doc): number {
  return readGroups(doc).reduce((n, g) => n + g.facilitators.length, 0)
}
