import { MESSAGE_SAVED } from '@hytepaja/shared/protocol/saved'
import * as decoding from 'lib0/decoding'
import { afterEach, describe, expect, it } from 'vitest'
import type WebSocket from 'ws'
import * as awarenessProtocol from 'y-protocols/awareness'
import * as Y from 'yjs'
import {
  addNotes,
  Clients,
  notesUpdate,
  noteTexts,
  rawClient,
  readMessageKind,
  remoteStates,
  startWithEvent,
  type TestClient,
  type TestServer,
  waitFor,
  wire,
} from '../testing/sync.js'

const clients = new Clients()
const servers: TestServer[] = []

async function setup(tuning = {}) {
  const ctx = await startWithEvent(tuning)
  servers.push(ctx.server)
  return ctx
}

afterEach(async () => {
  clients.destroyAll()
  await Promise.all(servers.splice(0).map((s) => s.dispose()))
})

describe('the y-websocket protocol against real providers', () => {
  it('lets two providers on one board see each other’s notes', async () => {
    const { server, board, facilitator } = await setup()
    const a = clients.connect(server, board, facilitator)
    const b = clients.connect(server, board, facilitator)
    await Promise.all([a.synced(), b.synced()])

    addNotes(a.doc, ['from a'])
    addNotes(b.doc, ['from b'])
    await waitFor(() => noteTexts(a.doc).length === 2, 'a to see b’s note')
    await waitFor(() => noteTexts(b.doc).length === 2, 'b to see a’s note')
    expect(noteTexts(a.doc)).toEqual(['from a', 'from b'])
    expect(noteTexts(b.doc)).toEqual(['from a', 'from b'])
  })

  it('relays an update to every other peer and not back to its sender', async () => {
    const { server, board, facilitator } = await setup()
    const peers = [0, 1, 2, 3].map(() => clients.connect(server, board, facilitator))
    await Promise.all(peers.map((p) => p.synced()))
    // A raw socket sees exactly which frames the server sends it.
    const raw = clients.track(await rawClient(server, board, facilitator))
    await raw.roundTrip()
    const before = raw.frames.length

    addNotes((peers[0] as TestClient).doc, ['for everyone'])
    for (const peer of peers) {
      await waitFor(() => noteTexts(peer.doc).includes('for everyone'), 'every peer to see it')
    }
    await waitFor(
      () =>
        raw.frames.slice(before).some((f) => {
          const m = readMessageKind(f)
          return m.type === 'sync' && m.syncType === 2
        }),
      'the raw peer to get the update',
    )

    // The raw client's own update comes back to nobody but the others.
    raw.send(wire.update(notesUpdate(['from raw'])))
    for (const peer of peers) {
      await waitFor(() => noteTexts(peer.doc).includes('from raw'), 'peers to see the raw note')
    }
    const mark = raw.frames.length
    await raw.roundTrip()
    const echoed = raw.frames
      .slice(mark)
      .map(readMessageKind)
      .filter((m) => m.type === 'sync' && m.syncType === 2)
    expect(echoed).toEqual([])
  })

  it('gives a client that connects later everything written before', async () => {
    const { server, board, facilitator } = await setup()
    const a = clients.connect(server, board, facilitator)
    const b = clients.connect(server, board, facilitator)
    await Promise.all([a.synced(), b.synced()])
    addNotes(a.doc, ['one', 'two'])
    addNotes(b.doc, ['three'])
    await waitFor(() => noteTexts(a.doc).length === 3 && noteTexts(b.doc).length === 3, 'sync')

    const late = clients.connect(server, board, facilitator)
    await late.synced()
    await waitFor(() => noteTexts(late.doc).length === 3, 'the late client to get all notes')
    expect(noteTexts(late.doc)).toEqual(['one', 'three', 'two'])
  })
})

