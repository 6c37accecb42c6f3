import { ideasRoot } from '@hytepaja/shared/doc/schema/board'
import * as ideas from '@hytepaja/shared/domain/ideas'
import { afterEach, describe, expect, it } from 'vitest'
import type WebSocket from 'ws'
import * as Y from 'yjs'
import {
  Clients,
  rawClient,
  startWithEvent,
  type TestServer,
  testActor,
  waitFor,
  wire,
} from '../testing/sync.js'

const servers: TestServer[] = []
const clients = new Clients()
afterEach(async () => {
  clients.destroyAll()
  for (const server of servers.splice(0)) await server.dispose()
})

/** Stops reading a client socket: whatever the server sends stays in its buffers. */
function stopReading(ws: WebSocket): void {
  ;(ws as unknown as { _socket: { pause(): void } })._socket.pause()
}

describe('sockets that never read', () => {
  it('are closed (4500) before a document larger than the send limit is queued for them', async () => {
    // The send limit stands for the 8 MiB of production, the board for a document above it.
    const limit = 1024 * 1024
    const { server, board, event } = await startWithEvent({ maxBufferedBytes: limit })
    servers.push(server)
    await server.ctx.rooms.withDoc(board, (room) => {
      room.doc.transact(() => {
        for (let i = 0; i < 3000; i++) {
          ideas.add(room.doc, { text: `${i} ${'muistiinpano '.repeat(36)}` }, testActor())
        }
      })
    })
    const size = await server.ctx.rooms.withDoc(board, (room) => {
      expect(ideasRoot(room.doc).size).toBe(3000)
      return Y.encodeStateAsUpdate(room.doc).byteLength
    })
    expect(size).toBeGreaterThan(limit)

    const sockets = await Promise.all(
      Array.from({ length: 40 }, () => rawClient(server, board, event.tokens.organiser)),
    )
    for (const socket of sockets) {
      clients.track(socket)
      stopReading(socket.ws)
      // Like a y-websocket client on connecting: "send me what I lack", i.e. everything.
      socket.send(wire.syncStep1(new Uint8Array([0])))
    }
    await waitFor(() => server.ctx.connections.size === 0, 'every non-reader to be dropped', 60_000)
    const metrics = await server.ctx.metrics.registry.metrics()
    expect(metrics).toContain('hytepaja_sync_closed_sockets_total{code="4500"} 40')
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200)
  }, 90_000)
})
