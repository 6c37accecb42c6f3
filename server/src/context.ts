import type { Logger } from 'pino'
import type { RecentSessions } from './auth/recentSessions.js'
import type { Secrets } from './auth/secrets.js'
import type { Bus } from './bus/types.js'
import type { Clock } from './clock.js'
import type { Config } from './config.js'
import type { RateLimits } from './http/rateLimits.js'
import type { Metrics } from './metrics.js'
import type { DocStore } from './store/docStore.js'
import type { StoreHealth } from './store/integrity.js'
import type { SqlDb } from './store/sql.js'
import type { Connections } from './sync/connections.js'
import type { Rooms } from './sync/rooms.js'

/** The real parts of one running server, built in main.ts and handed to routes and commands. */
export interface ServerContext {
  config: Config
  db: SqlDb
  docs: DocStore
  rooms: Rooms
  connections: Connections
  secrets: Secrets
  /** The other instances (control messages, shared rate limits); in-process when alone. */
  bus: Bus
  log: Logger
  /** Limits on guessing and on creating participants (shared across instances). */
  limits: RateLimits
  metrics: Metrics
  /** The store's integrity at start and the documents found unreadable since (`/healthz`). */
  health: StoreHealth
  /** The time schedules read (retention); tests hand in a clock they move themselves. */
  clock: Clock
  /**
   * The sessions of tokens that opened a socket lately, for the next socket's upgrade; null
   * with other instances (auth/recentSessions.ts says why).
   */
  recentSessions: RecentSessions | null
}
