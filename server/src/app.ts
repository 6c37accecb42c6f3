import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { eventDocName } from '@hytepaja/shared/doc/names'
import { groupsRoot } from '@hytepaja/shared/doc/schema/event'
import { Hono } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { secureHeaders } from 'hono/secure-headers'
import { resolveSession } from './auth/sessions.js'
import { createSyncAccess } from './auth/syncAccess.js'
import { authorKey } from './boards/authorKeys.js'
import { proposalPartExists } from './commands/proposals.js'
import type { ServerContext } from './context.js'
import { bearerToken } from './http/bearer.js'
import { callerOf, isConsoleKey } from './http/caller.js'
import { checkingRoutes } from './http/checking.js'
import { addressKey, clientAddress, incomingAddress } from './http/clientAddress.js'
import { indexClientFiles, sendClientFile } from './http/clientFiles.js'
import { loadClientShell } from './http/clientShell.js'
import { compressAnswers } from './http/compressAnswers.js'
import { errorAnswer, errorBody, respondToError, unauthorised } from './http/errors.js'
import { adminRoutes } from './http/events.js'
import { facilitationRoutes } from './http/facilitation.js'
import { facilitatorSeatRoutes } from './http/facilitatorSeats.js'
import { followUpRoutes } from './http/followUp.js'
import { followUpItemRoutes } from './http/followUpItem.js'
import { joinRoutes } from './http/join.js'
import { minutesRoutes } from './http/minutes.js'
import { organiserRoutes } from './http/organiser.js'
import { plenaryRoutes } from './http/plenary.js'
import { proposalRoutes } from './http/proposals.js'
import { registerRoutes } from './http/register.js'
import { retentionRoutes } from './http/retention.js'
import { seriesRoutes } from './http/series.js'
import { sessionRoutes } from './http/session.js'
import { settingsRoutes } from './http/settings.js'
import { StateCaps } from './http/stateCaps.js'
import { summaryRoutes } from './http/summaries.js'
import { syncStateRoutes } from './http/syncState.js'
import { WholeStates } from './http/wholeStates.js'
import type { SocketRefusal } from './sync/connections.js'
import type { Room } from './sync/room.js'
import { syncRoutes } from './sync/route.js'
import type { DirectUpgrades } from './sync/upgrade.js'
import { decideUpgrade, type UpgradeDecisionDeps } from './sync/upgradeDecision.js'

/** The largest request body a command takes: its JSON is a few kB at most. */
export const MAX_BODY_BYTES = 256 * 1024

