import type { SyncGrant } from '../sync/access.js'
import type { RateLimits } from './rateLimits.js'

/**
 * How many whole-state answers (`GET /api/sync/{doc}/state`) may be worked on at once. Each
 * holds its room (loaded from the store when cold) and may compress it, so these bound what
 * one token, or one address, can make the server load and encode at the same moment.
 */
export interface StateConcurrency {
  /** Per personal token (a participant's). Role links are shared by many people. */
  perToken: number
  /** Per client address (IPv6: its /64), every token together. */
  perAddress: number
}

export type StateRefusalReason = 'stateRate' | 'stateConcurrency'

export interface StateRefusal {
  ok: false
  reason: StateRefusalReason
  code: string
  message: string
  /** Whole seconds until asking again can be answered (the `Retry-After` header). */
  retryAfterSec: number
}

export interface StateAdmission {
  ok: true
  /** Frees the slot: called once the answer is made, whether it succeeded or not. */
  leave(): void
}

/**
 * The caps of the whole-state endpoint, asked after the token was checked and before the room
 * is acquired: a refused request loads and encodes nothing. A personal token is counted by
 * itself (a person's phone and laptop together); a role link, which a group's facilitators or
 * everyone following the viewer page share, by itself and the address it comes from, so
 * that one office following the view does not stop another. The rate is counted across
 * instances (Redis) like the other rate limits; the answers being worked on are this
 * process's own, like its sockets.
 */
export class StateCaps {
  private readonly byToken = new Map<string, number>()
  private readonly byAddress = new Map<string, number>()

  constructor(
    private readonly limits: Pick<RateLimits, 'states' | 'sharedLinkStates'>,
    private readonly concurrency: StateConcurrency,
  ) {}

  async enter(
    grant: Pick<SyncGrant, 'tokenId' | 'participantId'>,
    address: string,
  ): Promise<StateAdmission | StateRefusal> {
    const personal = grant.participantId !== null
    // Counted before the rate is asked (an await): answers started at one moment all see
    // each other's slots.
    if (
      (this.byAddress.get(address) ?? 0) >= this.concurrency.perAddress ||
      (personal && (this.byToken.get(grant.tokenId) ?? 0) >= this.concurrency.perToken)
    ) {
      return {
        ok: false,
        reason: 'stateConcurrency',
        code: 'sync.tooManyStates',
        message: 'too many whole states on their way at once, wait a moment',
        // A slot frees as soon as one answer is made, usually well within a second.
        retryAfterSec: 1,
      }
    }
    count(this.byAddress, address, 1)
    if (personal) count(this.byToken, grant.tokenId, 1)
    let left = false
    const leave = () => {
      if (left) return
      left = true
      count(this.byAddress, address, -1)
      if (personal) count(this.byToken, grant.tokenId, -1)
    }
    try {
      if (personal) await this.limits.states.consume(grant.tokenId)
      else await this.limits.sharedLinkStates.consume(`${grant.tokenId}@${address}`)
    } catch (refused) {
      leave()
      // rate-limiter-flexible refuses with its result (no Error); a failing store throws one.
      if (refused instanceof Error) throw refused
      const { msBeforeNext } = refused as { msBeforeNext: number }
      return {
        ok: false,
        reason: 'stateRate',
        code: 'sync.stateRateLimited',
        message: 'too many whole states asked for in a short time, wait a moment',
        retryAfterSec: Math.max(1, Math.ceil(msBeforeNext / 1000)),
      }
    }
    return { ok: true, leave }
  }
}

function count(counts: Map<string, number>, key: string, by: 1 | -1): void {
  const next = (counts.get(key) ?? 0) + by
  if (next > 0) counts.set(key, next)
  else counts.delete(key)
}
