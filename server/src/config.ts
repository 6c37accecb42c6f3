import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { lanAddress } from './http/lanAddress.js'
import type { SocketCaps } from './sync/connections.js'

const LISTEN_EVERYWHERE = ['0.0.0.0', '::']

/** Everything the process reads from its environment, parsed once in main.ts. */
export interface Config {
  port: number
  host: string
  publicUrl: string
  /**
   * Where publicUrl came from: PUBLIC_URL; the machine's LAN address (PUBLIC_URL unset, listening
   * on every interface, so a phone on the same network can open the links); or localhost, which
   * only this machine can open (the start says so).
   */
  publicUrlFrom: 'PUBLIC_URL' | 'lan' | 'localhost'
  dataDir: string
  databaseUrl: string | null
  /**
   * Pages (4 KiB) of the SQLite write-ahead log that wait to be copied into the database file
   * before a checkpoint (SQLITE_CHECKPOINT_PAGES; store/sqliteCheckpoints.ts).
   */
  sqliteCheckpointPages: number
  redisUrl: string | null
  /** Starts every Redis key, so that several deployments (or test runs) can share one Redis. */
  redisPrefix: string
  adminToken: string | null
  /**
   * The secret role links are derived with; instances serving one event must share it (or share
   * DATA_DIR, where it is generated otherwise).
   */
  linkSecret: string | null
  /** The built client to serve; null serves only /api and /sync (tests, `pnpm dev`). */
  clientDir: string | null
  logLevel: string
  /**
   * How many reverse proxies stand in front of the server (0: none). With N, the client's
   * address is the N-th `X-Forwarded-For` entry from the right: the proxies append, so that is
   * the last one a trusted proxy wrote, and whatever the client itself sent stays left of it.
   */
  trustProxy: number
  /** Seed a demo event when the store holds no event yet. */
  seedDemo: boolean
  /** A second port that serves only `/metrics`, without a key (null: only the main port). */
  metricsPort: number | null
  /** Sync sockets open at once per personal token, per client address and in all. */
  socketCaps: SocketCaps
}

export class ConfigError extends Error {}

function port(value: string | undefined, fallback: number, name = 'PORT'): number {
  if (value === undefined || value === '') return fallback
  const n = Number(value)
  if (!Number.isInteger(n) || n < 0 || n > 65535)
    throw new ConfigError(`${name} must be 0–65535, got ${value}`)
  return n
}

function url(name: string, value: string | undefined, protocols: string[]): string | null {
  if (!value) return null
  let parsed: URL
  try {
    parsed = new URL(value)
  } catch {
    throw new ConfigError(`${name} is not a URL`)
  }
  if (!protocols.includes(parsed.protocol)) {
    throw new ConfigError(`${name} must start with ${protocols.map((p) => `${p}//`).join(' or ')}`)
  }
  return value
}

function redisPrefix(value: string | undefined): string {
  if (!value) return 'hytepaja'
  if (!/^[A-Za-z0-9_.:-]{1,64}$/.test(value)) {
    throw new ConfigError('REDIS_PREFIX may hold 1–64 letters, digits and _ . : -')
  }
  return value
}

/** A console key that could be guessed is refused at start (a generated one has 32 characters). */
export const MIN_ADMIN_TOKEN_LENGTH = 24

function adminToken(value: string | undefined): string | null {
  if (!value) return null
  if (value.length < MIN_ADMIN_TOKEN_LENGTH) {
    throw new ConfigError(
      `ADMIN_TOKEN must be at least ${MIN_ADMIN_TOKEN_LENGTH} characters (leave it unset to have one generated)`,
    )
  }
  return value
}

function trustProxy(value: string | undefined): number {
  if (value === undefined || value === '' || value === 'false') return 0
  if (value === 'true') return 1
  const n = Number(value)
  if (!Number.isInteger(n) || n < 0 || n > 10) {
    throw new ConfigError(`TRUST_PROXY must be the number of proxies in front (0–10), got ${value}`)
  }
  return n
}

function linkSecret(value: string | undefined): string | null {
  if (!value) return null
  if (value.length < 32) throw new ConfigError('LINK_SECRET must be at least 32 characters')
  return value
}

function count(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined || value === '') return fallback
  const n = Number(value)
  if (!Number.isInteger(n) || n < 1)
    throw new ConfigError(`${name} must be a whole number ≥ 1, got ${value}`)
  return n
}