/** The whole HTTP surface of one process: the built client, /api/* and /sync/*. */
export function createApp(ctx: ServerContext, sync: UpgradeDecisionDeps = syncUpgradeDeps(ctx)) {
  const app = new Hono()
  app.onError((error, c) => respondToError(error, c, ctx.log))
  app.notFound((c) => c.json(errorBody('notFound', 'no such route'), 404))

  // Answers that are not pages get the pages' protections too (no sniffing, no framing), with a
  // policy that lets a JSON answer load nothing. (Registered before the routes: Hono runs
  // middleware only in front of the handlers added after it.)
  const dataHeaders = secureHeaders({
    contentSecurityPolicy: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] },
    referrerPolicy: 'no-referrer',
    xFrameOptions: 'DENY',
  })
  for (const path of ['/healthz', '/metrics', '/api/*']) app.use(path, dataHeaders)

  // `degraded` (still 200: everything else keeps working) when the store failed its check at
  // start or a document could not be read; only counts, the names are the organisers'.
  app.get('/healthz', (c) => {
    const { integrity, unreadable } = ctx.health
    if (integrity !== 'damaged' && unreadable.size === 0) return c.json({ status: 'ok' })
    return c.json({
      status: 'degraded',
      store: { integrity, unreadableDocuments: unreadable.size },
    })
  })
  app.get('/metrics', async (c) => {
    if (!(await isConsoleKey(ctx, c, bearerToken(c)))) throw unauthorised()
    c.header('Content-Type', ctx.metrics.registry.contentType)
    return c.body(await ctx.metrics.registry.metrics())
  })

  // Answers carry tokens, names and votes: no browser or proxy may keep them.
  app.use('/api/*', async (c, next) => {
    await next()
    c.header('Cache-Control', 'no-store')
  })
  // Who calls is checked before a byte of the body is read: without a live token of the event
  // nothing is parsed (401/403/404), however large the body says it is.
  app.use('/api/events/:id/*', async (c, next) => {
    await callerOf(ctx, c, c.req.param('id'))
    await next()
  })
  // Then the body is read only up to its limit (413 as soon as it is passed).
  app.use(
    '/api/*',
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      onError: (c) => {
        ctx.metrics.refusedRequests.inc({ reason: 'bodyTooLarge' })
        // The rest of the body is not wanted: the connection ends with this answer.
        c.header('Connection', 'close')
        return c.json(
          errorBody('request.tooLarge', `the body is larger than ${MAX_BODY_BYTES} bytes`),
          413,
        )
      },
    }),
  )
  app.use('/api/*', compressAnswers())

  const api = new Hono()
  api.route('/events', adminRoutes(ctx))
  api.route('/events', organiserRoutes(ctx))
  api.route('/events', facilitationRoutes(ctx))
  api.route('/events', facilitatorSeatRoutes(ctx))
  api.route('/events', proposalRoutes(ctx))
  api.route('/events', plenaryRoutes(ctx))
  api.route('/events', checkingRoutes(ctx))
  api.route('/events', minutesRoutes(ctx))
  api.route('/events', retentionRoutes(ctx))
  api.route('/events', followUpItemRoutes(ctx))
  // The server's clock, so every screen counts a timer down alike.
  api.get('/time', (c) => c.json({ now: Date.now() }))
  api.route('/', joinRoutes(ctx))
  api.route('/', sessionRoutes(ctx))
  api.route('/', registerRoutes(ctx))
  api.route('/', followUpRoutes(ctx))
  api.route('/', summaryRoutes(ctx))
  api.route('/', seriesRoutes(ctx))
  api.route('/', settingsRoutes(ctx))
  app.route('/api', api)

  app.route('/sync', syncRoutes(sync))
  app.route(
    '/api/sync',
    syncStateRoutes({
      access: sync.access,
      rooms: ctx.rooms,
      states: new WholeStates(),
      // Each answer comes before a socket of the same document: a token or an address may have
      // as many on their way as it may hold sockets open.
      caps: new StateCaps(ctx.limits, {
        perToken: ctx.config.socketCaps.perToken,
        perAddress: ctx.config.socketCaps.perAddress,
      }),
      addressOf: (c) => addressKey(clientAddress(c, ctx.config.trustProxy)),
      onRefused: (reason) => ctx.metrics.refusedRequests.inc({ reason }),
    }),
  )
  app.all('/api/*', (c) => c.json(errorBody('notFound', 'no such route'), 404))
  app.all('/sync/*', (c) =>
    c.json(errorBody('sync.upgradeRequired', 'open this with a WebSocket'), 426),
  )

  if (ctx.config.clientDir && existsSync(join(ctx.config.clientDir, 'index.html'))) {
    mountClient(app, ctx.config.clientDir)
  }
  return app
}

/**
 * What deciding a sync upgrade needs, made once: the app's sync route and the server's direct
 * path for upgrades of the usual form (sync/upgrade.ts) share it.
 */
