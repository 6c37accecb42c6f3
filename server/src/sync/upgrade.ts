import { type IncomingMessage, type Server, STATUS_CODES } from 'node:http'
import { Socket } from 'node:net'
import type { Duplex } from 'node:stream'
import type { WebSocket, WebSocketServer } from 'ws'
import { whenKnown } from '../whenKnown.js'
import type { SyncGrant } from './access.js'
import { refuseOnSocket } from './refuseUpgrade.js'
import type { UpgradeDecision } from './upgradeDecision.js'
import { type SyncTarget, syncTargetOf } from './upgradeTarget.js'

/** A socket the sync route let in: everything the open socket needs from its request. */
export interface AcceptedSocket {
  grant: SyncGrant
  docName: string
  /** The client's address as the socket caps count it. */
  address: string
  /** The client asked for "saved" acknowledgements (`?saved=1`). */
  wantsSaved: boolean
}

/**
 * What an upgrade request carries into the app (Hono's `c.env`): the Node request, as the
 * Node adapter passes it (the client's address and refusals on the raw socket read it), and
 * where the sync route hands over a socket it lets in.
 */
export interface UpgradeEnv {
  incoming: IncomingMessage
  outgoing: undefined
  acceptSync(accepted: AcceptedSocket): void
}

/**
 * The sync route's decision without the app, for upgrades of the usual form: Hono's request,
 * context, router and middleware chain were a fifth of a join's CPU time and a quarter of what
 * it allocated when 4,000 sockets joined (200 rooms × 20).
 */
export interface DirectUpgrades {
  /** What the sync route decides for this target (./upgradeDecision.ts), at once if it can. */
  decide(target: SyncTarget, incoming: IncomingMessage): UpgradeDecision | Promise<UpgradeDecision>
  /** The status the app answers a thrown error with (logged as the app logs it). */
  statusOfError(error: unknown): number
}

/**
 * Takes WebSocket upgrades: a sync upgrade of the usual form is decided directly, any other by
 * the app (the sync route checks the token and the document and answers refusals itself),
 * then the socket is opened with only what was accepted.
 * The Node adapter's own upgrade helper kept the request, its headers, two URLs and the app's
 * context alive for as long as each socket stayed open (about 3 KB a socket, more than the
 * socket's own state) and built a MessageEvent for every frame; here they are garbage once
 * the socket is open.
 */
export function takeUpgrades(
  server: Server,
  fetch: (request: Request, env: UpgradeEnv) => Response | Promise<Response>,
  direct: DirectUpgrades,
  wss: WebSocketServer,
  open: (ws: WebSocket, accepted: AcceptedSocket) => void,
): void {
  server.on('close', () => wss.close())
  server.on('upgrade', async (incoming: IncomingMessage, socket: Duplex, head: Buffer) => {
    // A client that goes away mid-handshake must not bring the process down.
    const ignore = () => undefined
    socket.on('error', ignore)
    if (incoming.headers.upgrade?.toLowerCase() !== 'websocket') {
      answer(socket, 400)
      return
    }
    const target = incoming.method === 'GET' ? syncTargetOf(incoming.url) : null
    const decided = target
      ? decideDirectly(direct, target, incoming, socket)
      : decideInApp(fetch, incoming)
    // Usually decided at once (a kept session, a loaded event document): the socket then opens
    // in this turn, as `ws`'s own examples open it, without a promise job per step.
    const { accepted, status } = decided instanceof Promise ? await decided : decided
    // Refused and answered with a body on the socket, or gone meanwhile.
    if (socket.destroyed) return
    if (!accepted) {
      answer(socket, status)
      return
    }
    // The 101 answer, sync step 1 and the awareness greeting leave in one write, not three:
    // the room is usually loaded, and attaching to it takes only this turn's promise jobs,
    // which run before the immediate that uncorks. (A room that must load first still gets
    // the 101 out then; its frames follow as they come.)
    if (socket instanceof Socket) {
      socket.cork()
      setImmediate(() => socket.uncork())
    }
    wss.handleUpgrade(incoming, socket, head, (ws) => {
      socket.off('error', ignore)
      open(ws, accepted)
    })
  })
}

interface Decided {
  accepted: AcceptedSocket | null
  /** The status of an answer without a body (when not accepted and not answered yet). */
  status: number
}

/** A sync upgrade of the usual form: decided as the route decides, refusals answered here. */
function decideDirectly(
  direct: DirectUpgrades,
  target: SyncTarget,
  incoming: IncomingMessage,
  socket: Duplex,
): Decided | Promise<Decided> {
  const failed = (error: unknown): Decided => ({
    accepted: null,
    status: direct.statusOfError(error),
  })
  try {
    const decided = whenKnown(direct.decide(target, incoming), (decision) =>
      answered(decision, target, socket),
    )
    return decided instanceof Promise ? decided.catch(failed) : decided
  } catch (error) {
    return failed(error)
  }
}

/** A decision taken: the socket let in, or refused with its body on the socket. */
function answered(decision: UpgradeDecision, target: SyncTarget, socket: Duplex): Decided {
  if (decision.ok) {
    const { grant, docName, address } = decision
    return { accepted: { grant, docName, address, wantsSaved: target.wantsSaved }, status: 101 }
  }
  if (!socket.destroyed) refuseOnSocket(socket, decision.status, decision.error)
  return { accepted: null, status: decision.status }
}

/** Any other upgrade: the app decides (the sync route answers its refusals itself). */
async function decideInApp(
  fetch: (request: Request, env: UpgradeEnv) => Response | Promise<Response>,
  incoming: IncomingMessage,
): Promise<Decided> {
  const handed: { accepted: AcceptedSocket | null } = { accepted: null }
  try {
    const response = await fetch(requestOf(incoming), {
      incoming,
      outgoing: undefined,
      acceptSync: (accepted) => {
        handed.accepted = accepted
      },
    })
    return { accepted: handed.accepted, status: response.status }
  } catch {
    // The app answers its own errors; this is a request it could not even read.
    return { accepted: null, status: 400 }
  }
}

/**
 * The request as the app sees it: method, path with query, and headers built only if asked
 * (the host does not matter here). The sync route reads the path and the query; an undici
 * Request with its URL, Headers and AbortSignal for every socket opened was a fifth of the
 * upgrade's own CPU time when 4,000 sockets joined. The Node adapter passes a lazy request of
 * the same kind to the app for plain HTTP requests (its `newRequest`, not exported).
 */
class UpgradeRequest {
  readonly method = 'GET'
  readonly url: string
  #headers: Headers | null = null

  constructor(private readonly incoming: IncomingMessage) {
    const target = incoming.url ?? '/'
    // A path as clients send it is taken as it is; any other form (absolute) is parsed.
    this.url = target.startsWith('/')
      ? `http://localhost${target}`
      : new URL(target, 'http://localhost').href
  }

  get headers(): Headers {
    if (this.#headers) return this.#headers
    const headers = new Headers()
    for (const [key, value] of Object.entries(this.incoming.headers)) {
      if (value === undefined) continue
      headers.append(key, Array.isArray(value) ? (value[0] ?? '') : value)
    }
    this.#headers = headers
    return headers
  }
}

function requestOf(incoming: IncomingMessage): Request {
  // Hono reads `method`, `url` and `headers` of the request it dispatches; nothing else of a
  // Request is asked on the sync route.
  return new UpgradeRequest(incoming) as unknown as Request
}

/** An upgrade that is not let in, answered with its status only (the app's 404, 426…). */
function answer(socket: Duplex, status: number): void {
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ''}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`,
  )
  socket.destroy()
}
