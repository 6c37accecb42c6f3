import { afterEach, describe, expect, it, vi } from 'vitest'
import WebSocket, { WebSocketServer } from 'ws'
import * as Y from 'yjs'
import { readMessageKind } from '../testing/sync.js'
import { type Batch, Outbox, type RelayedEntry } from './outbox.js'
import type { Peer } from './peer.js'
import { awarenessEntries } from './protocol.js'
import { encodeWebSocketFrames } from './wsFrames.js'

function peer(id: string): Peer & { batches: Batch[] } {
  const batches: Batch[] = []
  return {
    id,
    batches,
    canWrite: () => true,
    send: () => undefined,
    close: () => undefined,
    bufferedAmount: () => 0,
  }
}

function outbox(
  peers: Array<Peer & { batches: Batch[] }>,
  maxBatchBytes = 1 << 20,
  renewalWindowMs = 40,
) {
  const map = new Map<Peer, unknown>(peers.map((p) => [p, {}]))
  const box = new Outbox(
    map,
    (p, batch) => (p as Peer & { batches: Batch[] }).batches.push(batch),
    40,
    maxBatchBytes,
    renewalWindowMs,
  )
  boxes.push(box)
  return box
}
const boxes: Outbox[] = []
afterEach(() => {
  for (const box of boxes.splice(0)) box.destroy()
})

/** An update writing `text` under `key`, by its own client. */
function edit(key: string, text: string): Uint8Array {
  const doc = new Y.Doc()
  doc.getMap('notes').set(key, text)
  return Y.encodeStateAsUpdate(doc)
}

const state = (client: number, clock: number, value: unknown): RelayedEntry => ({
  client,
  clock,
  state: JSON.stringify(value),
  removed: value === null,
})

function relayedAwareness(batch: Batch | undefined) {
  return (batch?.frames ?? [])
    .map(readMessageKind)
    .flatMap((m) => (m.type === 'awareness' ? awarenessEntries(m.payload) : []))
}

