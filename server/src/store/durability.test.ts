import { mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { boardDocName } from '@hytepaja/shared/doc/names'
import { ideasRoot } from '@hytepaja/shared/doc/schema/board'
import { CloseCode } from '@hytepaja/shared/protocol/closeCodes'
import { MESSAGE_SAVED } from '@hytepaja/shared/protocol/saved'
import Database from 'better-sqlite3'
import * as decoding from 'lib0/decoding'
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { type CreatedEventBody, createTestEvent } from '../testing/accessFixture.js'
import { createTestDatabase, postgresAvailable } from '../testing/postgres.js'
import { ADMIN_TOKEN, type ServerProcess, spawnServer } from '../testing/process.js'
import {
  addNotes,
  Clients,
  notesUpdate,
  noteTexts,
  rawClient,
  readStoredDoc,
  startSyncServer,
  startWithEvent,
  storedRows,
  type TestServer,
  waitFor,
  wire,
} from '../testing/sync.js'

const havePostgres = await postgresAvailable()
const clients = new Clients()
const processes: ServerProcess[] = []
const servers: TestServer[] = []
const dirs: string[] = []

afterEach(async () => {
  clients.destroyAll()
  for (const p of processes.splice(0)) {
    if (p.child.exitCode === null && p.child.signalCode === null) p.child.kill('SIGKILL')
    await p.exited
  }
  await Promise.all(servers.splice(0).map((s) => s.dispose()))
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
})

function dataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'hytepaja-durability-'))
  dirs.push(dir)
  return dir
}

async function start(dir: string, env: Record<string, string> = {}): Promise<ServerProcess> {
  const server = await spawnServer(dir, 60_000, env)
  processes.push(server)
  return server
}

async function createEvent(server: ServerProcess) {
  const res = await fetch(`${server.url}/api/events`, {
    method: 'POST',
    headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      title: 'Kestävyystesti',
      municipalities: [],
      startsAt: new Date().toISOString(),
    }),
  })
  expect(res.status).toBe(201)
  const event = (await res.json()) as CreatedEventBody
  const group = event.groups[0]?.id as string
  return {
    event,
    board: boardDocName(event.id, group),
    token: event.tokens.facilitators[group] as string,
  }
}

/** What a fresh client (with an empty document) gets from the server. */
async function readBack(server: ServerProcess, board: string, token: string): Promise<string[]> {
  const reader = clients.connect(server, board, token)
  await reader.synced()
  const texts = noteTexts(reader.doc)
  reader.destroy()
  return texts
}

const batch = (label: string, n: number) => Array.from({ length: n }, (_, i) => `${label} ${i}`)

