import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { serve } from '@hono/node-server'
import pino, { type Logger } from 'pino'
import { WebSocketServer } from 'ws'
import { createApp, directSyncUpgrades, syncSocketDeps, syncUpgradeDeps } from './app.js'
import { RecentSessions } from './auth/recentSessions.js'
import { loadSecrets } from './auth/secrets.js'
import { createLocalBus } from './bus/local.js'
import type { Bus } from './bus/types.js'
import { type Clock, systemClock } from './clock.js'
import { applyControl, recheckSockets } from './commands/sockets.js'
import { type Config, withListeningPort } from './config.js'
import type { ServerContext } from './context.js'
import { guardDocument } from './documentRules.js'
import { createRateLimits, type RateLimitSettings } from './http/rateLimits.js'
import { createMetrics } from './metrics.js'
import {
  createRetentionScheduler,
  DEFAULT_RETENTION_TIMING,
  type RetentionScheduler,
  type RetentionTiming,
} from './retention/scheduler.js'
import { createClientSeatStore } from './store/clientSeats.js'
import { createDocStore } from './store/docStore.js'
import { checkIntegrity } from './store/integrity.js'
import { openDatabase } from './store/open.js'
import type { SqlDb } from './store/sql.js'
import { Connections } from './sync/connections.js'
import { Rooms } from './sync/rooms.js'
import { openSyncSocket, SyncWebSocket } from './sync/syncSocket.js'
import { takeUpgrades } from './sync/upgrade.js'

/** A frame over this closes the socket with 1009 (the contract's limit). */
export const MAX_FRAME_BYTES = 2 * 1024 * 1024

export interface Tuning {
  /** How long an empty room stays loaded. */
  roomLingerMs?: number
  /** How often every socket is pinged; a socket that misses one ping is dropped. */
  keepaliveMs?: number
  flushIntervalMs?: number
  compactAfterUpdates?: number
  compactAfterBytes?: number
  /** On close, how long to wait for clients to answer the close before cutting them off. */
  shutdownGraceMs?: number
  /** How long Redis keeps document stream entries (catch-up window for other instances). */
  streamGraceMs?: number
  /** A peer whose send buffer would pass this with its next frame is closed (4500). */
  maxBufferedBytes?: number
  rateLimits?: Partial<RateLimitSettings>
  /** Wraps the opened database (tests put a failing disk between the store and SQLite). */
  wrapDb?: (db: SqlDb) => SqlDb
  /** The clock of the schedules (tests move their own). */
  clock?: Clock
  /** When the retention schedule runs; `intervalMs: 0` runs none (tests call its `tick`). */
  retention?: Partial<RetentionTiming>
}

export interface RunningServer {
  ctx: ServerContext
  port: number
  url: string
  /** The port of `METRICS_PORT` (null when the metrics are only on the main port). */
  metricsPort: number | null
  /** The retention schedule (README, "Retention"). */
  retention: RetentionScheduler
  /** Stops accepting, closes sockets, writes everything and closes the database. */
  close(): Promise<void>
}

