import type * as Y from 'yjs'
import { server } from '../doc/origins.js'
import {
  type ElectedPerson,
  type Elections,
  readElections,
  writeElections,
} from '../doc/plenary.js'
import { newId } from '../ids.js'
import { cleanText } from '../validation/text.js'
import { MAX_NAME, MAX_ORGANISATION } from './attendance.js'
import { DomainError } from './errors.js'
import { dropApprovalsOf, requireDraft } from './minutesCheck.js'

/**
 * §4: the meeting elects its chair, secretary, two minute-checkers and vote-counters, each
 * picked from the attendance (the server copies the name and organisation) or typed.
 */

export const CHECKERS = 2
export const MAX_VOTE_COUNTERS = 4

/** A person as the election names them: picked (`attendeeId`) or typed. */
export interface CandidateInput {
  name: string
  organisation?: string | null
  attendeeId?: string | null
}

export interface ElectionsInput {
  chair: CandidateInput | null
  secretary: CandidateInput | null
  checkers: CandidateInput[]
  voteCounters: CandidateInput[]
}

export interface ElectionResult {
  elections: Elections
  /** Checkers who lost their seat: their personal links are revoked. */
  removedCheckers: ElectedPerson[]
  /** Checkers newly in a seat: each gets a personal link. */
  addedCheckers: ElectedPerson[]
}

function cleanCandidate(input: CandidateInput, field: string): Omit<ElectedPerson, 'id'> {
  return {
    name: cleanText(input.name, `${field}.name`, MAX_NAME),
    organisation:
      input.organisation == null
        ? null
        : cleanText(input.organisation, `${field}.organisation`, MAX_ORGANISATION, {
            allowEmpty: true,
          }) || null,
    attendeeId: input.attendeeId ?? null,
  }
}

/** The same person: the same attendee, or the same typed name and organisation. */
export function samePerson(a: Omit<ElectedPerson, 'id'>, b: Omit<ElectedPerson, 'id'>): boolean {
  if (a.attendeeId || b.attendeeId) return a.attendeeId === b.attendeeId
  const key = (p: Omit<ElectedPerson, 'id'>) =>
    `${p.name.toLocaleLowerCase('fi')}\u0000${(p.organisation ?? '').toLocaleLowerCase('fi')}`
  return key(a) === key(b)
}

/** Keeps the id of whoever already held a seat of this role, so their link stays valid. */
function seat(person: Omit<ElectedPerson, 'id'>, before: ElectedPerson[]): ElectedPerson {
  const held = before.find((p) => samePerson(p, person))
  return { ...person, id: held?.id ?? newId(12) }
}

/** Records the elections (the whole of §4 at once; what is not elected yet is null or []). */
export function elect(doc: Y.Doc, input: ElectionsInput, now: number, by: string): ElectionResult {
  requireDraft(doc)
  if (input.checkers.length > CHECKERS)
    throw new DomainError('elections.checkers.tooMany', `at most ${CHECKERS} minute-checkers`)
  if (input.voteCounters.length > MAX_VOTE_COUNTERS)
    throw new DomainError(
      'elections.voteCounters.tooMany',
      `at most ${MAX_VOTE_COUNTERS} vote-counters`,
    )
  const checkers = input.checkers.map((c) => cleanCandidate(c, 'elections.checker'))
  if (
    checkers.length === 2 &&
    samePerson(checkers[0] as ElectedPerson, checkers[1] as ElectedPerson)
  )
    throw new DomainError('elections.checkers.same', 'the two minute-checkers are one person')
  const before = readElections(doc)
  const single = (c: CandidateInput | null, field: string, held: ElectedPerson | null) =>
    c ? seat(cleanCandidate(c, field), held ? [held] : []) : null
  const elections: Elections = {
    chair: single(input.chair, 'elections.chair', before.chair),
    secretary: single(input.secretary, 'elections.secretary', before.secretary),
    checkers: checkers.map((c) => seat(c, before.checkers)),
    voteCounters: input.voteCounters.map((c) =>
      seat(cleanCandidate(c, 'elections.voteCounter'), before.voteCounters),
    ),
    at: now,
    by,
  }
  const ids = elections.checkers.map((c) => c.id)
  doc.transact(() => {
    writeElections(doc, elections)
    dropApprovalsOf(doc, ids)
  }, server('plenary.elections'))
  const beforeIds = before.checkers.map((c) => c.id)
  return {
    elections,
    removedCheckers: before.checkers.filter((c) => !ids.includes(c.id)),
    addedCheckers: elections.checkers.filter((c) => !beforeIds.includes(c.id)),
  }
}

/** Every person elected to any role, with the role, for listing and the minutes. */
export function electedPeople(
  elections: Elections,
): Array<{ role: 'chair' | 'secretary' | 'checker' | 'voteCounter'; person: ElectedPerson }> {
  return [
    ...(elections.chair ? [{ role: 'chair' as const, person: elections.chair }] : []),
    ...(elections.secretary ? [{ role: 'secretary' as const, person: elections.secretary }] : []),
    ...elections.checkers.map((person) => ({ role: 'checker' as const, person })),
    ...elections.voteCounters.map((person) => ({ role: 'voteCounter' as const, person })),
  ]
}
