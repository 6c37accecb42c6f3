import { afterEach, describe, expect, it, vi } from 'vitest'
import * as Y from 'yjs'
import { createDocStore, type DocStore } from '../store/docStore.js'
import { migrate } from '../store/migrations.js'
import { openSqlite } from '../store/sqlite.js'
import {
  addNotes,
  Clients,
  noteTexts,
  rawClient,
  readStoredDoc,
  remoteStates,
  startSyncServer,
  startWithEvent,
  storedRows,
  type TestServer,
  waitFor,
  wire,
} from '../testing/sync.js'
import { Rooms } from './rooms.js'

const clients = new Clients()
const servers: TestServer[] = []
const cleanups: Array<() => Promise<void> | void> = []

async function setup(tuning = {}) {
  const ctx = await startWithEvent(tuning)
  servers.push(ctx.server)
  return ctx
}

/** Rooms over a store in memory, closed after the test. */
async function roomsInMemory(lingerMs: number) {
  const db = openSqlite(':memory:')
  await migrate(db)
  const store = createDocStore(db)
  const rooms = new Rooms({ store, lingerMs })
  cleanups.push(async () => {
    await rooms.close()
    await store.close()
    await db.close()
  })
  return { rooms, store }
}

afterEach(async () => {
  clients.destroyAll()
  await Promise.all(servers.splice(0).map((s) => s.dispose()))
  for (const cleanup of cleanups.splice(0)) await cleanup()
})

describe('loading rooms', () => {
  it('loads a document once when 20 clients connect at the same moment', async () => {
    const { server, board, facilitator } = await setup()
    const load = vi.spyOn(server.ctx.docs, 'load')
    const many = Array.from({ length: 20 }, () => clients.connect(server, board, facilitator))
    await Promise.all(many.map((c) => c.synced()))
    expect(load.mock.calls.filter(([name]) => name === board)).toHaveLength(1)

    addNotes((many[0] as (typeof many)[0]).doc, ['to all twenty'])
    for (const c of many) await waitFor(() => noteTexts(c.doc).length === 1, 'every client')
    expect(load.mock.calls.filter(([name]) => name === board)).toHaveLength(1)
  })

  it('loads once when many holders ask before the store answers', async () => {
    const db = openSqlite(':memory:')
    await migrate(db)
    const store = createDocStore(db)
    let release: () => void = () => undefined
    const gate = new Promise<void>((resolve) => {
      release = resolve
    })
    const load = vi.fn(async (name: string) => {
      await gate
      return store.load(name)
    })
    const rooms = new Rooms({ store: { ...store, load }, lingerMs: 0 })
    cleanups.push(async () => {
      await rooms.close()
      await store.close()
      await db.close()
    })
    const acquiring = Array.from({ length: 20 }, () => rooms.acquire('board:e:g'))
    release()
    const got = await Promise.all(acquiring)
    expect(new Set(got).size).toBe(1)
    expect(load).toHaveBeenCalledTimes(1)
  })
})

