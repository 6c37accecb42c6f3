import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { createClientSeatStore } from './clientSeats.js'
import { openDatabase } from './open.js'
import type { SqlDb } from './sql.js'
import { openSqlite } from './sqlite.js'

const dirs: string[] = []
const dbs: SqlDb[] = []
afterEach(async () => {
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
    const seats = createClientSeatStore(db)
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
    const here = createClientSeatStore(db)
    const there = createClientSeatStore(other)
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
    const seats = createClientSeatStore(db)
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
})
