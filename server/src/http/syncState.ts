import { Hono } from 'hono'
import type { SyncAccess } from '../sync/access.js'
import type { Rooms } from '../sync/rooms.js'
import { pickEncoding, varyOnEncoding } from './acceptEncoding.js'
import { errorBody } from './errors.js'
import type { WholeStates } from './wholeStates.js'

export interface SyncStateDeps {
  access: SyncAccess
  rooms: Rooms
  states: WholeStates
}

/**
 * `GET /api/sync/{docName}/state?token=…`: the whole document as one Yjs update (what a socket
 * that joins with an empty document gets in sync step 2), compressed as the browser accepts.
 * A phone with no copy of its own fetches this beside opening its socket: `/sync` frames are
 * not compressed, and on a slow link a 2,000-note board's ~870 kB frame was most of the first
 * render. The same decision as the socket's (401/403/404 with the JSON error body); the room
 * is held and let go as a socket's is (it lingers for the socket that follows).
 */
export function syncStateRoutes(deps: SyncStateDeps): Hono {
  const app = new Hono()
  app.get('/:doc/state', async (c) => {
    // Hono has decoded the name already (`board%3A…` arrives as `board:…`).
    const docName = c.req.param('doc')
    const decision = await deps.access.authorize(c.req.query('token'), docName)
    if (!decision.ok) return c.json(errorBody(decision.code, decision.message), decision.status)
    const room = await deps.rooms.acquire(docName)
    try {
      const encoding = pickEncoding(c.req.header('Accept-Encoding'), ['br', 'gzip'])
      const body = encoding ? await deps.states.encoded(room, encoding) : deps.states.plain(room)
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
    } finally {
      deps.rooms.release(room)
    }
  })
  return app
}
