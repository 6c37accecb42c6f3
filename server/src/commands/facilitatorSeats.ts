import { readGroups } from '@hytepaja/shared/doc/schema/event'
import { ConflictError, NotFoundError } from '@hytepaja/shared/domain/errors'
import { facilitatorActorId } from '@hytepaja/shared/domain/roles'
import { newId } from '@hytepaja/shared/ids'
import { cleanText } from '@hytepaja/shared/validation/text'
import { deriveToken, hashToken, newNonce, randomToken } from '../auth/tokens.js'
import type { ServerContext } from '../context.js'
import type { Caller } from '../http/caller.js'
import { roleLink } from '../http/links.js'
import {
  findFacilitatorSeat,
  insertFacilitatorSeat,
  listFacilitatorSeats,
  revokeFacilitatorSeat,
} from '../store/facilitatorSeats.js'
import type { SqlDb } from '../store/sql.js'
import { insertToken, revokeTokens, roleTokens } from '../store/tokens.js'
import { audit, readEventDoc } from './change.js'
import { closeTokenSockets } from './sockets.js'

/** A named facilitator's own link, as the organiser's links answer lists it. */
export interface FacilitatorSeatLink {
  /** The seat's id (the link's path stays the group's board). */
  id: string
  name: string
  token: string
  link: string
}

/**
 * Someone who named themselves on the group's shared facilitator link, as the organiser sees
 * them: who holds a seat and since when. Their first token is theirs alone (in their browser);
 * once the organiser has renewed it, the new link is shown here like a named facilitator's.
 */
export interface SelfNamedSeat {
  id: string
  name: string
  /** When they said their name (ms since the epoch). */
  namedAt: number
  /** A link of their own the organiser made by renewing; null until then. */
  link: string | null
  token: string | null
}

/** A role link token (re-derivable for the console) for one facilitator seat. */
async function insertSeatLink(db: SqlDb, ctx: ServerContext, seat: SeatRef, now: number) {
  const nonce = newNonce()
  await insertToken(db, {
    hash: hashToken(deriveToken(ctx.secrets.linkSecret, nonce)),
    event_id: seat.eventId,
    role: 'facilitator',
    group_id: seat.groupId,
    participant_id: null,
    nonce,
    created_at: now,
    facilitator_id: seat.id,
  })
}

interface SeatRef {
  id: string
  eventId: string
  groupId: string
}

/**
 * Makes a group's named facilitators' seats follow the names the organiser gave: a new name
 * gets a seat and a link of its own; a name taken off the list loses its seat and link (its
 * open boards close at once; its notes keep its name). A name that stays keeps its link.
 */
export async function followNamedFacilitators(
  ctx: ServerContext,
  eventId: string,
  groupId: string,
  names: readonly string[],
  now = Date.now(),
): Promise<void> {
  const wanted = new Set(names)
  const live = (await listFacilitatorSeats(ctx.db, eventId)).filter(
    (s) => s.group_id === groupId && s.named_by_organiser === 1 && s.revoked_at === null,
  )
  const kept = new Set<string>()
  const revoked = await ctx.db.transaction(async (tx) => {
    const hashes: string[] = []
    for (const seat of live) {
      if (wanted.has(seat.name) && !kept.has(seat.name)) {
        kept.add(seat.name)
        continue
      }
      await revokeFacilitatorSeat(tx, seat.id, now)
      hashes.push(...(await revokeTokens(tx, { eventId, facilitatorId: seat.id }, now)))
    }
    for (const name of wanted) {
      if (kept.has(name)) continue
      const seat = { id: newId(10), eventId, groupId }
      await insertFacilitatorSeat(tx, {
        id: seat.id,
        event_id: eventId,
        group_id: groupId,
        name,
        named_by_organiser: 1,
        created_at: now,
      })
      await insertSeatLink(tx, ctx, seat, now)
    }
    return hashes
  })
  await closeTokenSockets(ctx, revoked, 'facilitator taken off the group')
}

/** A live seat of the caller's event, or 404 `facilitator.unknown`. */
async function liveSeat(ctx: ServerContext, eventId: string, seatId: string) {
  const seat = await findFacilitatorSeat(ctx.db, seatId)
  if (!seat || seat.event_id !== eventId || seat.revoked_at !== null)
    throw new NotFoundError('facilitator.unknown', 'no such facilitator')
  return seat
}

/**
 * A new link for one facilitator's seat (the old one was passed on, or lost, or a person who
 * named themselves needs their seat on another device): the same seat, so what they wrote
 * stays theirs; the old link (or the browser's own token) opens nothing from now on.
 */
