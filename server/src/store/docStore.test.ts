import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { createTestDatabase, postgresAvailable } from '../testing/postgres.js'
import { addNotes, notesUpdate, noteTexts } from '../testing/sync.js'
import { createDocStore, type StoredDoc } from './docStore.js'
import { migrate } from './migrations.js'
import { openPostgres } from './postgres.js'
import type { SqlDb } from './sql.js'
import { openSqlite } from './sqlite.js'

/** One storage backend: how to open a fresh, migrated database (and more connections to it). */
interface Backend {
  name: 'sqlite' | 'postgres'
  /** A fresh empty database; `connect` opens another connection (pool) to the same one. */
  create(): Promise<{ connect(): SqlDb; drop(): Promise<void> }>
}

const sqlite: Backend = {
  name: 'sqlite',
  async create() {
    const dir = mkdtempSync(join(tmpdir(), 'hytepaja-store-'))
    return {
      connect: () => openSqlite(join(dir, 'test.sqlite')),
      drop: async () => rmSync(dir, { recursive: true, force: true }),
    }
  },
}

const postgres: Backend = {
  name: 'postgres',
  async create() {
    const database = await createTestDatabase()
    return { connect: () => openPostgres(database.url), drop: () => database.drop() }
  },
}

const havePostgres = await postgresAvailable()
if (!havePostgres) {
  console.warn('PostgreSQL is not reachable: the postgres store tests are skipped')
}

/** A SqlDb that counts transactions and rows and can be told to fail its next transaction. */
function instrumented(db: SqlDb) {
  const stats = { transactions: 0, updateInserts: 0, failNext: false }
  const wrap = (inner: SqlDb, inTx: boolean): SqlDb => ({
    dialect: inner.dialect,
    all: (sql, params) => inner.all(sql, params),
    async run(sql, params) {
      const result = await inner.run(sql, params)
      if (/INSERT INTO doc_update/.test(sql)) {
        stats.updateInserts++
        // Fail after a row went in, so the rollback is part of what is tested.
        if (inTx && stats.failNext) {
          stats.failNext = false
          throw new Error('disk full')
        }
      }
      return result
    },
    transaction(fn) {
      stats.transactions++
      return inner.transaction((tx) => fn(wrap(tx, true)))
    },
    close: () => inner.close(),
  })
  return { db: wrap(db, false), stats }
}

function docOf(stored: StoredDoc): Y.Doc {
  const doc = new Y.Doc()
  if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot)
  for (const update of stored.updates) Y.applyUpdate(doc, update)
  return doc
}

async function rowCount(db: SqlDb, table: string, name: string): Promise<number> {
  const rows = await db.all<{ n: number }>(`SELECT COUNT(*) AS n FROM ${table} WHERE name = ?`, [
    name,
  ])
  return Number(rows[0]?.n)
}

