import { CloseCode } from '@hytepaja/shared/protocol/closeCodes'
import { afterEach, describe, expect, it } from 'vitest'
import type WebSocket from 'ws'
import * as awarenessProtocol from 'y-protocols/awareness'
import * as Y from 'yjs'
import {
  Clients,
  type RawClient,
  rawClient,
  readMessageKind,
  startWithEvent,
  type TestServer,
  waitFor,
  wire,
} from '../testing/sync.js'
import { awarenessEntries } from './protocol.js'

// What a room relays goes out once per turn (updates merged) and per short window (awareness):
// these tests hold real sockets to a real server to what a person sees of that.

const servers: TestServer[] = []
const clients = new Clients()
afterEach(async () => {
  clients.destroyAll()
  for (const server of servers.splice(0)) await server.dispose()
})

/** A writer of its own Yjs document; each edit is one update frame (as a provider sends). */
function writer(client: RawClient, clientId: number) {
  const doc = new Y.Doc()
  doc.clientID = clientId
  const edits: Uint8Array[] = []
  doc.on('update', (update: Uint8Array) => edits.push(update))
  return {
    doc,
    client,
    /** Writes a note now; the frame goes out with the socket's next write. */
    write(key: string, text: string) {
      doc.getMap('notes').set(key, text)
      client.send(wire.update(edits.shift() as Uint8Array))
    },
  }
}

/** The Yjs changes (client, first clock, length) of every update frame a socket received. */
function changesReceived(client: RawClient) {
  const changes: Array<{ client: number; clock: number; length: number }> = []
  for (const frame of client.frames) {
    const message = readMessageKind(frame)
    if (message.type !== 'sync' || message.syncType !== 2) continue
    for (const struct of Y.decodeUpdate(message.payload).structs) {
      if (struct instanceof Y.Skip) continue
      changes.push({ client: struct.id.client, clock: struct.id.clock, length: struct.length })
    }
  }
  return changes
}

/** A socket's received updates, applied in order to a fresh document. */
function docOf(client: RawClient): Y.Doc {
  const doc = new Y.Doc()
  for (const frame of client.frames) {
    const message = readMessageKind(frame)
    if (message.type === 'sync' && message.syncType === 2) Y.applyUpdate(doc, message.payload)
  }
  return doc
}

const notesOf = (doc: Y.Doc) => doc.getMap('notes').toJSON()

async function openRaw(server: TestServer, board: string, token: string) {
  const client = clients.track(await rawClient(server, board, token))
  // The server's sync step 1 comes once the socket is in the room.
  await waitFor(() => client.frames.length > 0, 'the room to take the socket')
  return client
}

