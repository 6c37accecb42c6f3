import type { SqlDb } from '../store/sql.js'
import { type Session, sessionOfHash, tokenHashOf } from './sessions.js'

/** Sessions kept at most; past this the oldest go first. */
const MAX_SESSIONS = 5_000
/** How long a session is kept after its token last opened a socket. */
const KEPT_MS = 60_000

/**
 * The sessions of tokens that opened a socket lately, so that the next socket of the same
 * token (a phone back after the venue's wifi dropped, the other devices on one link) skips the
 * token query: that query (SQLite's read transaction and file locks) was the largest part of a
 * join's CPU time that the reference y-websocket server does not have (~6 % of it with 4,000
 * sockets joining 200 rooms).
 *
 * Kept only where every change of a session is heard at once: with one instance, every command
 * that revokes a token, retires a seat, moves or removes a participant or deletes an event
 * runs in this process and calls `forget` (through its control message, `applyControl`, or
 * after the deletion) before anything else can ask. Between instances the control channel
 * arrives a moment after the other instance's commit, and a join there meanwhile would be let
 * in where the query refuses it: with `REDIS_URL` the server makes none of these.
 *
 * Only live sessions are kept: an unknown token is asked again every time (a token made a
 * moment ago, on this instance or another, works at once). Kept by the token's hash, as the
 * store keeps it: the process holds no token past its request.
 */
export class RecentSessions {
  readonly #sessions = new Map<string, { session: Session; at: number }>()
  /** Moves on at every `forget`: a query that began before it is not kept. */
  #generation = 0

  constructor(private readonly now: () => number = Date.now) {}

  /**
   * The session of a live token, or null for an unknown or revoked one. A kept session comes
   * back as it is, not in a promise: with the event document loaded, a join's upgrade is then
   * decided within its turn (the promises and their jobs were ~1.4 KB of what a join allocated).
   */
  resolve(db: SqlDb, token: string | undefined): Session | null | Promise<Session | null> {
    const hash = tokenHashOf(token)
    if (hash === null) return null
    const kept = this.#sessions.get(hash)
    const now = this.now()
    if (kept && now - kept.at < KEPT_MS) {
      kept.at = now
      return kept.session
    }
    this.#sessions.delete(hash)
    return this.#lookUp(db, hash, now)
  }

  async #lookUp(db: SqlDb, hash: string, now: number): Promise<Session | null> {
    const generation = this.#generation
    const session = await sessionOfHash(db, hash)
    if (session && generation === this.#generation) {
      if (this.#sessions.size >= MAX_SESSIONS) {
        const oldest = this.#sessions.keys().next().value
        if (oldest !== undefined) this.#sessions.delete(oldest)
      }
      this.#sessions.set(hash, { session, at: now })
    }
    return session
  }

  /** Something about tokens, seats, participants or events changed: ask the store again. */
  forget(): void {
    this.#generation++
    this.#sessions.clear()
  }

  get size(): number {
    return this.#sessions.size
  }
}