describe.each([sqlite, postgres])('the $name store', (backend) => {
  const skip = backend.name === 'postgres' && !havePostgres
  const cleanups: Array<() => Promise<void>> = []
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
  })

  async function open(options: { flushIntervalMs?: number; sharedLog?: boolean } = {}) {
    const database = await backend.create()
    const raw = database.connect()
    cleanups.push(() => database.drop())
    cleanups.push(() => raw.close())
    await migrate(raw)
    const { db, stats } = instrumented(raw)
    const errors: unknown[] = []
    const store = createDocStore(db, { ...options, onError: (e) => errors.push(e) })
    cleanups.push(() => store.close())
    return { db, raw, stats, store, errors, database }
  }

  describe.skipIf(skip)('DocStore', () => {
    it('commits the updates appended within one interval in one transaction', async () => {
      const { store, stats, db } = await open({ flushIntervalMs: 50 })
      const names = ['board:e:a', 'board:e:b', 'proposal:e:a:decision']
      for (let i = 0; i < 10; i++) {
        store.append(names[i % 3] as string, notesUpdate([`note ${i}`]))
      }
      await Promise.all(names.map((n) => store.written(n)))
      expect(stats.transactions).toBe(1)
      // SQLite: one row per update (an insert costs less than merging them); PostgreSQL: one
      // merged row per document (each insert is a round trip).
      for (const name of names) {
        expect(await rowCount(db, 'doc_update', name)).toBe(
          backend.name === 'sqlite' ? [4, 3, 3][names.indexOf(name)] : 1,
        )
      }
      const texts = await Promise.all(names.map(async (n) => noteTexts(docOf(await store.load(n)))))
      expect(texts.flat().sort()).toEqual(Array.from({ length: 10 }, (_, i) => `note ${i}`).sort())
    })

    it('retries a failed write and loses nothing', async () => {
      const { store, stats, db, errors } = await open({ flushIntervalMs: 20 })
      stats.failNext = true
      store.append('board:e:a', notesUpdate(['first']))
      store.append('board:e:b', notesUpdate(['second']))
      await Promise.all([store.written('board:e:a'), store.written('board:e:b')])
      expect(errors).toHaveLength(1)
      expect(stats.transactions).toBeGreaterThanOrEqual(2)
      // The failed transaction rolled back: exactly one row each, from the retry.
      expect(await rowCount(db, 'doc_update', 'board:e:a')).toBe(1)
      expect(await rowCount(db, 'doc_update', 'board:e:b')).toBe(1)
      expect(noteTexts(docOf(await store.load('board:e:a')))).toEqual(['first'])
      expect(noteTexts(docOf(await store.load('board:e:b')))).toEqual(['second'])
    })

    it('keeps updates appended while a failed batch waits for its retry', async () => {
      const { store, stats } = await open({ flushIntervalMs: 20 })
      stats.failNext = true
      store.append('board:e:a', notesUpdate(['one']))
      const first = store.written('board:e:a')
      store.append('board:e:a', notesUpdate(['two']))
      await first
      store.append('board:e:a', notesUpdate(['three']))
      await store.written('board:e:a')
      expect(noteTexts(docOf(await store.load('board:e:a')))).toEqual(['one', 'three', 'two'])
    })

    it('reads its own pending updates on load', async () => {
      const { store } = await open({ flushIntervalMs: 60_000 })
      store.append('board:e:a', notesUpdate(['not yet flushed']))
      expect(noteTexts(docOf(await store.load('board:e:a')))).toEqual(['not yet flushed'])
    })

    it('writes everything pending on flush and on close', async () => {
      const { store, db, raw } = await open({ flushIntervalMs: 60_000 })
      store.append('board:e:a', notesUpdate(['flushed']))
      await store.flush('board:e:a')
      expect(await rowCount(db, 'doc_update', 'board:e:a')).toBe(1)
      store.append('board:e:b', notesUpdate(['closed']))
      await store.close()
      const other = createDocStore(raw)
      expect(noteTexts(docOf(await other.load('board:e:b')))).toEqual(['closed'])
      await other.close()
    })

    it('compacts the log into one snapshot and keeps later updates after it', async () => {
      const { store, db } = await open({ flushIntervalMs: 10 })
      const live = new Y.Doc()
      live.on('update', (u: Uint8Array) => store.append('board:e:a', u))
      for (let i = 0; i < 20; i++) addNotes(live, [`note ${i}`])
      await store.written('board:e:a')
      expect(await rowCount(db, 'doc_update', 'board:e:a')).toBeGreaterThan(0)

      await store.compact('board:e:a', Y.encodeStateAsUpdate(live))
      expect(await rowCount(db, 'doc_update', 'board:e:a')).toBe(0)
      expect(await rowCount(db, 'doc_snapshot', 'board:e:a')).toBe(1)
      addNotes(live, ['after the snapshot'])
      await store.written('board:e:a')
      const stored = await store.load('board:e:a')
      expect(stored.snapshot).not.toBeNull()
      expect(stored.updates).toHaveLength(1)
      expect(noteTexts(docOf(stored))).toEqual(noteTexts(live))
    })

    it('writes a document’s pending updates with its compaction', async () => {
      const { store, db } = await open({ flushIntervalMs: 60_000 })
      const live = new Y.Doc()
      live.on('update', (u: Uint8Array) => store.append('board:e:a', u))
      addNotes(live, ['pending', 'also pending'])
      store.append('board:e:other', notesUpdate(['another document']))
      await store.compact('board:e:a', Y.encodeStateAsUpdate(live))
      expect(await rowCount(db, 'doc_update', 'board:e:a')).toBe(0)
      expect(noteTexts(docOf(await store.load('board:e:a')))).toEqual(['also pending', 'pending'])
      // Another document's pending update is not touched by this compaction.
      expect(await rowCount(db, 'doc_update', 'board:e:other')).toBe(0)
      await store.flush()
      expect(await rowCount(db, 'doc_update', 'board:e:other')).toBe(1)
    })

    it('resolves written() for pending updates that a compaction wrote', async () => {
      const { store } = await open({ flushIntervalMs: 60_000 })
      const live = new Y.Doc()
      live.on('update', (u: Uint8Array) => store.append('board:e:a', u))
      addNotes(live, ['pending'])
      let resolved = false
      const written = store.written('board:e:a').then(() => {
        resolved = true
      })
      await store.compact('board:e:a', Y.encodeStateAsUpdate(live))
      await Promise.race([written, new Promise((r) => setTimeout(r, 1_000))])
      expect(resolved).toBe(true)
    })

    it('garbage-collects deleted content when compacting', async () => {
      const { store } = await open({ flushIntervalMs: 10 })
      const live = new Y.Doc({ gc: true })
      live.on('update', (u: Uint8Array) => store.append('board:e:a', u))
      const text = live.getText('t')
      for (let i = 0; i < 100; i++) text.insert(0, 'x'.repeat(500))
      text.delete(0, text.length)
      await store.written('board:e:a')
      const log = await store.load('board:e:a')
      // Merging the log keeps every deleted character; the live gc document keeps none.
      expect(Y.mergeUpdates(log.updates).byteLength).toBeGreaterThan(50_000)
      await store.compact('board:e:a', Y.encodeStateAsUpdate(live))
      const compacted = await store.load('board:e:a')
      expect(compacted.updates).toEqual([])
      // What is left is the structure of 100 deleted insertions, about ten bytes each.
      expect(compacted.snapshot?.byteLength).toBeLessThan(2_000)
      expect(docOf(compacted).getText('t').toString()).toBe('')
    })

    it('deletes documents by prefix, pending updates included, and nothing else', async () => {
      const { store, db } = await open({ flushIntervalMs: 60_000 })
      for (const name of ['event:a', 'board:a:x', 'board:b:y', 'board:ab:z']) {
        store.append(name, notesUpdate([name]))
      }
      await store.flush()
      await store.compact('board:a:x', Y.encodeStateAsUpdate(docOf(await store.load('board:a:x'))))
      store.append('board:a:x', notesUpdate(['pending when deleted']))
      await store.deleteDocs(['event:a', 'board:a:'])
      await store.flush()
      for (const name of ['event:a', 'board:a:x']) {
        expect(await rowCount(db, 'doc_update', name)).toBe(0)
        expect(await rowCount(db, 'doc_snapshot', name)).toBe(0)
        expect(await store.load(name)).toEqual({ snapshot: null, updates: [], tailBytes: 0 })
      }
      expect(noteTexts(docOf(await store.load('board:b:y')))).toEqual(['board:b:y'])
      expect(noteTexts(docOf(await store.load('board:ab:z')))).toEqual(['board:ab:z'])
    })

    it('keeps another instance’s updates that the compacting document does not have yet', async () => {
      const { store: storeA, database } = await open({ flushIntervalMs: 10, sharedLog: true })
      const rawB = database.connect()
      cleanups.push(() => rawB.close())
      const storeB = createDocStore(rawB, { flushIntervalMs: 10, sharedLog: true })
      cleanups.push(() => storeB.close())
      // Two instances, each with its own live copy; the bus has not brought B's note to A yet.
      const liveA = new Y.Doc()
      const liveB = new Y.Doc()
      liveA.on('update', (u: Uint8Array) => storeA.append('board:e:a', u))
      liveB.on('update', (u: Uint8Array) => storeB.append('board:e:a', u))
      addNotes(liveB, ['from B, before'])
      await storeB.written('board:e:a')
      addNotes(liveA, ['from A'])

      await storeA.compact('board:e:a', Y.encodeStateAsUpdate(liveA))
      expect(noteTexts(liveA)).toEqual(['from A'])
      expect(noteTexts(docOf(await storeA.load('board:e:a')))).toEqual(['from A', 'from B, before'])

      // B compacts next with a copy that lacks A's note, which is in A's snapshot alone now.
      addNotes(liveB, ['from B, after'])
      await storeB.compact('board:e:a', Y.encodeStateAsUpdate(liveB))
      const stored = await storeB.load('board:e:a')
      expect(stored.updates).toEqual([])
      expect(noteTexts(docOf(stored))).toEqual(['from A', 'from B, after', 'from B, before'])
    })

    it('resolves written() at once for a document with nothing pending', async () => {
      const { store } = await open({ flushIntervalMs: 60_000 })
      await expect(store.written('board:e:none')).resolves.toBeUndefined()
    })
  })

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

  describe.skipIf(skip)('SqlDb', () => {
    it('stores blobs byte for byte', async () => {
      const { raw } = await open()
      const bytes = new Uint8Array(256).map((_, i) => i)
      const view = new Uint8Array(bytes.buffer, 16, 32)
      await raw.run('INSERT INTO doc_update (name, data) VALUES (?, ?)', ['a', bytes])
      await raw.run('INSERT INTO doc_update (name, data) VALUES (?, ?)', ['b', view])
      const rows = await raw.all<{ name: string; data: Uint8Array }>(
        'SELECT name, data FROM doc_update ORDER BY seq',
      )
      expect(new Uint8Array(rows[0]?.data as Uint8Array)).toEqual(bytes)
      expect(new Uint8Array(rows[1]?.data as Uint8Array)).toEqual(new Uint8Array(view))
    })

    it('rolls a transaction back when its function throws', async () => {
      const { raw } = await open()
      await expect(
        raw.transaction(async (tx) => {
          await tx.run('INSERT INTO doc_update (name, data) VALUES (?, ?)', [
            'a',
            new Uint8Array([1]),
          ])
          throw new Error('no')
        }),
      ).rejects.toThrow('no')
      expect(await rowCount(raw, 'doc_update', 'a')).toBe(0)
      const { changes } = await raw.run('INSERT INTO doc_update (name, data) VALUES (?, ?)', [
        'a',
        new Uint8Array([1]),
      ])
      expect(changes).toBe(1)
    })

    it('keeps other callers’ statements out of an open transaction', async () => {
      const { raw } = await open()
      let release: () => void = () => undefined
      const gate = new Promise<void>((resolve) => {
        release = resolve
      })
      const tx = raw.transaction(async (t) => {
        await t.run('INSERT INTO doc_update (name, data) VALUES (?, ?)', [
          'in',
          new Uint8Array([1]),
        ])
        await gate
        throw new Error('rolled back')
      })
      const outside = raw.run('INSERT INTO doc_update (name, data) VALUES (?, ?)', [
        'out',
        new Uint8Array([2]),
      ])
      release()
      await expect(tx).rejects.toThrow('rolled back')
      await outside
      expect(await rowCount(raw, 'doc_update', 'in')).toBe(0)
      expect(await rowCount(raw, 'doc_update', 'out')).toBe(1)
    })
  })
})

