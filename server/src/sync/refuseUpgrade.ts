import { STATUS_CODES } from 'node:http'
import type { Duplex } from 'node:stream'
import type { Context } from 'hono'

interface NodeBindings {
  incoming?: { socket?: Duplex; headers?: Record<string, string | string[] | undefined> }
  outgoing?: unknown
}

/** The raw socket of a WebSocket upgrade request (there is no response object to answer on). */
function upgradeSocket(c: Context): Duplex | null {
  const env = c.env as NodeBindings | undefined
  if (!env?.incoming || env.outgoing !== undefined) return null
  const upgrade = env.incoming.headers?.upgrade
  if (typeof upgrade !== 'string' || upgrade.toLowerCase() !== 'websocket') return null
  return env.incoming.socket ?? null
}

/**
 * Refuses a request to `/sync/…` with the contract's JSON error body. A plain HTTP request gets
 * an ordinary response. An upgrade request is answered on its socket here, because the Node
 * adapter answers refused upgrades with status and headers only (`Content-Length: 0`); the
 * socket is then destroyed, which the adapter takes as "already answered".
 */
export function refuseSync(
  c: Context,
  status: 401 | 403 | 404 | 429,
  error: { code: string; message: string },
): Response {
  const socket = upgradeSocket(c)
  if (socket && !socket.destroyed) refuseOnSocket(socket, status, error)
  return c.json({ error }, status)
}

/**
 * Answers a refused upgrade on its raw socket with the contract's JSON error body, then
 * destroys the socket (the direct path of ./upgrade.ts, and the route through `refuseSync`).
 */
export function refuseOnSocket(
  socket: Duplex,
  status: 401 | 403 | 404 | 429,
  error: { code: string; message: string },
): void {
  const body = JSON.stringify({ error })
  const head = [
    `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ''}`,
    'Connection: close',
    'Content-Type: application/json; charset=UTF-8',
    'Cache-Control: no-store',
    `Content-Length: ${Buffer.byteLength(body)}`,
  ]
  // A small write to an idle socket is handed to the kernel at once; destroying it after
  // the write keeps the adapter from writing a second, empty answer.
  socket.end(`${head.join('\r\n')}\r\n\r\n${body}`, () => socket.destroy())
  socket.destroy()
}
