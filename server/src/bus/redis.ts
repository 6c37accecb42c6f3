import { randomBytes } from 'node:crypto'
import { hostname } from 'node:os'
import { Redis, type RedisOptions } from 'ioredis'
import { RateLimiterMemory, RateLimiterRedis } from 'rate-limiter-flexible'
import type { DocFeed, Replication } from '../sync/replication.js'
import { Channels } from './channels.js'
import { readBacklog, type StreamCursor, StreamPublisher, StreamReader } from './streams.js'
import type { Bus, BusLog } from './types.js'

export interface RedisBusOptions {
  url: string
  /** Starts every key, so that several deployments (or tests) can share one Redis. */
  prefix: string
  log: BusLog
  /** How long stream entries are kept (default 60 s): loaders and lagging readers need them. */
  streamGraceMs?: number
  /** How long the start waits for Redis before it gives up (default 5 s). */
  connectTimeoutMs?: number
}

/** A compaction that takes longer than this lets another instance start one. */
const LEASE_MS = 30_000
/** Releases a lease only if it is still ours (it may have expired and been taken). */
const RELEASE = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) end return 0`
/** Streams are trimmed by XADD; one nobody writes to any more goes after this. */
const IDLE_STREAM_TTL_MS = 60 * 60 * 1000
/** XADD MINID needs Redis 6.2. */
const MIN_VERSION = [6, 2]

/**
 * Connects to Redis and returns the bus that lets several instances serve the same documents
 * (see DESIGN's scale-out and research §3.5). Fails at once, with a message that says so, when
 * Redis does not answer; later losses are logged and ridden out while local peers are served.
 */
export async function connectRedisBus(options: RedisBusOptions): Promise<Bus> {
  const { prefix, log } = options
  const instanceId = `${hostname()}-${process.pid}-${randomBytes(3).toString('hex')}`
  const keys = {
    stream: (doc: string) => `${prefix}:s:${doc}`,
    awareness: (doc: string) => `${prefix}:a:${doc}`,
    control: `${prefix}:ctl`,
    lease: (doc: string) => `${prefix}:cmp:${doc}`,
    rateLimit: (name: string) => `${prefix}:rl:${name}`,
  }
  const base: RedisOptions = {
    lazyConnect: true,
    retryStrategy: (times) => Math.min(100 * 2 ** Math.min(times, 5), 2_000),
  }
  // Commands fail at once while Redis is away (their callers retry or fall back); the reader
  // and the subscriber wait for it instead.
  const commands = new Redis(options.url, {
    ...base,
    connectionName: 'hytepaja-commands',
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    commandTimeout: 5_000,
  })
  const reader = new Redis(options.url, {
    ...base,
    connectionName: 'hytepaja-reader',
    maxRetriesPerRequest: null,
  })
  const subscriber = new Redis(options.url, {
    ...base,
    connectionName: 'hytepaja-subscriber',
    maxRetriesPerRequest: null,
  })
  const connections = { commands, reader, subscriber }
  let closing = false
  for (const [name, connection] of Object.entries(connections)) {
    let lost = false
    const lose = (err?: unknown) => {
      if (!lost && !closing) log.warn({ err, connection: name }, 'lost Redis; reconnecting')
      lost = true
    }
    connection.on('error', lose)
    connection.on('close', () => lose())
    connection.on('ready', () => {
      if (lost && !closing) log.info({ connection: name }, 'Redis is back')
      lost = false
    })
  }

  try {
    await withTimeout(
      Promise.all(Object.values(connections).map((c) => c.connect())),
      options.connectTimeoutMs ?? 5_000,
    )
    await checkVersion(commands)
  } catch (error) {
    closing = true
    for (const connection of Object.values(connections)) connection.disconnect()
    const why = error instanceof Error ? error.message : String(error)
    throw new Error(`Redis at ${where(options.url)} (REDIS_URL) is not usable: ${why}`)
  }

  const streamOptions = {
    instanceId,
    graceMs: options.streamGraceMs ?? 60_000,
    idleTtlMs: IDLE_STREAM_TTL_MS,
    log,
  }
  const publisher = new StreamPublisher(commands, streamOptions)
  const streams = new StreamReader(reader, commands, {
    ...streamOptions,
    blockMs: 1_000,
    count: 500,
  })
  const channels = new Channels(subscriber, commands, keys.control, instanceId, log)
  await channels.start()
  await streams.start()

  const reconnectHandlers: Array<() => void> = []
  let subscribedOnce = false
  subscriber.on('ready', () => {
    if (!subscribedOnce || closing) return
    // Pub/sub delivered nothing while the connection was down.
    channels.refresh()
    for (const handler of reconnectHandlers) handler()
  })
  subscribedOnce = true

  const replication: Replication = {
    async join(name) {
      const key = keys.stream(name)
      let backlog: { updates: Uint8Array[]; lastId: string }
      try {
        backlog = await readBacklog(commands, key)
      } catch (error) {
        // Served without the backlog; once Redis is back the reader starts a grace window
        // back, and Rooms.catchUp reads the store again.
        log.warn({ err: error, doc: name }, 'reading a document stream failed')
        backlog = { updates: [], lastId: `${Date.now() - streamOptions.graceMs}-0` }
      }
      return createFeed(name, key, backlog)
    },
  }

  function createFeed(
    name: string,
    key: string,
    backlog: { updates: Uint8Array[]; lastId: string },
  ): DocFeed {
    const cursor: StreamCursor = { key, lastId: backlog.lastId, deliver: () => undefined }
    const awarenessChannel = keys.awareness(name)
    let leaveAwareness: (() => void) | null = null
    return {
      backlog: backlog.updates,
      start(sink) {
        cursor.deliver = (update) => sink.applyRemoteUpdate(update)
        streams.add(cursor)
        leaveAwareness = channels.joinDoc(awarenessChannel, sink)
      },
      publishUpdate: (update) => publisher.publish(key, update),
      publishAwareness: (update) => channels.publishAwareness(awarenessChannel, update),
      acquireCompaction: () => acquireLease(keys.lease(name)),
      leave() {
        streams.remove(cursor)
        leaveAwareness?.()
        leaveAwareness = null
      },
    }
  }

  async function acquireLease(key: string): Promise<(() => void) | null> {
    const token = `${instanceId}:${randomBytes(4).toString('hex')}`
    try {
      if ((await commands.set(key, token, 'PX', LEASE_MS, 'NX')) !== 'OK') return null
    } catch {
      // Redis is away: compact all the same (the store's compaction is correct without it).
      return () => undefined
    }
    return () => {
      commands.eval(RELEASE, 1, key, token).catch(() => undefined)
    }
  }

  return {
    instanceId,
    replication,
    broadcast: (message) => channels.broadcast(message),
    onControl: (apply) => channels.onControl(apply),
    onReconnect: (handler) => {
      reconnectHandlers.push(handler)
    },
    createRateLimiter: ({ name, points, durationSec }) =>
      new RateLimiterRedis({
        storeClient: commands,
        keyPrefix: keys.rateLimit(name),
        points,
        duration: durationSec,
        rejectIfRedisNotReady: true,
        // While Redis is away each instance counts on its own.
        insuranceLimiter: new RateLimiterMemory({ keyPrefix: name, points, duration: durationSec }),
      }),
    async close() {
      await withTimeout(publisher.flush(), 2_000).catch((error) =>
        log.warn({ err: error }, 'some document updates did not reach Redis before stopping'),
      )
      closing = true
      await streams.close()
      for (const connection of Object.values(connections)) connection.disconnect()
    },
  }
}

async function checkVersion(redis: Redis): Promise<void> {
  const info = await redis.info('server')
  const version = /redis_version:(\d+)\.(\d+)/.exec(info)
  const [major, minor] = [Number(version?.[1]), Number(version?.[2])]
  const [needMajor, needMinor] = MIN_VERSION as [number, number]
  if (!(major > needMajor || (major === needMajor && minor >= needMinor))) {
    throw new Error(`Redis ${needMajor}.${needMinor} or newer is needed, this is ${major}.${minor}`)
  }
}

/** Host and port of a Redis URL, never its password. */
function where(url: string): string {
  try {
    const parsed = new URL(url)
    return `${parsed.hostname}:${parsed.port || 6379}`
  } catch {
    return 'REDIS_URL'
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer in ${ms} ms`)), ms)
  })
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer))
}
