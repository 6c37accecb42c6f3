import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { createClientSeatStore } from './clientSeats.js'
import { createDocStore, type DocStore } from './docStore.js'
import { openDatabase } from './open.js'
import type { SqlDb } from './sql.js'
import { openSqlite } from './sqlite.js'

const dirs: string[] = []
const dbs: SqlDb[] = []
const stores: DocStore[] = []
afterEach(async () => {
  for (const store of stores.splice(0)) await store.close().catch(() => undefined)
  for (const db of dbs.splice(0)) await db.close()
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
})

async function fresh() {
  const dataDir = mkdtempSync(join(tmpdir(), 'hytepaja-seats-'))
  dirs.push(dataDir)
  const db = await openDatabase({ dataDir, databaseUrl: null })
  dbs.push(db)
  return { db, file: join(dataDir, 'hytepaja.sqlite') }
}

/** The document store of an instance, committing only when flushed. */
function docStoreOf(db: SqlDb): DocStore {
  const docs = createDocStore(db, { flushIntervalMs: 60_000 })
  stores.push(docs)
  return docs
}

/** How many update rows another process reads for the document. */
function updatesOutside(file: string, name: string): number {
  const other = new Database(file, { readonly: true })
  try {
    const row = other.prepare('SELECT COUNT(*) AS n FROM doc_update WHERE name = ?').get(name)
    return (row as { n: number }).n
  } finally {
    other.close()
  }
}

/** An edit under `client`. */
function editUnder(client: number): Uint8Array {
  const doc = new Y.Doc()
  doc.clientID = client
  doc.getMap('m').set('k', client)
  return Y.encodeStateAsUpdate(doc)
}

/** What another process reads from the file (a connection of its own). */
function seatsOutside(file: string, name: string): Array<{ client_id: number; seat: string }> {
  const other = new Database(file, { readonly: true })
  try {
    return other
      .prepare('SELECT client_id, seat FROM doc_client WHERE name = ? ORDER BY client_id')
      .all(name) as Array<{ client_id: number; seat: string }>
  } finally {
    other.close()
  }
}

const BOARD = 'board:e1:g1'

