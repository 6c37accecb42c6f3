import { boardDocName } from '@hytepaja/shared/doc/names'
import { afterEach, describe, expect, it } from 'vitest'
import { createTestEvent } from '../testing/accessFixture.js'
import {
  addNotes,
  Clients,
  noteTexts,
  readStoredDoc,
  startSyncServer,
  type TestServer,
  waitFor,
} from '../testing/sync.js'
import type { SqlDb } from './sql.js'

const clients = new Clients()
const servers: TestServer[] = []
afterEach(async () => {
  clients.destroyAll()
  for (const server of servers.splice(0)) await server.dispose()
})

/**
 * A disk that can fill up: while `full`, every write fails as SQLite's does (SQLITE_FULL),
 * after holding the process for `stallMs` as a synchronous write to a struggling disk does.
 * Reads work throughout.
 */
function fillableDisk(stallMs: number) {
  const disk = { full: false, failedWrites: 0 }
  const fail = () => {
    disk.failedWrites++
    const until = Date.now() + stallMs
    while (Date.now() < until) {
      // better-sqlite3 blocks the event loop for the whole write; so does this.
    }
    throw Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' })
  }
  const writes = /^\s*(INSERT|UPDATE|DELETE)/i
  const wrap = (db: SqlDb): SqlDb => ({
    dialect: db.dialect,
    all: (sql, params) => db.all(sql, params),
    async run(sql, params) {
      if (disk.full && writes.test(sql)) fail()
      return db.run(sql, params)
    },
    transaction: (fn) => db.transaction((tx) => fn(wrap(tx))),
    close: () => db.close(),
  })
  return { disk, wrap }
}

describe('a full disk', () => {
  it('is retried with growing pauses, the server answers meanwhile, and nothing is lost', async () => {
    const { disk, wrap } = fillableDisk(40)
    const server = await startSyncServer({ wrapDb: wrap, compactAfterUpdates: 5 })
    servers.push(server)
    const event = await createTestEvent(server)
    const [a, b] = event.groups.map((g) => boardDocName(event.id, g.id)) as [string, string]
    const facilitator = event.tokens.facilitators[event.groups[0]?.id as string] as string
    const writer = clients.connect(server, a, facilitator)
    await writer.synced()

    disk.full = true
    const started = Date.now()
    let health = 0
    // A group writes on while the disk is full; each note past the fifth asks for a compaction.
    for (let i = 0; i < 20; i++) {
      addNotes(writer.doc, [`täynnä ${i}`])
      await new Promise((resolve) => setTimeout(resolve, 100))
      if ((await fetch(`${server.url}/healthz`)).ok) health++
    }
    const elapsedMs = Date.now() - started
    // Every 50 ms would be elapsedMs / 50 attempts; the pauses double up to 5 s.
    expect(disk.failedWrites).toBeGreaterThan(2)
    expect(disk.failedWrites).toBeLessThan(elapsedMs / 50 / 4)
    expect(health).toBe(20)
    // Other rooms load and serve meanwhile.
    const reader = clients.connect(server, b, event.tokens.viewer)
    await reader.synced()
    const late = clients.connect(server, a, event.tokens.viewer)
    await waitFor(() => noteTexts(late.doc).length === 20, 'the notes from memory')

    // Space again: everything the group wrote reaches the disk.
    disk.full = false
    await waitFor(
      async () => {
        await server.ctx.docs.flush()
        return noteTexts(readStoredDoc(server.dataDir, a)).length === 20
      },
      'the notes to be written',
      30_000,
    )
    // The writer's client id, first used while the disk was full, was this seat's in memory
    // meanwhile and is written once the store takes writes again.
    await waitFor(
      async () =>
        (
          await server.ctx.db.all<{ client_id: number }>(
            'SELECT client_id FROM doc_client WHERE name = ?',
            [a],
          )
        ).some((row) => Number(row.client_id) === writer.doc.clientID),
      'the client id to be recorded',
      30_000,
    )
    const metrics = await server.ctx.metrics.registry.metrics()
    expect(metrics).toMatch(/hytepaja_store_write_failures_total [1-9]/)
  })
})