describe('unloading rooms', () => {
  it('unloads a room after its last peer leaves and leaves every write on disk', async () => {
    const { server, board, facilitator } = await setup({ roomLingerMs: 0 })
    const a = clients.connect(server, board, facilitator)
    const b = clients.connect(server, board, facilitator)
    await Promise.all([a.synced(), b.synced()])
    addNotes(a.doc, ['a1', 'a2'])
    addNotes(b.doc, ['b1'])
    await waitFor(() => noteTexts(a.doc).length === 3 && noteTexts(b.doc).length === 3, 'sync')

    a.destroy()
    await waitFor(() => server.ctx.connections.size === 1, 'a’s socket to close')
    expect(server.ctx.rooms.names()).toContain(board)
    b.destroy()
    await waitFor(() => !server.ctx.rooms.names().includes(board), 'the room to unload')
    // Unloading compacts: the snapshot is on disk while the server still runs.
    await waitFor(() => storedRows(server.dataDir, board).snapshots === 1, 'the snapshot')
    expect(noteTexts(readStoredDoc(server.dataDir, board))).toEqual(['a1', 'a2', 'b1'])

    // And a fresh server on the same data finds every note.
    await server.dispose({ keepData: true })
    const again = await startSyncServer({}, server.dataDir)
    servers.push(again)
    const c = clients.connect(again, board, facilitator)
    await c.synced()
    expect(noteTexts(c.doc)).toEqual(['a1', 'a2', 'b1'])
  })

  it('keeps an empty room for the linger time, so a reconnecting client finds it warm', async () => {
    const { server, board, facilitator } = await setup({ roomLingerMs: 60_000 })
    const a = clients.connect(server, board, facilitator)
    await a.synced()
    const room = await server.ctx.rooms.loaded(board)
    a.destroy()
    await waitFor(() => server.ctx.connections.size === 0, 'the socket to close')
    const load = vi.spyOn(server.ctx.docs, 'load')
    const b = clients.connect(server, board, facilitator)
    await b.synced()
    expect(await server.ctx.rooms.loaded(board)).toBe(room)
    expect(load.mock.calls.filter(([name]) => name === board)).toHaveLength(0)
  })

  it('makes a holder that arrives during an unload wait for the write and load afresh', async () => {
    const db = openSqlite(':memory:')
    await migrate(db)
    const store = createDocStore(db)
    let finishCompact: () => void = () => undefined
    const compactGate = new Promise<void>((resolve) => {
      finishCompact = resolve
    })
    const slow: DocStore = {
      ...store,
      compact: async (name, state) => {
        await compactGate
        return store.compact(name, state)
      },
      load: vi.fn((name: string) => store.load(name)),
    }
    const rooms = new Rooms({ store: slow, lingerMs: 0 })
    cleanups.push(async () => {
      await rooms.close()
      await store.close()
      await db.close()
    })
    const first = await rooms.acquire('board:e:g')
    addNotes(first.doc, ['written before the unload'])
    rooms.release(first)
    expect(rooms.names()).toEqual([])

    let second: Awaited<ReturnType<Rooms['acquire']>> | null = null
    const acquiring = rooms.acquire('board:e:g').then((room) => {
      second = room
      return room
    })
    await new Promise((r) => setTimeout(r, 50))
    // Still writing: the new holder has not loaded a stale copy in the meantime.
    expect(second).toBeNull()
    expect(slow.load).toHaveBeenCalledTimes(1)
    finishCompact()
    const room = await acquiring
    expect(room).not.toBe(first)
    expect(noteTexts(room.doc)).toEqual(['written before the unload'])
    rooms.release(room)
  })

  it('does not let a late release of an evicted room unload the room that replaced it', async () => {
    const { rooms } = await roomsInMemory(0)
    const evicted = await rooms.acquire('board:e:g')
    await rooms.evict(['board:e:'], 4404, 'gone')
    const successor = await rooms.acquire('board:e:g')
    // The socket that held the evicted room closes only now.
    rooms.release(evicted)
    expect(rooms.names()).toEqual(['board:e:g'])
    expect(await rooms.loaded('board:e:g')).toBe(successor)
    rooms.release(successor)
    expect(rooms.names()).toEqual([])
  })

  it('holds loaded rooms at once, all of them or none, and a lingering one stays', async () => {
    const { rooms, store } = await roomsInMemory(60_000)
    const board = await rooms.acquire('board:e:g')
    const event = await rooms.acquire('event:e')
    rooms.release(event)
    // One of them not loaded: nothing is held, and the loaded one lingers as before.
    expect(rooms.holdLoaded(['board:e:g', 'board:e:other'])).toBeNull()
    expect(rooms.names()).toEqual(['board:e:g', 'event:e'])
    const held = rooms.holdLoaded(['board:e:g', 'event:e'])
    expect(held).toEqual([board, event])
    // The lingering event room is held again: the last release ends the board's holds only.
    rooms.release(board)
    rooms.release(board)
    expect(rooms.names()).toEqual(['board:e:g', 'event:e'])
    const unloading = new Rooms({ store, lingerMs: 0 })
    const gone = await unloading.acquire('board:e:gone')
    unloading.release(gone)
    expect(unloading.holdLoaded(['board:e:gone'])).toBeNull()
    await unloading.close()
    await rooms.close()
    expect(rooms.holdLoaded(['board:e:g'])).toBeNull()
  })

  it('writes and unloads every room on close and refuses new holders afterwards', async () => {
    const db = openSqlite(':memory:')
    await migrate(db)
    const store = createDocStore(db, { flushIntervalMs: 60_000 })
    const rooms = new Rooms({ store, lingerMs: 60_000 })
    const held = await rooms.acquire('board:e:one')
    const lingering = await rooms.acquire('board:e:two')
    rooms.release(lingering)
    addNotes(held.doc, ['held'])
    addNotes(lingering.doc, ['lingering'])
    await rooms.close()
    expect(rooms.size).toBe(0)
    await expect(rooms.acquire('board:e:one')).rejects.toThrow()
    for (const [name, text] of [
      ['board:e:one', 'held'],
      ['board:e:two', 'lingering'],
    ] as const) {
      const stored = await store.load(name)
      const doc = new Y.Doc()
      if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot)
      for (const u of stored.updates) Y.applyUpdate(doc, u)
      expect(noteTexts(doc)).toEqual([text])
    }
    await store.close()
    await db.close()
  })
})

describe('keep-alive', () => {
  it('drops a peer that does not answer pings and tells the others it left', async () => {
    const { server, board, facilitator } = await setup({ keepaliveMs: 100 })
    const watcher = clients.connect(server, board, facilitator)
    await watcher.synced()
    const silent = clients.track(await rawClient(server, board, facilitator, { autoPong: false }))
    const answering = clients.track(await rawClient(server, board, facilitator))
    let pings = 0
    answering.ws.on('ping', () => pings++)
    silent.send(wire.awareness([{ client: 31337, clock: 1, state: { user: 'silent' } }]))
    await waitFor(() => remoteStates(watcher).has(31337), 'the watcher to see the silent peer')

    const closed = await silent.closed
    // Terminated, not closed politely: the peer is not listening anyway.
    expect(closed.code).toBe(1006)
    await waitFor(() => !remoteStates(watcher).has(31337), 'the silent peer to disappear')
    // Peers that answer stay, however many pings go by.
    await waitFor(() => pings >= 5, 'five pings')
    expect(answering.ws.readyState).toBe(answering.ws.OPEN)
    expect(watcher.provider.wsconnected).toBe(true)
    expect(watcher.closes).toEqual([])
  })
})