describe.skipIf(!havePostgres)('the postgres store shared by several instances', () => {
  it('loads a complete document while another instance compacts it', async () => {
    const database = await createTestDatabase()
    const loaderDb = openPostgres(database.url)
    const compactorDb = openPostgres(database.url)
    try {
      await migrate(loaderDb)
      const compactor = createDocStore(compactorDb, { flushIntervalMs: 10 })
      const live = new Y.Doc()
      live.on('update', (u: Uint8Array) => compactor.append('board:e:a', u))
      addNotes(live, ['one', 'two', 'three'])
      await compactor.written('board:e:a')

      // The compaction commits between the loader's two reads.
      let compacted = false
      const between: SqlDb = {
        ...loaderDb,
        transaction: (fn) =>
          loaderDb.transaction((tx) =>
            fn({
              ...tx,
              async all(sql, params) {
                const rows = await tx.all(sql, params)
                if (!compacted) {
                  compacted = true
                  await compactor.compact('board:e:a', Y.encodeStateAsUpdate(live))
                }
                return rows as never
              },
            }),
          ),
      }
      const loader = createDocStore(between)
      const loaded = await loader.load('board:e:a')
      expect(compacted).toBe(true)
      expect(noteTexts(docOf(loaded))).toEqual(['one', 'three', 'two'])
      await loader.close()
      await compactor.close()
    } finally {
      await loaderDb.close()
      await compactorDb.close()
      await database.drop()
    }
  })
})