describe('the server process and its SQLite file', () => {
  it('finds every note after a restart', async () => {
    const dir = dataDir()
    const first = await start(dir)
    const { board, token } = await createEvent(first)
    const writer = clients.connect(first, board, token)
    const watcher = clients.connect(first, board, token)
    await Promise.all([writer.synced(), watcher.synced()])
    addNotes(writer.doc, batch('note', 25))
    await waitFor(() => noteTexts(watcher.doc).length === 25, 'the watcher to see every note')
    // The clients go away first, so nobody can hand the notes to the next process.
    writer.destroy()
    watcher.destroy()
    first.child.kill('SIGTERM')
    expect(await first.exited).toEqual({ code: 0, signal: null })

    const second = await start(dir)
    expect(await readBack(second, board, token)).toEqual(batch('note', 25).sort())
  })

  it('writes on SIGTERM the notes that arrived just before it', async () => {
    const dir = dataDir()
    const first = await start(dir)
    const { board, token } = await createEvent(first)
    const writer = clients.connect(first, board, token)
    const watcher = clients.connect(first, board, token)
    await Promise.all([writer.synced(), watcher.synced()])
    addNotes(writer.doc, batch('early', 5))
    await waitFor(() => noteTexts(watcher.doc).length === 5, 'the early notes')

    // The server has applied these (the watcher saw them) and the SIGTERM comes well inside
    // the 50 ms batching interval: they are still pending in the store.
    addNotes(writer.doc, batch('last', 5))
    await waitFor(() => noteTexts(watcher.doc).length === 10, 'the last notes')
    first.child.kill('SIGTERM')
    writer.destroy()
    watcher.destroy()
    expect(await first.exited).toEqual({ code: 0, signal: null })

    const second = await start(dir)
    expect(await readBack(second, board, token)).toEqual(
      [...batch('early', 5), ...batch('last', 5)].sort(),
    )
  })

  it('writes on SIGTERM the updates a client sent right before it', async () => {
    const dir = dataDir()
    const first = await start(dir)
    const { board, token } = await createEvent(first)
    const writer = clients.connect(first, board, token)
    await writer.synced()
    // Sent, and at once SIGTERM: the frames may still be in the server's socket buffer. A
    // graceful stop reads what its clients sent before it closes their sockets.
    addNotes(writer.doc, batch('in flight', 5))
    first.child.kill('SIGTERM')
    expect(await first.exited).toEqual({ code: 0, signal: null })
    writer.destroy()

    const second = await start(dir)
    expect(await readBack(second, board, token)).toEqual(batch('in flight', 5).sort())
  })

  it('writes every update a client sent before the server closed its socket on SIGTERM', async () => {
    const dir = dataDir()
    const first = await start(dir)
    const { board, token } = await createEvent(first)
    const raw = clients.track(await rawClient(first, board, token))
    await raw.roundTrip()
    // A client that writes without pause: some of its frames reach the server while it is
    // already stopping. Every frame sent before the server's close frame arrived must be kept.
    const doc = new Y.Doc()
    const sent: string[] = []
    let next = 0
    let signalled = false
    const pump = () => {
      if (raw.ws.readyState !== raw.ws.OPEN) return
      const text = `streamed ${next++}`
      const before = Y.encodeStateVector(doc)
      addNotes(doc, [text])
      raw.send(wire.update(Y.encodeStateAsUpdate(doc, before)))
      sent.push(text)
      if (next === 50 && !signalled) {
        signalled = true
        first.child.kill('SIGTERM')
      }
      setImmediate(pump)
    }
    pump()
    const closed = await raw.closed
    expect(closed.code).toBe(1012)
    expect(await first.exited).toEqual({ code: 0, signal: null })
    expect(sent.length).toBeGreaterThan(50)

    const second = await start(dir)
    expect(await readBack(second, board, token)).toEqual([...sent].sort())
  })

  it('keeps a written batch, and whose client id wrote it, through kill -9', async () => {
    const dir = dataDir()
    const first = await start(dir)
    const { event, board, token } = await createEvent(first)
    const writer = clients.connect(first, board, token)
    await writer.synced()
    addNotes(writer.doc, batch('before', 10))
    addNotes(writer.doc, batch('batch', 10))
    // Wait until the batch is committed to the file (the store's 50 ms interval), then kill.
    await waitFor(
      () => noteTexts(readStoredDoc(dir, board)).length === 20,
      'the batch to reach the SQLite file',
    )
    // The writer's id was claimed in the commit of its first edits (or before), never after.
    const file = new Database(join(dir, 'hytepaja.sqlite'), { readonly: true })
    const seat = file
      .prepare('SELECT seat FROM doc_client WHERE name = ? AND client_id = ?')
      .get(board, writer.doc.clientID)
    file.close()
    expect(seat).toBeDefined()
    const forged = notesUpdate(['väärennös'], writer.doc, writer.doc.clientID)
    first.child.kill('SIGKILL')
    expect((await first.exited).signal).toBe('SIGKILL')
    writer.destroy()
    // Nothing was compacted: the notes come from the update log alone.
    expect(storedRows(dir, board).snapshots).toBe(0)

    const second = await start(dir)
    expect(await readBack(second, board, token)).toEqual(
      [...batch('before', 10), ...batch('batch', 10)].sort(),
    )
    // Another seat writing under that id after the restart is refused.
    const joined = await fetch(`${second.url}/api/events/${event.id}/participants`, {
      method: 'POST',
      headers: { authorization: `Bearer ${event.tokens.join}`, 'content-type': 'application/json' },
      body: JSON.stringify({ displayName: 'Bertta', groupId: event.groups[0]?.id }),
    })
    const forger = clients.track(
      await rawClient(second, board, ((await joined.json()) as { token: string }).token),
    )
    forger.send(wire.update(forged))
    expect((await forger.closed).code).toBe(CloseCode.ClientIdTaken)
  })
  it('keeps every acknowledged edit through kill -9 while checkpoints run', async () => {
    const dir = dataDir()
    // A log of 16 pages: a checkpoint every few batches, so the kill lands among them.
    const first = await start(dir, { SQLITE_CHECKPOINT_PAGES: '16' })
    const { board, token } = await createEvent(first)
    const raw = clients.track(await rawClient(first, board, token, {}, '&saved=1'))
    await raw.roundTrip()
    const doc = new Y.Doc()
    // Each note with the clock its client reached with it: a "saved" for that clock covers it.
    const sent: Array<{ text: string; clock: number }> = []
    let saved = 0
    raw.ws.on('message', (data: ArrayBuffer) => {
      const frame = new Uint8Array(data)
      if (frame[0] !== MESSAGE_SAVED) return
      const d = decoding.createDecoder(frame)
      decoding.readVarUint(d)
      for (let n = decoding.readVarUint(d); n > 0; n--) {
        const client = decoding.readVarUint(d)
        const clock = decoding.readVarUint(d)
        if (client === doc.clientID) saved = Math.max(saved, clock)
      }
    })
    const database = join(dir, 'hytepaja.sqlite')
    const sizeAtStart = statSync(database).size
    let killed = false
    const pump = () => {
      if (killed || raw.ws.readyState !== raw.ws.OPEN) return
      // At most 50 notes ahead of the acknowledgements: a steady load, not a flood.
      if (sent.length - sent.filter((note) => note.clock <= saved).length < 50) {
        const text = `${sent.length}${' kestävä'.repeat(40)}`
        const before = Y.encodeStateVector(doc)
        addNotes(doc, [text])
        raw.send(wire.update(Y.encodeStateAsUpdate(doc, before)))
        sent.push({ text, clock: Y.getState(doc.store, doc.clientID) })
      }
      setImmediate(pump)
    }
    pump()
    // Checkpoints have copied the log into the database file, several times over.
    await waitFor(
      () => sent.filter((note) => note.clock <= saved).length >= 300,
      'acknowledgements of 300 notes',
      30_000,
    )
    expect(statSync(database).size).toBeGreaterThan(sizeAtStart + 50_000)
    first.child.kill('SIGKILL')
    killed = true
    expect((await first.exited).signal).toBe('SIGKILL')
    // Whatever was acknowledged before the process died was on disk.
    const acknowledged = sent.filter((note) => note.clock <= saved).map((note) => note.text)
    raw.ws.terminate()

    const second = await start(dir)
    const stored = await readBack(second, board, token)
    const kept = new Set(stored)
    expect(acknowledged.filter((text) => !kept.has(text))).toEqual([])
  })
})

