import type { RateLimiterAbstract } from 'rate-limiter-flexible'
import type { Bus } from '../bus/types.js'

/**
 * A limit on failed attempts only: whoever keeps guessing is stopped, while a whole venue
 * behind one address that types its codes right is never slowed down.
 */
export interface FailureLimit {
  /** Whether `key` has used up its failures for now. */
  blocked(key: string): Promise<boolean>
  /** Counts one failure against `key`. */
  fail(key: string): Promise<void>
}

export interface RateLimitSettings {
  /** Wrong join codes per client address per minute. */
  joinCodeFailures: number
  /** Unknown bearer tokens (console-key guesses) per client address per minute. */
  tokenFailures: number
  /** Participants one event's join link may create per five minutes. */
  participantsPerEvent: number
  /** Follow-up reports one follow-up link may send per ten minutes. */
  followUpReportsPerLink: number
  /** Whole states (`GET /api/sync/{doc}/state`) one personal token may ask for per minute. */
  statesPerToken: number
  /** The same for a role link (shared by many people), per link and client address. */
  statesPerSharedLink: number
}

export const DEFAULT_RATE_LIMITS: RateLimitSettings = {
  // Eight digits are 10^8 codes; ten wrong ones a minute per address makes guessing hopeless.
  joinCodeFailures: 10,
  tokenFailures: 20,
  // A big event's whole hall joins in the first minutes; a script making thousands does not.
  participantsPerEvent: 300,
  // An organisation reports on a handful of actions a few times a year; a script does not.
  followUpReportsPerLink: 60,
  // A page fetches each document it opens once, and only on a device with no copy of its own:
  // a participant's heaviest page (a proposal: the event, the board, its text and three
  // actions) is 7 documents, so 60 a minute is eight fresh page loads of it every minute.
  statesPerToken: 60,
  // The viewer page opens the event and all 12 boards (13): ten people following it from
  // one office's address, or a group's facilitators opening boards and proposals in one room,
  // stay well under 600; someone looping on the link is stopped at 10 a second.
  statesPerSharedLink: 600,
}

export interface RateLimits {
  joinCodes: FailureLimit
  tokens: FailureLimit
  participants: RateLimiterAbstract
  followUpReports: RateLimiterAbstract
  states: RateLimiterAbstract
  sharedLinkStates: RateLimiterAbstract
}

/** The limits of one process; counted across every instance when there are several (Redis). */
export function createRateLimits(
  bus: Pick<Bus, 'createRateLimiter'>,
  settings: Partial<RateLimitSettings> = {},
): RateLimits {
  const s = { ...DEFAULT_RATE_LIMITS, ...settings }
  return {
    joinCodes: failureLimit(
      bus.createRateLimiter({ name: 'join', points: s.joinCodeFailures, durationSec: 60 }),
    ),
    tokens: failureLimit(
      bus.createRateLimiter({ name: 'token', points: s.tokenFailures, durationSec: 60 }),
    ),
    participants: bus.createRateLimiter({
      name: 'participants',
      points: s.participantsPerEvent,
      durationSec: 300,
    }),
    followUpReports: bus.createRateLimiter({
      name: 'followUpReports',
      points: s.followUpReportsPerLink,
      durationSec: 600,
    }),
    states: bus.createRateLimiter({ name: 'states', points: s.statesPerToken, durationSec: 60 }),
    sharedLinkStates: bus.createRateLimiter({
      name: 'sharedLinkStates',
      points: s.statesPerSharedLink,
      durationSec: 60,
    }),
  }
}

function failureLimit(limiter: RateLimiterAbstract): FailureLimit {
  return {
    async blocked(key) {
      const res = await limiter.get(key)
      return res !== null && res.remainingPoints <= 0
    },
    async fail(key) {
      await limiter.penalty(key, 1)
    },
  }
}
