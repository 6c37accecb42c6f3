import { type Context, Hono } from 'hono'
import type { SyncAccess } from '../sync/access.js'
import type { Room } from '../sync/room.js'
import type { Rooms } from '../sync/rooms.js'
import { pickEncoding, varyOnEncoding } from './acceptEncoding.js'
import { errorBody } from './errors.js'
import type { StateCaps, StateRefusalReason } from './stateCaps.js'
import type { WholeStates } from './wholeStates.js'

export interface SyncStateDeps {
  access: SyncAccess
  rooms: Rooms
  states: WholeStates
  caps: StateCaps
  /** Who the answers are counted against: the client's address (IPv6: its /64). */
  addressOf(c: Context): string
  onRefused(reason: StateRefusalReason): void
}

/**
 * `GET /api/sync/{docName}/state?token=…`: the whole document as one Yjs update (what a socket
 * that joins with an empty document gets in sync step 2), compressed as the browser accepts.
 * A phone with no copy of its own fetches this beside opening its socket: `/sync` frames are
 * not compressed, and on a slow link a 2,000-note board's ~870 kB frame was most of the first
 * render. The same decision as the socket's (401/403/404 with the JSON error body); the room
 * is held and let go as a socket's is (it lingers for the socket that follows). Past its caps
 * (`StateCaps`) 429 with `Retry-After`, decided before the room is acquired: a refused
 * request loads nothing, and the client brings the document over its socket instead.
 */
export function syncStateRoutes(deps: SyncStateDeps): Hono {
  const app = new Hono()
  app.get('/:doc/state', async (c) => {
    // Hono has decoded the name already (`board%3A…` arrives as `board:…`).
    const docName = c.req.param('doc')
    const decision = await deps.access.authorize(c.req.query('token'), docName)
    if (!decision.ok) return c.json(errorBody(decision.code, decision.message), decision.status)
    const admission = await deps.caps.enter(decision, deps.addressOf(c))
    if (!admission.ok) {
      deps.onRefused(admission.reason)
      c.header('Retry-After', String(admission.retryAfterSec))
      return c.json(errorBody(admission.code, admission.message), 429)
    }
    try {
      const room = await deps.rooms.acquire(docName)
      try {
        return await wholeState(deps.states, room, c.req.header('Accept-Encoding'))
      } finally {
        deps.rooms.release(room)
      }
    } finally {
      admission.leave()
    }
  })
  return app
}

/** The room's whole state as the answer, compressed as the browser accepts. */
async function wholeState(
  states: WholeStates,
  room: Room,
  acceptEncoding: string | undefined,
): Promise<Response> {
  const encoding = pickEncoding(acceptEncoding, ['br', 'gzip'])
  const body = encoding ? await states.encoded(room, encoding) : states.plain(room)
  const headers = new Headers({
    'Content-Type': 'application/octet-stream',
    'Content-Length': String(body.byteLength),
    // The token is in the address: no cache may keep the answer under it.
    'Cache-Control': 'no-store',
    Vary: varyOnEncoding(null),
  })
  if (encoding) headers.set('Content-Encoding', encoding)
  return new Response(new Uint8Array(body.buffer, body.byteOffset, body.byteLength), {
    status: 200,
    headers,
  })
}
