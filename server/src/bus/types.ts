import type { RateLimiterAbstract } from 'rate-limiter-flexible'
import type { Replication } from '../sync/replication.js'

/**
 * What one instance tells all the others (and does itself): the effects of a command that
 * reach beyond the documents, i.e. sockets to close and rooms to forget.
 */
export type ControlMessage =
  /** Revoked tokens: their sockets close with 4401. */
  | { type: 'closeTokens'; tokenIds: string[]; reason: string }
  /** A participant's rights changed: their sockets close with 4501 and come back. */
  | { type: 'reauthorise'; participantId: string }
  /**
   * Deleted documents (a group's or a whole event's): their rooms close with 4404 and nothing
   * of them is written back; with `eventId`, every socket of that event closes too.
   */
  | { type: 'dropDocs'; prefixes: string[]; reason: string; eventId?: string }

export interface RateLimiterOptions {
  /** Names the limit; limiters with different purposes must not share a name. */
  name: string
  points: number
  durationSec: number
}

/**
 * Fan-out between instances: the rooms' replication, control messages and shared rate limits.
 * The in-process bus has no other instance to talk to; the Redis bus lets several instances
 * serve the same documents.
 */
export interface Bus {
  /** Tells this instance's messages apart from the others'. */
  readonly instanceId: string
  readonly replication: Replication
  /** Runs `message` here (awaited), then on every other instance. */
  broadcast(message: ControlMessage): Promise<void>
  /** What a control message does; set once by the composition root. */
  onControl(apply: (message: ControlMessage) => Promise<void>): void
  /**
   * Called when the connection to the other instances came back: control messages sent
   * meanwhile are lost, so whatever they would have done must be checked again.
   */
  onReconnect(handler: () => void): void
  /** A limit that holds across every instance. */
  createRateLimiter(options: RateLimiterOptions): RateLimiterAbstract
  /** Sends what is still queued and disconnects. */
  close(): Promise<void>
}

/** The bus logs where its connection stands; pino's logger fits. */
export interface BusLog {
  info(obj: object, msg: string): void
  warn(obj: object, msg: string): void
}