describe('awareness', () => {
  it('shows each peer’s state to the other and keeps both connected', async () => {
    const { server, board, facilitator } = await setup()
    const a = clients.connect(server, board, facilitator)
    const b = clients.connect(server, board, facilitator)
    a.provider.awareness.setLocalStateField('note', { name: 'Aino' })
    b.provider.awareness.setLocalStateField('note', { name: 'Bertta' })
    await Promise.all([a.synced(), b.synced()])

    await waitFor(() => remoteStates(a).size === 1 && remoteStates(b).size === 1, 'awareness')
    expect([...remoteStates(a).values()][0]).toEqual({ note: { name: 'Bertta' } })
    expect([...remoteStates(b).values()][0]).toEqual({ note: { name: 'Aino' } })

    // Each provider echoes the states it receives back to the server (y-websocket does so for
    // every awareness change); that must not cost it its connection.
    b.provider.awareness.setLocalStateField('note', { name: 'Bertta B' })
    await waitFor(
      () => (remoteStates(a).get(b.doc.clientID)?.note as { name: string })?.name === 'Bertta B',
      'a to see b’s new name',
    )
    const c = clients.connect(server, board, facilitator)
    c.provider.awareness.setLocalStateField('note', { name: 'Cecilia' })
    await c.synced()
    await waitFor(() => remoteStates(a).size === 2 && remoteStates(b).size === 2, 'three peers')
    expect(a.closes).toEqual([])
    expect(b.closes).toEqual([])
    expect(c.closes).toEqual([])
    expect(a.provider.wsconnected && b.provider.wsconnected && c.provider.wsconnected).toBe(true)
  })

  it('removes a peer’s state from the others as soon as its socket closes', async () => {
    const { server, board, facilitator } = await setup()
    const a = clients.connect(server, board, facilitator)
    const b = clients.connect(server, board, facilitator)
    a.provider.awareness.setLocalStateField('note', { name: 'Aino' })
    b.provider.awareness.setLocalStateField('note', { name: 'Bertta' })
    await waitFor(() => remoteStates(b).has(a.doc.clientID), 'b to see a')

    const removals: unknown[] = []
    b.provider.awareness.on('change', (change: { removed: number[] }, origin: unknown) => {
      if (change.removed.includes(a.doc.clientID)) removals.push(origin)
    })
    // Killed without a goodbye: only the server can tell b.
    const socket = a.provider.ws as unknown as WebSocket | null
    socket?.terminate()
    a.destroy()
    await waitFor(() => !remoteStates(b).has(a.doc.clientID), 'b to lose a')
    // Removed by a message from the server, not by b's own 30 s timeout.
    expect(removals).toEqual([b.provider])
  })

  it('keeps a peer connected while many others come and go', async () => {
    const { server, board, facilitator } = await setup()
    const stayer = clients.connect(server, board, facilitator)
    stayer.provider.awareness.setLocalStateField('note', { name: 'stays' })
    await stayer.synced()
    // Each visitor's arrival and departure reaches the stayer, which echoes both to the server.
    for (let i = 0; i < 6; i++) {
      const visitor = clients.connect(server, board, facilitator)
      visitor.provider.awareness.setLocalStateField('note', { name: `visitor ${i}` })
      await waitFor(() => remoteStates(stayer).has(visitor.doc.clientID), 'the visitor')
      visitor.destroy()
      await waitFor(() => !remoteStates(stayer).has(visitor.doc.clientID), 'the visitor to go')
    }
    addNotes(stayer.doc, ['still here'])
    const check = clients.connect(server, board, facilitator)
    await waitFor(() => noteTexts(check.doc).includes('still here'), 'the stayer’s note')
    expect(stayer.closes).toEqual([])
    expect(stayer.provider.wsconnected).toBe(true)
  })

  it('shows a client again as soon as it reconnects, not at its next renewal', async () => {
    const { server, board, facilitator } = await setup()
    const a = clients.connect(server, board, facilitator)
    const b = clients.connect(server, board, facilitator)
    a.provider.awareness.setLocalStateField('note', { name: 'Aino' })
    await waitFor(() => remoteStates(b).has(a.doc.clientID), 'b to see a')
    let renewals = 0
    a.provider.awareness.on('update', (_change: unknown, origin: unknown) => {
      if (origin === 'local') renewals++
    })
    // The network drops: y-websocket reconnects by itself and sends its state again.
    const socket = a.provider.ws as unknown as WebSocket | null
    socket?.terminate()
    await waitFor(() => !remoteStates(b).has(a.doc.clientID), 'b to lose a')
    await waitFor(() => remoteStates(b).has(a.doc.clientID), 'b to see a again', 30_000)
    // Shown again because it came back, not because it renewed its state (every 15 s).
    expect(renewals).toBe(0)
    expect(remoteStates(b).get(a.doc.clientID)).toEqual({ note: { name: 'Aino' } })
    // And its next change reaches b.
    a.provider.awareness.setLocalStateField('note', { name: 'Aino A' })
    await waitFor(
      () => (remoteStates(b).get(a.doc.clientID)?.note as { name: string })?.name === 'Aino A',
      'b to see a’s change',
    )
  })

  it('keeps showing a client whose old socket dies after it reconnected', async () => {
    const { server, board, facilitator } = await setup({ keepaliveMs: 200 })
    const watcher = clients.connect(server, board, facilitator)
    await watcher.synced()
    const phone = { client: 4242, clock: 3, state: { note: { name: 'Puhelin' } } }
    const before = clients.track(await rawClient(server, board, facilitator, { autoPong: false }))
    before.send(wire.awareness([phone]))
    await waitFor(() => remoteStates(watcher).has(phone.client), 'the phone')
    const removals: number[] = []
    watcher.provider.awareness.on('change', (change: { removed: number[] }) => {
      removals.push(...change.removed)
    })
    // The old socket stops answering; the phone is back on a new one and renews its state.
    const after = clients.track(await rawClient(server, board, facilitator))
    after.send(wire.awareness([phone]))
    after.send(wire.awareness([{ ...phone, clock: 4 }]))
    await after.roundTrip()
    await before.closed
    await waitFor(() => server.ctx.connections.size === 2, 'the old socket to be dropped')
    expect(removals).toEqual([])
    after.send(wire.awareness([{ ...phone, clock: 5, state: { note: { name: 'Puhelin 2' } } }]))
    await waitFor(
      () =>
        (remoteStates(watcher).get(phone.client)?.note as { name: string })?.name === 'Puhelin 2',
      'the watcher to see the phone’s change',
    )
    expect(removals).toEqual([])
  })

  it('answers a query for awareness with every known state', async () => {
    const { server, board, facilitator } = await setup()
    const a = clients.connect(server, board, facilitator)
    a.provider.awareness.setLocalStateField('note', { name: 'Aino' })
    await a.synced()
    const raw = clients.track(await rawClient(server, board, facilitator))
    await waitFor(() => server.ctx.rooms.names().includes(board), 'room')
    const room = await server.ctx.rooms.loaded(board)
    await waitFor(() => room?.awareness.getStates().has(a.doc.clientID) ?? false, 'a’s state')

    const mark = raw.frames.length
    raw.send(wire.queryAwareness())
    await waitFor(() => raw.frames.length > mark, 'an answer')
    const answer = readMessageKind(raw.frames[mark] as Uint8Array)
    expect(answer.type).toBe('awareness')
    const states = decodeAwareness((answer as { payload: Uint8Array }).payload)
    expect(states.get(a.doc.clientID)).toEqual({ note: { name: 'Aino' } })
  })

  it('refuses awareness for a client id that another connection owns', async () => {
    const { server, board, facilitator } = await setup()
    const a = clients.connect(server, board, facilitator)
    a.provider.awareness.setLocalStateField('note', { name: 'Aino' })
    await a.synced()
    const room = await server.ctx.rooms.loaded(board)
    await waitFor(() => room?.awareness.getStates().has(a.doc.clientID) ?? false, 'a’s state')

    const raw = clients.track(await rawClient(server, board, facilitator))
    const clock = room?.awareness.meta.get(a.doc.clientID)?.clock ?? 0
    raw.send(
      wire.awareness([{ client: a.doc.clientID, clock: clock + 5, state: { note: 'fake' } }]),
    )
    // Then a state of its own: a sees it only after the forged frame would have arrived.
    raw.send(wire.awareness([{ client: 777, clock: 1, state: { note: 'raw' } }]))
    await waitFor(() => remoteStates(a).has(777), 'a to see the raw client’s own state')
    expect(room?.awareness.getStates().get(a.doc.clientID)).toEqual({ note: { name: 'Aino' } })
    // A remote state for a's own id with a higher clock would have replaced a's local state.
    expect(a.provider.awareness.getLocalState()).toEqual({ note: { name: 'Aino' } })
    // Refused, not fatal: y-websocket clients echo others' states all the time.
    await raw.roundTrip()
    expect(raw.ws.readyState).toBe(raw.ws.OPEN)
  })
})