describe('relaying in batches', () => {
  it('gives every reader each writer’s edits exactly once and in order, bursts included', async () => {
    const { server, board, event } = await startWithEvent()
    servers.push(server)
    const token = event.tokens.organiser
    const readers = await Promise.all([1, 2, 3].map(() => openRaw(server, board, token)))
    const writers = await Promise.all(
      [101, 202, 303].map(async (id) => writer(await openRaw(server, board, token), id)),
    )
    // Three writers burst 40 edits each in one turn of theirs, twice: the server takes many
    // of them in one turn of its own and relays them together.
    for (let round = 0; round < 2; round++) {
      for (let i = 0; i < 40; i++) {
        for (const w of writers) w.write(`${w.doc.clientID}:${round}:${i}`, `edit ${i}`)
      }
      await new Promise((resolve) => setTimeout(resolve, 20))
    }
    const expected: Record<string, unknown> = {}
    for (const w of writers) Object.assign(expected, notesOf(w.doc))
    expect(Object.keys(expected)).toHaveLength(240)
    for (const reader of readers) {
      await waitFor(
        () => Object.keys(notesOf(docOf(reader))).length === 240,
        'every edit to reach the reader',
      )
    }

    for (const receiver of [...readers, ...writers.map((w) => w.client)]) {
      // What it received and what it wrote itself make the whole board.
      const own = writers.find((w) => w.client === receiver)
      const shown = docOf(receiver)
      if (own) Y.applyUpdate(shown, Y.encodeStateAsUpdate(own.doc))
      expect(notesOf(shown)).toEqual(expected)
      const changes = changesReceived(receiver)
      for (const w of writers) {
        if (w.client === receiver) continue
        // The writer's clocks 0..79 (one per edit), each once, in the order written.
        const clocks = changes
          .filter((c) => c.client === w.doc.clientID)
          .flatMap((c) => Array.from({ length: c.length }, (_, i) => c.clock + i))
        expect(clocks).toEqual(Array.from({ length: 80 }, (_, i) => i))
      }
    }
  }, 60_000)

  it('closes a socket that does not read without holding up the others', async () => {
    const limit = 256 * 1024
    const { server, board, event } = await startWithEvent({ maxBufferedBytes: limit })
    servers.push(server)
    const token = event.tokens.organiser
    const slow = await openRaw(server, board, token)
    const fast = await openRaw(server, board, token)
    const w = writer(await openRaw(server, board, token), 4242)
    ;(slow.ws as unknown as { _socket: { pause(): void } })._socket.pause()
    // 60 edits of 70 KB: far more than the slow socket's kernel buffers and the limit hold
    // (and each over 64 KiB, the longest WebSocket length field).
    for (let i = 0; i < 60; i++) {
      w.write('big', `${i} ${'x'.repeat(70 * 1024)}`)
      if (i % 10 === 9) await new Promise((resolve) => setTimeout(resolve, 10))
    }
    await waitFor(() => server.ctx.connections.size === 2, 'the slow socket to be closed')
    await waitFor(
      () => String(notesOf(docOf(fast)).big ?? '').startsWith('59 '),
      'the last edit to reach the reading socket',
    )
    const clocks = changesReceived(fast)
      .filter((c) => c.client === 4242)
      .flatMap((c) => Array.from({ length: c.length }, (_, i) => c.clock + i))
    expect(clocks).toEqual(Array.from({ length: 60 }, (_, i) => i))
    const metrics = await server.ctx.metrics.registry.metrics()
    expect(metrics).toContain(
      `hytepaja_sync_closed_sockets_total{code="${CloseCode.SlowConsumer}"} 1`,
    )
  }, 60_000)

  it('tells everyone of a client that leaves, after any newer state of it that waited', async () => {
    const { server, board, event } = await startWithEvent()
    servers.push(server)
    const { watchers, leaver, seen } = await leaverShown(server, board, event.tokens.organiser)
    // A newer state and the socket's end in one turn: both wait in the same window.
    leaver.send(
      wire.awareness([{ client: LEAVER, clock: 2, state: { name: 'Aino', typing: true } }]),
    )
    ;(leaver.ws as WebSocket).close()
    await expectGoneForEveryone(watchers, seen)
  }, 30_000)

  it('tells everyone of a client that leaves after its newer state went out', async () => {
    const { server, board, event } = await startWithEvent()
    servers.push(server)
    const { watchers, leaver, seen } = await leaverShown(server, board, event.tokens.organiser)
    leaver.send(
      wire.awareness([{ client: LEAVER, clock: 2, state: { name: 'Aino', typing: true } }]),
    )
    for (const watcher of watchers) {
      await waitFor(() => seen(watcher).some((entry) => entry.clock === 2), 'the newer state')
    }
    ;(leaver.ws as WebSocket).close()
    await expectGoneForEveryone(watchers, seen)
  }, 30_000)
})

const LEAVER = 777

/** Two watchers and a socket whose client (LEAVER) both watchers show. */
async function leaverShown(server: TestServer, board: string, token: string) {
  const watchers = await Promise.all([1, 2].map(() => openRaw(server, board, token)))
  const leaver = await openRaw(server, board, token)
  const seen = (watcher: RawClient) =>
    watcher.frames
      .map(readMessageKind)
      .flatMap((m) => (m.type === 'awareness' ? awarenessEntries(m.payload) : []))
      .filter((entry) => entry.client === LEAVER)
  leaver.send(wire.awareness([{ client: LEAVER, clock: 1, state: { name: 'Aino' } }]))
  for (const watcher of watchers) {
    await waitFor(() => seen(watcher).length > 0, 'the state to be shown')
  }
  return { watchers, leaver, seen }
}

/**
 * Each watcher's last word on the client is one removal, nothing comes after it, and a y-protocols
 * reader given every frame in order no longer shows the client. The removal carries the client's
 * newest clock (y-protocols applies a removal under the clock of the state it removes).
 */
async function expectGoneForEveryone(
  watchers: RawClient[],
  seen: (watcher: RawClient) => ReturnType<typeof awarenessEntries>,
) {
  for (const watcher of watchers) {
    await waitFor(() => seen(watcher).at(-1)?.removed === true, 'the removal to arrive')
  }
  await new Promise((resolve) => setTimeout(resolve, 200))
  for (const watcher of watchers) {
    const entries = seen(watcher)
    const last = entries.at(-1)
    expect(last?.removed).toBe(true)
    expect(entries.filter((entry) => entry.removed)).toHaveLength(1)
    for (const entry of entries.slice(0, -1)) {
      expect(entry.clock).toBeLessThanOrEqual(last?.clock ?? 0)
    }
    const reader = new awarenessProtocol.Awareness(new Y.Doc())
    for (const message of watcher.frames.map(readMessageKind)) {
      if (message.type === 'awareness') {
        awarenessProtocol.applyAwarenessUpdate(reader, message.payload, 'server')
      }
    }
    expect(reader.getStates().has(LEAVER)).toBe(false)
    reader.destroy()
  }
}