describe('compaction', () => {
  it('shrinks the update log and changes no content', async () => {
    const { server, board, facilitator } = await startWithEvent({ compactAfterUpdates: 10 })
    servers.push(server)
    const writer = clients.connect(server, board, facilitator)
    await writer.synced()
    for (const text of batch('note', 35)) addNotes(writer.doc, [text])
    await waitFor(() => storedRows(server.dataDir, board).snapshots === 1, 'a snapshot')
    const room = await server.ctx.rooms.loaded(board)
    await waitFor(() => noteTexts(room?.doc as Y.Doc).length === 35, 'every note on the server')
    await server.ctx.docs.flush()
    await room?.settle()

    const rows = storedRows(server.dataDir, board)
    expect(rows.snapshots).toBe(1)
    expect(rows.updates).toBeLessThan(10)
    expect(noteTexts(readStoredDoc(server.dataDir, board))).toEqual(batch('note', 35).sort())
    // The stored document is the live one, byte for byte in content.
    const stored = readStoredDoc(server.dataDir, board)
    expect(stored.getMap('ideas').toJSON()).toEqual(room?.doc.getMap('ideas').toJSON())
    expect(Y.encodeStateVector(stored)).toEqual(Y.encodeStateVector(room?.doc as Y.Doc))
  })

  it('leaves a small snapshot of a document whose content was deleted and made anew', async () => {
    const { server, board, facilitator } = await startWithEvent({
      compactAfterUpdates: 1_000_000,
      roomLingerMs: 0,
    })
    servers.push(server)
    const writer = clients.connect(server, board, facilitator)
    await writer.synced()
    addNotes(writer.doc, batch('x'.repeat(400), 60))
    await waitFor(() => storedRows(server.dataDir, board).updateBytes > 24_000, 'the big log')
    // Deleted outright (not the soft delete a participant does), then new content.
    writer.doc.transact(() => {
      for (const id of [...ideasRoot(writer.doc).keys()]) ideasRoot(writer.doc).delete(id)
    })
    addNotes(writer.doc, ['the only note left'])
    const room = await server.ctx.rooms.loaded(board)
    await waitFor(() => noteTexts(room?.doc as Y.Doc).length === 1, 'the server to catch up')
    const logBytes = storedRows(server.dataDir, board).updateBytes

    // The last client leaves: the room compacts and unloads.
    writer.destroy()
    await waitFor(() => storedRows(server.dataDir, board).snapshots === 1, 'the snapshot')
    await waitFor(() => !server.ctx.rooms.names().includes(board), 'the room to unload')
    const rows = storedRows(server.dataDir, board)
    expect(rows.updates).toBe(0)
    expect(logBytes).toBeGreaterThan(24_000)
    expect(rows.snapshotBytes).toBeLessThan(3_000)
    expect(noteTexts(readStoredDoc(server.dataDir, board))).toEqual(['the only note left'])
  })
})

