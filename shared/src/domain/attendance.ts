import type { Elections, MinutesSettings } from '../doc/plenary.js'
import { cleanText } from '../validation/text.js'
import { DomainError } from './errors.js'

/**
 * §2 attendance: who is present, confirmed by the secretary from the registered participants
 * plus people who never registered. The list holds everyone's names, so it never enters the
 * event document (every token of the event, the join token too, syncs that): the server keeps
 * it in its SQL store and hands it to the organiser and the chair only. The minutes print it
 * as `printedAttendance` decides.
 */

/** In the room, remote (Teams), or absent. */
export const PRESENCES = ['room', 'remote', 'absent'] as const
export type Presence = (typeof PRESENCES)[number]

export interface AttendanceEntry {
  /** The attendee's id: a registered participant's own id, or the id of a person added. */
  id: string
  /** Set for registered participants; null for people the secretary added. */
  participantId: string | null
  name: string
  organisation: string | null
  /** The workshop group of a registered participant. */
  groupId: string | null
  /** Null until the secretary confirms it. */
  presence: Presence | null
  /** A late arrival's time of day, "HH:MM", or null. */
  arrivedAt: string | null
}

export interface AttendanceInput {
  name?: string
  organisation?: string | null
  presence?: Presence
  arrivedAt?: string | null
}

export const MAX_NAME = 120
export const MAX_ORGANISATION = 200
/** People the secretary may add to one event beside the registered participants. */
export const MAX_ADDED_ATTENDEES = 500

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/

/** Checks the fields given; returns only those, cleaned. */
export function cleanAttendance(input: AttendanceInput): AttendanceInput {
  const out: AttendanceInput = {}
  if (input.name !== undefined) out.name = cleanText(input.name, 'attendance.name', MAX_NAME)
  if (input.organisation !== undefined) {
    out.organisation =
      input.organisation === null
        ? null
        : cleanText(input.organisation, 'attendance.organisation', MAX_ORGANISATION, {
            allowEmpty: true,
          }) || null
  }
  if (input.presence !== undefined) {
    if (!PRESENCES.includes(input.presence))
      throw new DomainError('attendance.presence.invalid', 'presence is room, remote or absent')
    out.presence = input.presence
  }
  if (input.arrivedAt !== undefined) {
    if (input.arrivedAt !== null && !TIME.test(input.arrivedAt))
      throw new DomainError('attendance.arrivedAt.invalid', 'arrival time must be HH:MM')
    out.arrivedAt = input.arrivedAt
  }
  if (out.presence === 'absent' && out.arrivedAt)
    throw new DomainError('attendance.arrivedAt.absent', 'an absent person has no arrival time')
  return out
}

/** A person the secretary adds: a name is required, presence defaults to in the room. */
export function cleanNewAttendee(input: AttendanceInput): Required<AttendanceInput> {
  if (input.name === undefined) throw new DomainError('attendance.name.empty', 'name is empty')
  const clean = cleanAttendance(input)
  return {
    name: clean.name as string,
    organisation: clean.organisation ?? null,
    presence: clean.presence ?? 'room',
    arrivedAt: clean.arrivedAt ?? null,
  }
}

export function isPresent(entry: AttendanceEntry): boolean {
  return entry.presence === 'room' || entry.presence === 'remote'
}

export interface PrintedPerson {
  name: string
  organisation: string | null
  presence: 'room' | 'remote'
  arrivedAt: string | null
}

/** The attendance as the minutes print it. */
export interface PrintedAttendance {
  /** Everyone present is named (the setting); otherwise only the elected roles. */
  fullList: boolean
  /** The organisations present, in Finnish alphabetical order. */
  organisations: string[]
  /** The people named: everyone present, or the elected ones present. */
  people: PrintedPerson[]
  present: number
  remote: number
}

// Made at the first sort, not at import (a collator reads its locale's data as it is made).
let finnishCollator: Intl.Collator | null = null
const collator = () => (finnishCollator ??= new Intl.Collator('fi'))

/**
 * What the minutes print of the attendance. By default a päätöspöytäkirja sent to every
 * organisation names the organisations present and, of the people, only those elected to a
 * role (their names are in §4 anyway); the setting names everyone present.
 */
export function printedAttendance(
  entries: AttendanceEntry[],
  elections: Elections,
  settings: MinutesSettings,
): PrintedAttendance {
  const present = entries.filter(isPresent)
  const elected = new Set(
    [
      elections.chair,
      elections.secretary,
      ...elections.checkers,
      ...elections.voteCounters,
    ].flatMap((p) => (p?.attendeeId ? [p.attendeeId] : [])),
  )
  const named = settings.fullAttendance ? present : present.filter((e) => elected.has(e.id))
  return {
    fullList: settings.fullAttendance,
    organisations: [
      ...new Set(present.flatMap((e) => (e.organisation ? [e.organisation] : []))),
    ].sort(collator().compare),
    people: named
      .map((e) => ({
        name: e.name,
        organisation: e.organisation,
        presence: e.presence as 'room' | 'remote',
        arrivedAt: e.arrivedAt,
      }))
      .sort((a, b) => collator().compare(a.name, b.name)),
    present: present.length,
    remote: present.filter((e) => e.presence === 'remote').length,
  }
}