/** Builds every real part from the config and listens; main.ts and the tests call this. */
export async function startServer(
  config: Config,
  tuning: Tuning = {},
  log?: Logger,
): Promise<RunningServer> {
  const logger = log ?? pino({ level: config.logLevel })
  const metrics = createMetrics()
  // Redis first: an instance that cannot reach the others must not start serving alone.
  // ioredis is loaded only when there are other instances: alone, it would cost ~15 MB of
  // memory (code and heap) for nothing.
  const bus: Bus = config.redisUrl
    ? await (await import('./bus/redis.js')).connectRedisBus({
        url: config.redisUrl,
        prefix: config.redisPrefix,
        log: logger,
        streamGraceMs: tuning.streamGraceMs,
      })
    : createLocalBus()
  const opened = await openDatabase(config, (error) =>
    logger.error({ err: error }, 'the SQLite checkpoint thread failed: commits checkpoint again'),
  ).catch(async (error) => {
    await bus.close()
    throw error
  })
  const db = tuning.wrapDb ? tuning.wrapDb(opened) : opened
  const health = await checkIntegrity(db).catch(async (error) => {
    await db.close()
    await bus.close()
    throw error
  })
  if (health.integrity === 'damaged') {
    logger.error({ problems: health.problems.slice(0, 20) }, 'the store failed its integrity check')
  }
  const docs = createDocStore(db, {
    flushIntervalMs: tuning.flushIntervalMs,
    sharedLog: config.redisUrl !== null,
    onError: (err) => {
      metrics.storeWriteFailures.inc()
      logger.error({ err }, 'writing updates failed; retrying')
    },
  })
  let ctx: ServerContext
  const rooms = new Rooms({
    store: docs,
    lingerMs: tuning.roomLingerMs,
    limits: {
      ...(tuning.compactAfterUpdates ? { compactAfterUpdates: tuning.compactAfterUpdates } : {}),
      ...(tuning.compactAfterBytes ? { compactAfterBytes: tuning.compactAfterBytes } : {}),
      ...(tuning.maxBufferedBytes ? { maxBufferedBytes: tuning.maxBufferedBytes } : {}),
    },
    // Rooms load only once the server listens, when `ctx` below is set.
    onLoad: (room) => guardDocument(room, ctx),
    replication: bus.replication,
    clientSeats: createClientSeatStore(db, docs),
    events: {
      onPeerError: (room, peer, err) =>
        logger.warn({ doc: room.name, peer: peer.id, err: err.message }, 'peer dropped'),
      onStoreError: (name, err) => logger.error({ doc: name, err }, 'store failed'),
      onAwarenessDropped: (reason, count) => metrics.awarenessDropped.inc({ reason }, count),
      onCompacted: (_name, encodeMs) => metrics.compactionSeconds.observe(encodeMs / 1000),
      onUnreadable: (error) => {
        metrics.unreadableDocs.inc()
        health.unreadable.add(error.docName)
        logger.error({ doc: error.docName, err: error.cause }, 'document cannot be read')
      },
      // Not logged: every edit a participant makes on a locked board arrives here.
      onRejectedWrite: () => metrics.refusedUpdates.inc({ reason: 'readOnly' }),
      onRefusedUpdate: (room, peer, reason) => {
        metrics.refusedUpdates.inc({ reason })
        logger.warn({ doc: room.name, peer: peer?.id ?? null, reason }, 'update refused')
      },
    },
  })
  const connections = new Connections(config.socketCaps)
  const secrets = loadSecrets(config.dataDir, config.adminToken, config.linkSecret)
  const limits = createRateLimits(bus, tuning.rateLimits)
  ctx = {
    config,
    db,
    docs,
    rooms,
    connections,
    secrets,
    bus,
    log: logger,
    limits,
    metrics,
    health,
    clock: tuning.clock ?? systemClock,
    recentSessions: config.redisUrl ? null : new RecentSessions(),
  }
  metrics.gauge('sync_sockets', 'open sync sockets', () => connections.size)
  metrics.gauge('sync_rooms', 'documents loaded', () => rooms.size)
  bus.onControl((message) => applyControl(ctx, message))
  bus.onReconnect(() => {
    rooms.catchUp().catch((err) => logger.error({ err }, 'catching up from the store failed'))
    recheckSockets(ctx).catch((err) => logger.error({ err }, 'checking sockets again failed'))
  })
  const upgradeDeps = syncUpgradeDeps(ctx)
  const app = createApp(ctx, upgradeDeps)
  // No permessage-deflate: compressing every relayed update per socket costs more CPU than the
  // few hundred bytes it saves, and rooms write their relayed frames to the socket themselves
  // (route.ts, sendBatch), which only keeps order with ws's own writes when nothing is deflated.
  // Open sockets are kept by `connections` (sync/connections.ts), which closes them on stop:
  // ws's own set of clients would keep each one a second time, with a listener of its own.
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: MAX_FRAME_BYTES,
    perMessageDeflate: false,
    clientTracking: false,
    WebSocket: SyncWebSocket,
  })
  const httpServer = serve({
    fetch: app.fetch,
    port: config.port,
    hostname: config.host,
  }) as Server
  const socketDeps = syncSocketDeps(ctx)
  takeUpgrades(httpServer, app.fetch, directSyncUpgrades(ctx, upgradeDeps), wss, (ws, accepted) =>
    // Made by this server, whose sockets are `SyncWebSocket`s (above).
    openSyncSocket(socketDeps, ws as SyncWebSocket, accepted),
  )
  await new Promise<void>((resolve, reject) => {
    httpServer.once('listening', resolve)
    httpServer.once('error', reject)
  })
  const port = (httpServer.address() as AddressInfo).port
  // PORT=0: the links the server makes from now on name the port it got.
  ctx.config = withListeningPort(config, port)
  connections.startKeepalive(tuning.keepaliveMs ?? 30_000)
  const retention = createRetentionScheduler(ctx, {
    ...DEFAULT_RETENTION_TIMING,
    ...tuning.retention,
  })
  const metricsServer =
    config.metricsPort === null ? null : await serveMetrics(ctx, config.host, config.metricsPort)
  const host = config.host === '0.0.0.0' || config.host === '::' ? '127.0.0.1' : config.host
  let closing: Promise<void> | null = null
  return {
    ctx,
    port,
    url: `http://${host}:${port}`,
    metricsPort: metricsServer ? (metricsServer.address() as AddressInfo).port : null,
    retention,
    close() {
      closing ??= (async () => {
        const stopped = new Promise<void>((resolve) => httpServer.close(() => resolve()))
        metricsServer?.close()
        await retention.stop()
        // The rooms are written only after the sockets are closed: updates that clients sent
        // before they saw our close frame are still arriving, and a room written and destroyed
        // before them would drop them.
        await connections.drain(tuning.shutdownGraceMs ?? 5_000)
        await rooms.close()
        await bus.close()
        await docs.close()
        await db.close()
        httpServer.closeAllConnections()
        await stopped
      })()
      return closing
    },
  }
}

/**
 * `METRICS_PORT`: `/metrics` alone, without the console key, for a Prometheus on the private
 * network (keep the port off the public one). The main port serves it only to the console key.
 */
async function serveMetrics(ctx: ServerContext, host: string, port: number): Promise<Server> {
  const server = createServer((req, res) => {
    if (req.method !== 'GET' || req.url?.split('?')[0] !== '/metrics') {
      res.writeHead(404, { 'content-type': 'application/json' })
      res.end(JSON.stringify({ error: { code: 'notFound', message: 'only /metrics here' } }))
      return
    }
    ctx.metrics.registry.metrics().then(
      (text) => {
        res.writeHead(200, { 'content-type': ctx.metrics.registry.contentType })
        res.end(text)
      },
      () => {
        res.writeHead(500, { 'content-type': 'application/json' })
        res.end(JSON.stringify({ error: { code: 'internal', message: 'metrics failed' } }))
      },
    )
  })
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve)
    server.once('error', reject)
    server.listen(port, host)
  })
  return server
}
