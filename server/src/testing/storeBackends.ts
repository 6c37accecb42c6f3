import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach } from 'vitest'
import * as Y from 'yjs'
import { createDocStore, type StoredDoc } from '../store/docStore.js'
import { migrate } from '../store/migrations.js'
import { openPostgres } from '../store/postgres.js'
import type { SqlDb } from '../store/sql.js'
import { openSqlite } from '../store/sqlite.js'
import { createTestDatabase, postgresAvailable } from './postgres.js'

/** The store's tests on both backends: fresh migrated databases, a counting SqlDb, reading back. */

/** One storage backend: how to open a fresh, migrated database (and more connections to it). */
export interface Backend {
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

/** Both backends, for `describe.each(storeBackends)('the $name store', …)`. */
export const storeBackends: Backend[] = [sqlite, postgres]

/** Where no PostgreSQL answers its suites are skipped, visibly (never in CI: postgresAvailable). */
export const havePostgres = await postgresAvailable()

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

/**
 * For a suite on one backend: `open` makes a fresh migrated database with a DocStore on a
 * counting connection; everything it opened (and whatever a test pushes on `cleanups`) is
 * closed and dropped after each test, last opened first.
 */
export function storesOn(backend: Backend) {
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

  return { open, cleanups }
}

/** The document a stored snapshot and its later updates make. */
export function docOf(stored: StoredDoc): Y.Doc {
  const doc = new Y.Doc()
  if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot)
  for (const update of stored.updates) Y.applyUpdate(doc, update)
  return doc
}

export async function rowCount(db: SqlDb, table: string, name: string): Promise<number> {
  const rows = await db.all<{ n: number }>(`SELECT COUNT(*) AS n FROM ${table} WHERE name = ?`, [
    name,
  ])
  return Number(rows[0]?.n)
}