export async function renewFacilitatorLink(ctx: ServerContext, caller: Caller, seatId: string) {
  const eventId = caller.holder.eventId
  const seat = await liveSeat(ctx, eventId, seatId)
  const revoked = await ctx.db.transaction(async (tx) => {
    const hashes = await revokeTokens(tx, { eventId, facilitatorId: seat.id })
    await insertSeatLink(tx, ctx, { id: seat.id, eventId, groupId: seat.group_id }, Date.now())
    return hashes
  })
  await closeTokenSockets(ctx, revoked, 'facilitator link renewed')
  await audit(ctx, caller, 'facilitator.renewLink', facilitatorActorId(seat.group_id, seat.id))
}

/**
 * The organiser takes away the seat of someone who named themselves on the group's shared
 * link (a name typed wrong, a device lost or a person gone): their token opens nothing from
 * now on and their boards close at once; their notes keep their name. A named facilitator
 * leaves by being taken off the group's list (409 `facilitator.named`).
 */
export async function retireSelfNamedFacilitator(
  ctx: ServerContext,
  caller: Caller,
  seatId: string,
) {
  const eventId = caller.holder.eventId
  const seat = await liveSeat(ctx, eventId, seatId)
  if (seat.named_by_organiser)
    throw new ConflictError('facilitator.named', 'take a named facilitator off the group instead')
  const revoked = await ctx.db.transaction(async (tx) => {
    await revokeFacilitatorSeat(tx, seat.id)
    return revokeTokens(tx, { eventId, facilitatorId: seat.id })
  })
  await closeTokenSockets(ctx, revoked, 'facilitator seat retired')
  await audit(ctx, caller, 'facilitator.retire', facilitatorActorId(seat.group_id, seat.id))
}

/**
 * Someone opened a group's shared facilitator link and said who they are: they become a
 * facilitator of that group with a seat (and a personal token) of their own, so two people
 * on one link are two people. The name is checked like any text; the group is the link's.
 */
export async function nameSharedFacilitator(ctx: ServerContext, caller: Caller, rawName: unknown) {
  const name = cleanText(rawName, 'facilitator.name', 100)
  const eventId = caller.holder.eventId
  const groupId = caller.holder.groupId ?? ''
  const id = newId(10)
  const token = randomToken()
  const now = Date.now()
  await ctx.db.transaction(async (tx) => {
    await insertFacilitatorSeat(tx, {
      id,
      event_id: eventId,
      group_id: groupId,
      name,
      named_by_organiser: 0,
      created_at: now,
    })
    await insertToken(tx, {
      hash: hashToken(token),
      event_id: eventId,
      role: 'facilitator',
      group_id: groupId,
      participant_id: null,
      nonce: null,
      created_at: now,
      facilitator_id: id,
    })
  })
  await audit(ctx, caller, 'facilitator.nameSelf', facilitatorActorId(groupId, id))
  return { facilitatorId: id, name, groupId, token }
}

/**
 * The live seats of an event's facilitators, per group: the named ones with their links, in
 * the order the organiser named them, and those who named themselves on the shared link, in
 * the order they came (with a link once the organiser renewed theirs).
 */
export async function facilitatorSeatLinks(
  ctx: ServerContext,
  eventId: string,
): Promise<{
  named: Record<string, FacilitatorSeatLink[]>
  selfNamed: Record<string, SelfNamedSeat[]>
}> {
  const live = (await listFacilitatorSeats(ctx.db, eventId)).filter((s) => s.revoked_at === null)
  const links = new Map<string, { token: string; link: string }>()
  for (const row of await roleTokens(ctx.db, eventId)) {
    const seat = live.find((s) => s.id === row.facilitator_id)
    if (!seat || !row.nonce) continue
    const token = deriveToken(ctx.secrets.linkSecret, row.nonce)
    const link = roleLink(ctx.config.publicUrl, eventId, 'facilitator', token, seat.group_id)
    links.set(seat.id, { token, link })
  }
  const byGroup: Record<string, FacilitatorSeatLink[]> = {}
  const selfNamed: Record<string, SelfNamedSeat[]> = {}
  for (const seat of live) {
    const own = links.get(seat.id)
    if (seat.named_by_organiser !== 1) {
      const list = selfNamed[seat.group_id] ?? []
      list.push({
        id: seat.id,
        name: seat.name,
        namedAt: Number(seat.created_at),
        link: own?.link ?? null,
        token: own?.token ?? null,
      })
      selfNamed[seat.group_id] = list
    } else if (own) {
      const list = byGroup[seat.group_id] ?? []
      list.push({ id: seat.id, name: seat.name, ...own })
      byGroup[seat.group_id] = list
    }
  }
  // In the order the organiser listed the names (several are made in the same millisecond).
  const order = await readEventDoc(ctx, eventId, (doc) =>
    Object.fromEntries(readGroups(doc).map((g) => [g.id, g.facilitators])),
  )
  for (const [groupId, list] of Object.entries(byGroup)) {
    const names = order[groupId] ?? []
    list.sort((a, b) => names.indexOf(a.name) - names.indexOf(b.name))
  }
  return { named: byGroup, selfNamed }
}