export function syncUpgradeDeps(ctx: ServerContext): UpgradeDecisionDeps {
  const recent = ctx.recentSessions
  const access = createSyncAccess({
    session: recent
      ? (token) => recent.resolve(ctx.db, token)
      : (token) => resolveSession(ctx.db, token),
    // A look-up in the live event document, not a list of its groups: this runs for every
    // socket, and building and sorting an event's groups was a tenth of a join's CPU time
    // under 4,000 joins (200 rooms x 20). Read live, a group added or removed counts at once.
    // Read at once when the event document is loaded (it is while any of its sockets is open):
    // withDoc's promise and closure were ~1 KB of what a join allocated.
    groupExists: (eventId, groupId) => {
      const name = eventDocName(eventId)
      const loaded = ctx.rooms.loadedNow(name)
      return loaded
        ? hasGroup(loaded, groupId)
        : ctx.rooms.withDoc(name, (room) => hasGroup(room, groupId))
    },
    proposalPartExists: (eventId, groupId, part) => proposalPartExists(ctx, eventId, groupId, part),
    authorKey: rememberedAuthorKeys(ctx.secrets.linkSecret),
  })
  return {
    access,
    connections: ctx.connections,
    onRefused: (reason: SocketRefusal) => ctx.metrics.refusedSockets.inc({ reason }),
    addressOf: (incoming) => addressKey(incomingAddress(incoming, ctx.config.trustProxy)),
  }
}

/** The direct path's decision (sync/upgrade.ts): the route's, errors answered as the app's. */
export function directSyncUpgrades(ctx: ServerContext, sync: UpgradeDecisionDeps): DirectUpgrades {
  return {
    decide: (target, incoming) => decideUpgrade(sync, target.docName, target.token, incoming),
    statusOfError: (error) => errorAnswer(error, ctx.log).status,
  }
}

/** Author keys remembered at most; past this all are forgotten and made again as needed. */
const hasGroup = (event: Room, groupId: string): boolean => groupsRoot(event.doc).has(groupId)

const MAX_REMEMBERED_AUTHOR_KEYS = 20_000

/**
 * A seat's author key on a board, made once and remembered: every socket of the seat on that
 * board (each reconnect, each tab) needs the same key, and an HMAC per socket (OpenSSL sets
 * one up anew each time) was 2-5 % of the server's time for a join while 4,000 sockets joined.
 */
function rememberedAuthorKeys(secret: string) {
  const keys = new Map<string, string>()
  return (eventId: string, groupId: string, seatId: string): string => {
    const name = `${eventId}\0${groupId}\0${seatId}`
    let key = keys.get(name)
    if (key === undefined) {
      if (keys.size >= MAX_REMEMBERED_AUTHOR_KEYS) keys.clear()
      key = authorKey(secret, eventId, groupId, seatId)
      keys.set(name, key)
    }
    return key
  }
}

/** What an open sync socket needs (the route lets it in, `openSyncSocket` serves it). */
export function syncSocketDeps(ctx: ServerContext) {
  return {
    rooms: ctx.rooms,
    connections: ctx.connections,
    log: ctx.log,
    onRefused: (reason: SocketRefusal) => ctx.metrics.refusedSockets.inc({ reason }),
    onClosed: (code: number) => ctx.metrics.closedSockets.inc({ code: String(code) }),
  }
}

function mountClient(app: Hono, root: string) {
  const shell = loadClientShell(root)
  const files = indexClientFiles(root)
  app.use(
    '*',
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        connectSrc: ["'self'", 'ws:', 'wss:'],
        imgSrc: ["'self'", 'data:', 'blob:'],
        // React sets note positions through style attributes; the first HTML styles its
        // loading screen inline.
        styleSrc: ["'self'", "'unsafe-inline'"],
        scriptSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        frameAncestors: ["'self'"],
      },
      referrerPolicy: 'no-referrer',
      crossOriginEmbedderPolicy: false,
    }),
  )
  // `/` is the home route, not the file index.html.
  app.get('/', (c) => shell.send(c))
  app.get('*', async (c, next) => sendClientFile(c, files) ?? next())
  // A file the build does not have (an old chunk name after a deploy) is missing, not a page:
  // the app shell in its place would be kept for a year as that "script".
  app.all('/assets/*', (c) => c.json(errorBody('notFound', 'no such file'), 404))
  // Every other path is a client route: the app reads its token from the fragment itself.
  app.get('*', (c) => shell.send(c))
}