function decodeAwareness(update: Uint8Array): Map<number, unknown> {
  const doc = new Y.Doc()
  const awareness = new awarenessProtocol.Awareness(doc)
  awarenessProtocol.applyAwarenessUpdate(awareness, update, 'test')
  const states = new Map(awareness.getStates())
  doc.destroy()
  return states
}

describe('saved acknowledgements', () => {
  it('acknowledges every update of an opted-in client, also when it triggers a compaction', async () => {
    const { server, board, facilitator } = await setup({ compactAfterUpdates: 3 })
    const raw = clients.track(await rawClient(server, board, facilitator, {}, '&saved=1'))
    await raw.roundTrip()
    const doc = new Y.Doc()
    const updates: Uint8Array[] = []
    doc.on('update', (u: Uint8Array) => updates.push(u))
    for (let i = 0; i < 10; i++) addNotes(doc, [`saved ${i}`])
    // Sent back to back, so several are pending in the store when one starts a compaction.
    for (const update of updates) raw.send(wire.update(update))
    const saved = () => raw.frames.filter((f) => f[0] === MESSAGE_SAVED)
    await waitFor(() => saved().length === 10, 'an acknowledgement for every update')
    // Each names the client, and together they cover its whole state.
    const clocks = saved().map((frame) => {
      const d = decoding.createDecoder(frame)
      decoding.readVarUint(d)
      expect(decoding.readVarUint(d)).toBe(1)
      expect(decoding.readVarUint(d)).toBe(doc.clientID)
      return decoding.readVarUint(d)
    })
    expect(Math.max(...clocks)).toBe(Y.getState(doc.store, doc.clientID))
  })
})

describe('stopping the server', () => {
  it('waits for clients to answer its close, then cuts off one that does not', async () => {
    const { server, board, facilitator } = await setup({ shutdownGraceMs: 300 })
    const polite = clients.connect(server, board, facilitator)
    await polite.synced()
    const deaf = clients.track(await rawClient(server, board, facilitator))
    await deaf.roundTrip()
    // A client that stops reading never sees the close frame, so it never answers it.
    const socket = (deaf.ws as unknown as { _socket: { pause(): void } })._socket
    socket.pause()
    await server.dispose()
    // Cut off, not left to ws's own 30 s closing timeout.
    await waitFor(() => server.ctx.connections.size === 0, 'the deaf socket to be cut off', 10_000)
    expect(polite.closes.map((c) => c.code)).toContain(1012)
  })
})