describe.skipIf(!havePostgres)('the server on PostgreSQL', () => {
  it('finds every note after a restart, and compacts there too', async () => {
    const database = await createTestDatabase()
    try {
      const env = { DATABASE_URL: database.url }
      const first = await startSyncServer({ compactAfterUpdates: 10 }, dataDir(), env)
      servers.push(first)
      const event = await createTestEvent(first)
      const group = event.groups[0]?.id as string
      const board = boardDocName(event.id, group)
      const token = event.tokens.facilitators[group] as string
      const writer = clients.connect(first, board, token)
      await writer.synced()
      for (const text of batch('pg', 25)) addNotes(writer.doc, [text])
      const room = await first.ctx.rooms.loaded(board)
      await waitFor(() => noteTexts(room?.doc as Y.Doc).length === 25, 'the server to have all')
      writer.destroy()
      await first.dispose({ keepData: true })

      const second = await startSyncServer({}, first.dataDir, env)
      servers.push(second)
      const reader = clients.connect(second, board, token)
      await reader.synced()
      expect(noteTexts(reader.doc)).toEqual(batch('pg', 25).sort())
      const snapshots = await second.ctx.db.all<{ n: number }>(
        'SELECT COUNT(*) AS n FROM doc_snapshot WHERE name = ?',
        [board],
      )
      expect(Number(snapshots[0]?.n)).toBe(1)
      reader.destroy()
      await second.dispose()
    } finally {
      await database.drop()
    }
  })
})
