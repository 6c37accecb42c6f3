import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { havePostgres, storeBackends, storesOn } from '../testing/storeBackends.js'
import { createDocStore } from './docStore.js'
import { migrate } from './migrations.js'
import type { SqlDb } from './sql.js'
import { openSqlite } from './sqlite.js'

/** The schema version whose update log still had AUTOINCREMENT. */
const BEFORE_ROWID_LOG = 15

let dir: string | null = null
let db: SqlDb | null = null

afterEach(async () => {
  await db?.close()
  db = null
  if (dir) rmSync(dir, { recursive: true, force: true })
  dir = null
})

function openFresh(): SqlDb {
  dir = mkdtempSync(join(tmpdir(), 'hytepaja-migrate-'))
  db = openSqlite(join(dir, 'test.sqlite'))
  return db
}

const logSchema = async (sqlite: SqlDb) =>
  (
    await sqlite.all<{ sql: string }>(
      "SELECT sql FROM sqlite_master WHERE tbl_name = 'doc_update' ORDER BY type DESC",
    )
  ).map((row) => row.sql)

/** A note added to `doc`, as the update Yjs makes of it. */
function noteUpdate(doc: Y.Doc, key: string): Uint8Array {
  let update: Uint8Array | null = null
  const take = (u: Uint8Array) => {
    update = u
  }
  doc.on('update', take)
  doc.getMap('notes').set(key, key.toUpperCase())
  doc.off('update', take)
  return update as unknown as Uint8Array
}

describe('migrations (SQLite)', () => {
  it('keeps the update log of a database made by the old schema, in order, without AUTOINCREMENT', async () => {
    const sqlite = openFresh()
    await migrate(sqlite, BEFORE_ROWID_LOG)
    expect((await logSchema(sqlite))[0]).toContain('AUTOINCREMENT')
    const writer = new Y.Doc()
    const updates = ['a', 'b', 'c'].map((key) => noteUpdate(writer, key))
    for (const update of updates) {
      await sqlite.run('INSERT INTO doc_update (name, data) VALUES (?, ?)', ['board:e:g', update])
    }
    await sqlite.run('INSERT INTO doc_update (name, data) VALUES (?, ?)', [
      'board:e:other',
      updates[0] as Uint8Array,
    ])
    const before = await sqlite.all<{ seq: number; name: string }>(
      'SELECT seq, name FROM doc_update ORDER BY seq',
    )

    await migrate(sqlite)

    const [table, index] = await logSchema(sqlite)
    expect(table).not.toContain('AUTOINCREMENT')
    expect(index).toContain('(name, seq)')
    expect(
      await sqlite.all<{ seq: number; name: string }>(
        'SELECT seq, name FROM doc_update ORDER BY seq',
      ),
    ).toEqual(before)
    const store = createDocStore(sqlite)
    const stored = await store.load('board:e:g')
    expect(stored.updates.map((u) => [...u])).toEqual(updates.map((u) => [...u]))
    const reader = new Y.Doc()
    for (const update of stored.updates) Y.applyUpdate(reader, update)
    expect(reader.getMap('notes').toJSON()).toEqual({ a: 'A', b: 'B', c: 'C' })
    // A new row goes after every kept one.
    store.append('board:e:g', noteUpdate(writer, 'd'))
    await store.flush()
    const top = await sqlite.all<{ seq: number }>(
      "SELECT seq FROM doc_update WHERE name = 'board:e:g' ORDER BY seq DESC LIMIT 1",
    )
    expect(top[0]?.seq).toBeGreaterThan(Math.max(...before.map((row) => row.seq)))
    await store.close()
  })

  it('runs each step once: a second start changes nothing', async () => {
    const sqlite = openFresh()
    await migrate(sqlite)
    const schema = await logSchema(sqlite)
    await migrate(sqlite)
    expect(await logSchema(sqlite)).toEqual(schema)
  })
})

describe.each(storeBackends)('the $name store', (backend) => {
  const skip = backend.name === 'postgres' && !havePostgres
  const { open, cleanups } = storesOn(backend)

  describe.skipIf(skip)('migrations', () => {
    it('are idempotent: running them again changes nothing', async () => {
      const { raw } = await open()
      const version = async () =>
        await raw.all<{ version: number }>('SELECT version FROM schema_version')
      const before = await version()
      await migrate(raw)
      await migrate(raw)
      expect(await version()).toEqual(before)
      expect(before).toHaveLength(1)
      expect(Number(before[0]?.version)).toBeGreaterThanOrEqual(3)
    })

    // One process owns a SQLite file; several instances share only PostgreSQL.
    it.skipIf(backend.name === 'sqlite')(
      'let several instances start at once against one database',
      async () => {
        const database = await backend.create()
        cleanups.push(() => database.drop())
        // The race is in PostgreSQL's catalog and does not show every time: try a few rounds.
        for (let round = 0; round < 5; round++) {
          const fresh = round === 0 ? database : await backend.create()
          if (round > 0) cleanups.push(() => fresh.drop())
          const dbs = [0, 1, 2, 3, 4, 5].map(() => fresh.connect())
          for (const db of dbs) cleanups.push(() => db.close())
          const results = await Promise.allSettled(dbs.map((db) => migrate(db)))
          expect(results.filter((r) => r.status === 'rejected')).toEqual([])
          const rows = await (dbs[0] as SqlDb).all<{ version: number }>(
            'SELECT version FROM schema_version',
          )
          expect(rows).toHaveLength(1)
        }
      },
    )
  })
})