describe('the outbox of a room', () => {
  it('sends the updates of one turn in one write to each peer, in order, and none back to their one writer', async () => {
    const [writer, a, b] = [peer('w'), peer('a'), peer('b')]
    const box = outbox([writer, a, b])
    for (const key of ['one', 'two', 'three']) box.update(edit(key, key), writer)
    expect(a.batches).toHaveLength(0)
    await new Promise((resolve) => setImmediate(resolve))
    for (const p of [a, b]) {
      expect(p.batches).toHaveLength(1)
      const keys = (p.batches[0]?.frames ?? []).map((frame) => {
        const message = readMessageKind(frame)
        const doc = new Y.Doc()
        if (message.type === 'sync' && message.syncType === 2) Y.applyUpdate(doc, message.payload)
        return Object.keys(doc.getMap('notes').toJSON())
      })
      expect(keys).toEqual([['one'], ['two'], ['three']])
    }
    // The same bytes for everyone, encoded once.
    expect(a.batches[0]).toBe(b.batches[0])
    expect(a.batches[0]?.wire()).toBe(b.batches[0]?.wire())
    expect(writer.batches).toHaveLength(0)
  })

  it('sends updates of several writers to all of them', () => {
    const [w1, w2] = [peer('1'), peer('2')]
    const box = outbox([w1, w2])
    box.update(edit('a', 'a'), w1)
    box.update(edit('b', 'b'), w2)
    box.flush()
    expect(w1.batches).toHaveLength(1)
    expect(w2.batches).toHaveLength(1)
  })

  it('keeps a client’s removal over its older or equal state that had not gone out', () => {
    const [a] = [peer('a')]
    const box = outbox([a])
    box.awareness([state(1, 3, { name: 'Aino' })])
    box.awareness([state(1, 4, null)])
    // A late echo of the older state, and a state of the removal's own clock.
    box.awareness([state(1, 3, { name: 'Aino' }), state(1, 4, { name: 'Aino' })])
    box.awareness([state(2, 1, { name: 'Bertta' })])
    box.flush()
    expect(relayedAwareness(a.batches[0])).toEqual([
      expect.objectContaining({ client: 1, clock: 4, removed: true }),
      expect.objectContaining({ client: 2, clock: 1, removed: false }),
    ])
  })

  it('relays a newer state after a removal (a client that came back)', () => {
    const [a] = [peer('a')]
    const box = outbox([a])
    box.awareness([state(1, 4, null)])
    box.awareness([state(1, 5, { name: 'Aino' })])
    box.flush()
    expect(relayedAwareness(a.batches[0])).toEqual([
      expect.objectContaining({ client: 1, clock: 5, removed: false }),
    ])
  })

  it('sends waiting awareness with the next updates, in the same write, or after its window', async () => {
    const [writer, a] = [peer('w'), peer('a')]
    const box = outbox([writer, a])
    box.awareness([state(1, 1, { name: 'Aino' })])
    box.update(edit('k', 'v'), writer)
    await new Promise((resolve) => setImmediate(resolve))
    expect(a.batches).toHaveLength(1)
    expect(a.batches[0]?.frames.map((f) => readMessageKind(f).type)).toEqual(['sync', 'awareness'])
    // The writer gets the awareness, not its own update.
    expect(writer.batches.map((b) => b.frames.map((f) => readMessageKind(f).type))).toEqual([
      ['awareness'],
    ])

    box.awareness([state(1, 2, { name: 'Aino' })])
    await new Promise((resolve) => setImmediate(resolve))
    expect(a.batches).toHaveLength(1)
    await new Promise((resolve) => setTimeout(resolve, 60))
    expect(a.batches).toHaveLength(2)
  })

  it('lets renewals alone wait their longer window, and sends them with the next updates or news', () => {
    vi.useFakeTimers()
    try {
      const [writer, a] = [peer('w'), peer('a')]
      const box = outbox([writer, a], 1 << 20, 2000)
      // Renewals only: not within the short window, but within their own.
      box.awareness([state(1, 2, { name: 'Aino' })], true)
      vi.advanceTimersByTime(1000)
      expect(a.batches).toHaveLength(0)
      box.awareness([state(2, 5, { name: 'Bertta' })], true)
      vi.advanceTimersByTime(1000)
      expect(a.batches).toHaveLength(1)
      expect(relayedAwareness(a.batches[0]).map((e) => e.client)).toEqual([1, 2])

      // The room's next edits take the waiting renewals along, in the same write.
      box.awareness([state(1, 3, { name: 'Aino' })], true)
      box.update(edit('k', 'v'), writer)
      vi.advanceTimersByTime(0)
      expect(a.batches).toHaveLength(2)
      expect(a.batches[1]?.frames.map((f) => readMessageKind(f).type)).toEqual([
        'sync',
        'awareness',
      ])

      // News cuts the wait short for the renewals waiting with it, and a renewal after it
      // does not make it wait longer.
      box.awareness([state(1, 4, { name: 'Aino' })], true)
      box.awareness([state(3, 1, { name: 'Cecilia' })])
      box.awareness([state(2, 6, { name: 'Bertta' })], true)
      vi.advanceTimersByTime(40)
      expect(a.batches).toHaveLength(3)
      expect(relayedAwareness(a.batches[2]).map((e) => e.client)).toEqual([1, 3, 2])
    } finally {
      vi.useRealTimers()
    }
  })

  it('sends at once when the waiting updates reach the batch limit', () => {
    const [writer, a] = [peer('w'), peer('a')]
    const box = outbox([writer, a], 1000)
    box.update(edit('small', 'x'), writer)
    expect(a.batches).toHaveLength(0)
    box.update(edit('big', 'y'.repeat(1200)), writer)
    expect(a.batches).toHaveLength(1)
  })
})

describe('WebSocket frames encoded once', () => {
  it('read by a real WebSocket client as the messages they hold, at every length field', async () => {
    const payloads = [5, 125, 126, 65535, 65536, 200_000].map((n) =>
      Uint8Array.from({ length: n }, (_, i) => (i * 7 + n) % 256),
    )
    const server = new WebSocketServer({ port: 0, host: '127.0.0.1' })
    await new Promise((resolve) => server.once('listening', resolve))
    server.on('connection', (socket) => {
      const raw = (socket as unknown as { _socket: { write(b: Buffer): void } })._socket
      raw.write(encodeWebSocketFrames(payloads))
    })
    const { port } = server.address() as { port: number }
    const client = new WebSocket(`ws://127.0.0.1:${port}`)
    const received: Uint8Array[] = []
    await new Promise<void>((resolve, reject) => {
      client.on('message', (data: Buffer) => {
        received.push(new Uint8Array(data))
        if (received.length === payloads.length) resolve()
      })
      client.on('error', reject)
    })
    client.terminate()
    await new Promise((resolve) => server.close(resolve))
    expect(received).toEqual(payloads)
  })
})