describe('the seat of each Yjs client id in SQLite', () => {
  it('is recorded at once, seen by other connections, and leaves every other write fully synchronous', async () => {
    const { db, file } = await fresh()
    const seats = createClientSeatStore(db, docStoreOf(db))
    // At once: the writer's first edit need not wait for a round trip or the disk.
    expect(seats.claim(BOARD, [7, 8], 'anna')).toEqual(
      new Map([
        [7, 'anna'],
        [8, 'anna'],
      ]),
    )
    expect(seatsOutside(file, BOARD)).toEqual([
      { client_id: 7, seat: 'anna' },
      { client_id: 8, seat: 'anna' },
    ])
    // 2 = FULL: a command's write is on disk when its answer goes out.
    expect(await db.all<{ synchronous: number }>('PRAGMA synchronous')).toEqual([
      { synchronous: 2 },
    ])
  })

  it('goes to the first seat when two instances race for one id', async () => {
    const { db, file } = await fresh()
    const other = openSqlite(file)
    dbs.push(other)
    const here = createClientSeatStore(db, docStoreOf(db))
    const there = createClientSeatStore(other, docStoreOf(other))
    expect(here.claim(BOARD, [7], 'anna')).toEqual(new Map([[7, 'anna']]))
    // Bertta's instance claims the same id after Anna's: it learns Anna has it.
    expect(await there.claim(BOARD, [7, 9], 'bertta')).toEqual(
      new Map([
        [7, 'anna'],
        [9, 'bertta'],
      ]),
    )
    expect(await here.load(BOARD)).toEqual(
      new Map([
        [7, 'anna'],
        [9, 'bertta'],
      ]),
    )
  })

  it('waits for a transaction open on the connection instead of writing into it', async () => {
    const { db, file } = await fresh()
    const seats = createClientSeatStore(db, docStoreOf(db))
    let claimed: ReturnType<typeof seats.claim> | null = null
    await expect(
      db.transaction(async (tx) => {
        await tx.run('INSERT INTO doc_client (name, client_id, seat) VALUES (?, ?, ?)', [
          BOARD,
          1,
          'rolled back',
        ])
        claimed = seats.claim(BOARD, [7], 'anna')
        throw new Error('fails midway')
      }),
    ).rejects.toThrow('fails midway')
    expect(claimed).toBeInstanceOf(Promise)
    expect(await claimed).toEqual(new Map([[7, 'anna']]))
    // The claim did not go down with the transaction it came during.
    expect(seatsOutside(file, BOARD)).toEqual([{ client_id: 7, seat: 'anna' }])
  })

  it('stores a claim made with edits in the commit of those edits, not in one of its own', async () => {
    const { db, file } = await fresh()
    const docs = docStoreOf(db)
    const seats = createClientSeatStore(db, docs)
    const claimed = seats.claimWithNextEdits(BOARD, [7], 'anna')
    docs.append(BOARD, editUnder(7))
    // Nothing committed yet: neither the claim nor the edit is in the file.
    expect(seatsOutside(file, BOARD)).toEqual([])
    expect(updatesOutside(file, BOARD)).toBe(0)
    await docs.flush()
    expect(await claimed).toEqual(new Map([[7, 'anna']]))
    expect(seatsOutside(file, BOARD)).toEqual([{ client_id: 7, seat: 'anna' }])
    expect(updatesOutside(file, BOARD)).toBe(1)
  })

  it('goes down with its edits when their commit fails, and is stored with them when it is retried', async () => {
    const { db, file } = await fresh()
    const docs = docStoreOf(db)
    const seats = createClientSeatStore(db, docs)
    // The update rows cannot go in (as on a full disk): the claim, written before them in the
    // same transaction, is rolled back with them.
    await db.run(
      "CREATE TEMP TRIGGER no_updates BEFORE INSERT ON doc_update BEGIN SELECT RAISE(ABORT, 'disk full'); END",
    )
    const claimed = seats.claimWithNextEdits(BOARD, [7], 'anna')
    docs.append(BOARD, editUnder(7))
    await expect(docs.flush()).rejects.toThrow('disk full')
    expect(seatsOutside(file, BOARD)).toEqual([])
    await db.run('DROP TRIGGER no_updates')
    await docs.flush()
    expect(await claimed).toEqual(new Map([[7, 'anna']]))
    expect(seatsOutside(file, BOARD)).toEqual([{ client_id: 7, seat: 'anna' }])
    expect(updatesOutside(file, BOARD)).toBe(1)
  })

  it('leaves the first stored claim standing when two instances claim one id with their edits', async () => {
    const { db, file } = await fresh()
    const other = openSqlite(file)
    dbs.push(other)
    const hereDocs = docStoreOf(db)
    const thereDocs = docStoreOf(other)
    const here = createClientSeatStore(db, hereDocs)
    const there = createClientSeatStore(other, thereDocs)
    const anna = here.claimWithNextEdits(BOARD, [7], 'anna')
    hereDocs.append(BOARD, editUnder(7))
    const bertta = there.claimWithNextEdits(BOARD, [7, 9], 'bertta')
    thereDocs.append(BOARD, editUnder(9))
    await hereDocs.flush()
    await thereDocs.flush()
    expect(await anna).toEqual(new Map([[7, 'anna']]))
    // Bertta's instance learns from its commit that Anna's claim was stored first.
    expect(await bertta).toEqual(
      new Map([
        [7, 'anna'],
        [9, 'bertta'],
      ]),
    )
    expect(seatsOutside(file, BOARD)).toEqual([
      { client_id: 7, seat: 'anna' },
      { client_id: 9, seat: 'bertta' },
    ])
  })
})
