import { readMinutesCheck } from '@hytepaja/shared/doc/plenary'
import {
  type AttendanceEntry,
  type AttendanceInput,
  cleanAttendance,
  cleanNewAttendee,
  MAX_ADDED_ATTENDEES,
} from '@hytepaja/shared/domain/attendance'
import { ConflictError, NotFoundError } from '@hytepaja/shared/domain/errors'
import { isLocked, LOCKED_MESSAGE } from '@hytepaja/shared/domain/minutesCheck'
import { newId } from '@hytepaja/shared/ids'
import type { ServerContext } from '../context.js'
import type { Caller } from '../http/caller.js'
import {
  type AttendanceRow,
  countAdded,
  deleteAttendanceRow,
  findAttendanceRow,
  frozenAttendance,
  listAttendanceRows,
  writeAttendanceRow,
} from '../store/attendance.js'
import { findParticipant, listParticipants } from '../store/participants.js'
import { audit, readEventDoc } from './change.js'
import { serialised } from './serial.js'

/**
 * §2 attendance, kept in SQL (it names everyone present; the event document is synced by every
 * token of the event). Registered participants appear with their registration until the
 * secretary confirms them; people who never registered are added by hand.
 */

/** Everyone registered (not removed) with their attendance, then the people added. */
export async function liveAttendance(
  ctx: ServerContext,
  eventId: string,
): Promise<AttendanceEntry[]> {
  const participants = (await listParticipants(ctx.db, eventId)).filter(
    (p) => p.revoked_at === null,
  )
  const rows = await listAttendanceRows(ctx.db, eventId)
  const byId = new Map(rows.map((r) => [r.id, r]))
  const registered = participants.map((p): AttendanceEntry => {
    const row = byId.get(p.id)
    return {
      id: p.id,
      participantId: p.id,
      name: row?.name ?? p.display_name,
      organisation: row?.organisation ?? p.organisation,
      groupId: p.group_id,
      presence: row?.presence ?? null,
      arrivedAt: row?.arrived_at ?? null,
    }
  })
  const added = rows
    .filter((r) => r.participant_id === null)
    .map(
      (r): AttendanceEntry => ({
        id: r.id,
        participantId: null,
        name: r.name ?? '',
        organisation: r.organisation,
        groupId: null,
        presence: r.presence,
        arrivedAt: r.arrived_at,
      }),
    )
  return [...registered, ...added]
}

/**
 * The attendance of the meeting (for the minutes, the chair's list, the export): while the
 * minutes are locked, as it stood at the lock (the locked minutes print it and their hash
 * covers it, whatever happens to the participants later); while a draft, the live list.
 */
export async function attendanceForMinutes(
  ctx: ServerContext,
  eventId: string,
): Promise<AttendanceEntry[]> {
  const check = await readEventDoc(ctx, eventId, readMinutesCheck)
  if (check.state === 'locked') {
    const frozen = await frozenAttendance(ctx.db, eventId, check.version)
    if (frozen) return frozen
  }
  return liveAttendance(ctx, eventId)
}

async function requireDraft(ctx: ServerContext, eventId: string) {
  if (await readEventDoc(ctx, eventId, isLocked))
    throw new ConflictError('minutes.locked', LOCKED_MESSAGE)
}

/** The stored row of an attendee, or a new one for a registered participant; 404 otherwise. */
async function rowOf(ctx: ServerContext, eventId: string, id: string): Promise<AttendanceRow> {
  const row = await findAttendanceRow(ctx.db, eventId, id)
  if (row) return row
  const participant = await findParticipant(ctx.db, id)
  if (!participant || participant.event_id !== eventId || participant.revoked_at !== null)
    throw new NotFoundError('attendance.notFound', 'no such person in the attendance')
  const now = Date.now()
  return {
    event_id: eventId,
    id,
    participant_id: id,
    name: null,
    organisation: null,
    presence: null,
    arrived_at: null,
    created_at: now,
    updated_at: now,
  }
}

async function entryOf(ctx: ServerContext, eventId: string, id: string) {
  const entry = (await liveAttendance(ctx, eventId)).find((e) => e.id === id)
  if (!entry) throw new NotFoundError('attendance.notFound', 'no such person in the attendance')
  return entry
}

/** Confirms or changes one person's attendance (in the room, remote, absent; late arrival). */
export function setAttendance(
  ctx: ServerContext,
  caller: Caller,
  attendeeId: string,
  input: AttendanceInput,
) {
  const eventId = caller.holder.eventId
  return serialised(ctx, eventId, async () => {
    const clean = cleanAttendance(input)
    await requireDraft(ctx, eventId)
    const row = await rowOf(ctx, eventId, attendeeId)
    const presence = clean.presence ?? row.presence
    const arrivedAt = clean.arrivedAt !== undefined ? clean.arrivedAt : row.arrived_at
    await writeAttendanceRow(ctx.db, {
      ...row,
      name: clean.name ?? row.name,
      organisation: clean.organisation !== undefined ? clean.organisation : row.organisation,
      presence,
      arrived_at: presence === 'absent' ? null : arrivedAt,
      updated_at: Date.now(),
    })
    await audit(ctx, caller, 'attendance.set', attendeeId)
    return entryOf(ctx, eventId, attendeeId)
  })
}

/** Adds a person who never registered (at most `MAX_ADDED_ATTENDEES` per event). */
export function addAttendee(ctx: ServerContext, caller: Caller, input: AttendanceInput) {
  const eventId = caller.holder.eventId
  return serialised(ctx, eventId, async () => {
    const clean = cleanNewAttendee(input)
    await requireDraft(ctx, eventId)
    if ((await countAdded(ctx.db, eventId)) >= MAX_ADDED_ATTENDEES) {
      throw new ConflictError(
        'attendance.tooMany',
        `at most ${MAX_ADDED_ATTENDEES} people can be added beside the registered ones`,
      )
    }
    const now = Date.now()
    const id = newId(12)
    await writeAttendanceRow(ctx.db, {
      event_id: eventId,
      id,
      participant_id: null,
      name: clean.name,
      organisation: clean.organisation,
      presence: clean.presence,
      arrived_at: clean.presence === 'absent' ? null : clean.arrivedAt,
      created_at: now,
      updated_at: now,
    })
    await audit(ctx, caller, 'attendance.add', id)
    return entryOf(ctx, eventId, id)
  })
}

/**
 * Removes a person added by hand; for a registered participant, forgets the confirmation
 * (they are listed as registered again, unconfirmed).
 */
export function removeAttendee(ctx: ServerContext, caller: Caller, attendeeId: string) {
  const eventId = caller.holder.eventId
  return serialised(ctx, eventId, async () => {
    await requireDraft(ctx, eventId)
    const row = await findAttendanceRow(ctx.db, eventId, attendeeId)
    if (!row) {
      // A registered participant with nothing confirmed: nothing to forget.
      await entryOf(ctx, eventId, attendeeId)
      return
    }
    await deleteAttendanceRow(ctx.db, eventId, attendeeId)
    await audit(ctx, caller, 'attendance.remove', attendeeId)
  })
}
