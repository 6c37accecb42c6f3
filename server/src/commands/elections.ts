import { type ElectedPerson, readElections } from '@hytepaja/shared/doc/plenary'
import * as elections from '@hytepaja/shared/domain/elections'
import { DomainError } from '@hytepaja/shared/domain/errors'
import { deriveToken, hashToken, newNonce } from '../auth/tokens.js'
import type { ServerContext } from '../context.js'
import type { Caller } from '../http/caller.js'
import { roleLink } from '../http/links.js'
import { insertToken, revokeTokens, roleTokens } from '../store/tokens.js'
import { attendanceForMinutes } from './attendance.js'
import { changeEventDoc, readEventDoc } from './change.js'
import { serialised } from './serial.js'
import { closeTokenSockets } from './sockets.js'

/** A person as the request names them: an attendee's id, or a typed name and organisation. */
export interface CandidateBody {
  attendeeId?: string
  name?: string
  organisation?: string | null
}

export interface ElectionsBody {
  chair: CandidateBody | null
  secretary: CandidateBody | null
  checkers: CandidateBody[]
  voteCounters: CandidateBody[]
}

/** Picks are resolved against the attendance: the name and organisation are copied from it. */
async function resolve(
  ctx: ServerContext,
  eventId: string,
  body: ElectionsBody,
): Promise<elections.ElectionsInput> {
  const attendance = await attendanceForMinutes(ctx, eventId)
  const candidate = (c: CandidateBody): elections.CandidateInput => {
    if (!c.attendeeId) return { name: c.name ?? '', organisation: c.organisation ?? null }
    const entry = attendance.find((e) => e.id === c.attendeeId)
    if (!entry)
      throw new DomainError('elections.attendee.unknown', 'no such person in the attendance')
    if (entry.presence === 'absent')
      throw new DomainError('elections.attendee.absent', 'this person is marked absent')
    return { name: entry.name, organisation: entry.organisation, attendeeId: entry.id }
  }
  return {
    chair: body.chair ? candidate(body.chair) : null,
    secretary: body.secretary ? candidate(body.secretary) : null,
    checkers: body.checkers.map(candidate),
    voteCounters: body.voteCounters.map(candidate),
  }
}

/** §4: records the elections; the minute-checkers' personal links follow the seats. */
export function elect(ctx: ServerContext, caller: Caller, body: ElectionsBody) {
  const eventId = caller.holder.eventId
  return serialised(ctx, eventId, async () => {
    const input = await resolve(ctx, eventId, body)
    const result = await changeEventDoc(ctx, caller, 'plenary.elections', null, (doc) =>
      elections.elect(doc, input, Date.now(), caller.actorRole),
    )
    return { elections: result.elections, checkers: await checkerLinks(ctx, eventId) }
  })
}

export interface CheckerLink {
  id: string
  name: string
  organisation: string | null
  token: string
  link: string
}

/**
 * The personal links of the elected minute-checkers, made when first asked for. A checker who
 * lost the seat loses the link at once (revoked, open sockets closed). Links are derived from a
 * stored nonce like the role links, so the chair's console can show them again.
 */
export async function checkerLinks(ctx: ServerContext, eventId: string): Promise<CheckerLink[]> {
  const checkers: ElectedPerson[] = (await readEventDoc(ctx, eventId, readElections)).checkers
  const rows = (await roleTokens(ctx.db, eventId)).filter((r) => r.role === 'checker')
  const stale = new Set(
    rows.flatMap((r) =>
      r.checker_id && !checkers.some((c) => c.id === r.checker_id) ? [r.checker_id] : [],
    ),
  )
  for (const checkerId of stale) {
    const hashes = await revokeTokens(ctx.db, { eventId, role: 'checker', checkerId })
    await closeTokenSockets(ctx, hashes, 'no longer a minute-checker')
  }
  const links: CheckerLink[] = []
  for (const checker of checkers) {
    let nonce = rows.find((r) => r.checker_id === checker.id)?.nonce
    if (!nonce) {
      nonce = newNonce()
      await insertToken(ctx.db, {
        hash: hashToken(deriveToken(ctx.secrets.linkSecret, nonce)),
        event_id: eventId,
        role: 'checker',
        group_id: null,
        participant_id: null,
        nonce,
        created_at: Date.now(),
        checker_id: checker.id,
      })
    }
    const token = deriveToken(ctx.secrets.linkSecret, nonce)
    links.push({
      id: checker.id,
      name: checker.name,
      organisation: checker.organisation,
      token,
      link: roleLink(ctx.config.publicUrl, eventId, 'checker', token),
    })
  }
  return links
}