/**
 * Four fifths of the process's file-descriptor limit (Linux: /proc/self/limits), so that the
 * database, /healthz and the logs still get theirs when sockets fill the rest.
 */
export function defaultSocketTotal(limitsFile = '/proc/self/limits'): number {
  try {
    const line = readFileSync(limitsFile, 'utf8')
      .split('\n')
      .find((l) => l.startsWith('Max open files'))
    const soft = Number(line?.split(/\s{2,}/)[1])
    if (Number.isInteger(soft) && soft > 0) return Math.max(64, Math.floor(soft * 0.8))
  } catch {
    // Not Linux: the fixed default below.
  }
  return 10_000
}

export function parseConfig(
  env: Record<string, string | undefined>,
  cwd = process.cwd(),
  machineLanAddress: () => string | null = lanAddress,
): Config {
  const p = port(env.PORT, 8787)
  const host = env.HOST || '0.0.0.0'
  const given = url('PUBLIC_URL', env.PUBLIC_URL, ['http:', 'https:'])
  const lan = given || !LISTEN_EVERYWHERE.includes(host) ? null : machineLanAddress()
  const publicUrl = (given ?? (lan ? `http://${lan}:${p}` : `http://localhost:${p}`)).replace(
    /\/+$/,
    '',
  )
  return {
    port: p,
    host,
    publicUrl,
    publicUrlFrom: given ? 'PUBLIC_URL' : lan ? 'lan' : 'localhost',
    dataDir: resolve(cwd, env.DATA_DIR || './data'),
    databaseUrl: url('DATABASE_URL', env.DATABASE_URL, ['postgres:', 'postgresql:']),
    sqliteCheckpointPages: count('SQLITE_CHECKPOINT_PAGES', env.SQLITE_CHECKPOINT_PAGES, 1000),
    redisUrl: url('REDIS_URL', env.REDIS_URL, ['redis:', 'rediss:']),
    redisPrefix: redisPrefix(env.REDIS_PREFIX),
    adminToken: adminToken(env.ADMIN_TOKEN),
    linkSecret: linkSecret(env.LINK_SECRET),
    clientDir: env.CLIENT_DIR === '' ? null : resolve(cwd, env.CLIENT_DIR || defaultClientDir()),
    logLevel: env.LOG_LEVEL || 'info',
    trustProxy: trustProxy(env.TRUST_PROXY),
    seedDemo: env.SEED_DEMO !== '0' && env.SEED_DEMO !== 'false',
    metricsPort: env.METRICS_PORT ? port(env.METRICS_PORT, 0, 'METRICS_PORT') : null,
    socketCaps: {
      perToken: count('MAX_SOCKETS_PER_TOKEN', env.MAX_SOCKETS_PER_TOKEN, 32),
      perAddress: count('MAX_SOCKETS_PER_ADDRESS', env.MAX_SOCKETS_PER_ADDRESS, 2_000),
      total: count('MAX_SOCKETS', env.MAX_SOCKETS, defaultSocketTotal()),
    },
  }
}

/**
 * The config as it stands once the server listens: with PORT=0 the system picked the port, and
 * links built from the machine's own address (PUBLIC_URL unset) must carry that port, not ":0".
 * A PUBLIC_URL is the operator's and is kept as given.
 */
export function withListeningPort(config: Config, listening: number): Config {
  if (config.port !== 0 || config.publicUrlFrom === 'PUBLIC_URL') return config
  const url = new URL(config.publicUrl)
  url.port = String(listening)
  return { ...config, port: listening, publicUrl: url.toString().replace(/\/+$/, '') }
}

function defaultClientDir(): string {
  // server/dist/config.js → client/dist
  return new URL('../../client/dist', import.meta.url).pathname
}
