import { copyFileSync, mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { openSqlite } from './sqlite.js'

const dirs: string[] = []
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
})

async function fresh() {
  const dir = mkdtempSync(join(tmpdir(), 'hytepaja-sqlite-'))
  dirs.push(dir)
  const file = join(dir, 'store.sqlite')
  const db = openSqlite(file)
  await db.run('CREATE TABLE t (v TEXT NOT NULL)')
  return { db, file }
}

/** What another process would read from the file (a separate connection). */
function readOutside(file: string): string[] {
  const other = new Database(file, { readonly: true })
  try {
    return (other.prepare('SELECT v FROM t ORDER BY rowid').all() as Array<{ v: string }>).map(
      (row) => row.v,
    )
  } finally {
    other.close()
  }
}

describe('a SQLite transaction whose disk sync comes later', () => {
  it('is committed when it returns and synced when `synced` resolves', async () => {
    const { db, file } = await fresh()
    const sqlite = db.transactionSyncedLater
    if (!sqlite) throw new Error('the SQLite backend syncs later')
    const { result, synced } = await sqlite(async (tx) => {
      await tx.run('INSERT INTO t (v) VALUES (?)', ['edit'])
      return 'done'
    })
    expect(result).toBe('done')
    expect(readOutside(file)).toEqual(['edit'])
    await synced
    await db.close()
  })

  it('leaves every other write of the connection fully synchronous', async () => {
    const { db } = await fresh()
    await db.transactionSyncedLater?.(async (tx) => {
      await tx.run('INSERT INTO t (v) VALUES (?)', ['edit'])
    })
    // 2 = FULL: a command's write is on disk when its answer goes out.
    expect(await db.all<{ synchronous: number }>('PRAGMA synchronous')).toEqual([
      { synchronous: 2 },
    ])
    await expect(
      db.transactionSyncedLater?.(async (tx) => {
        await tx.run('INSERT INTO t (v) VALUES (?)', ['half'])
        throw new Error('fails midway')
      }),
    ).rejects.toThrow('fails midway')
    expect(await db.all<{ v: string }>('SELECT v FROM t')).toEqual([{ v: 'edit' }])
    expect(await db.all<{ synchronous: number }>('PRAGMA synchronous')).toEqual([
      { synchronous: 2 },
    ])
    await db.close()
  })
})

describe("the write-ahead log's checkpoints", () => {
  it('copy the log into the database file, and the log starts over', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hytepaja-sqlite-'))
    dirs.push(dir)
    const file = join(dir, 'store.sqlite')
    const db = openSqlite(file, { checkpointPages: 64 })
    await db.run('CREATE TABLE t (v TEXT NOT NULL)')
    // The main connection never checkpoints in a commit.
    expect(await db.all('PRAGMA wal_autocheckpoint')).toEqual([{ wal_autocheckpoint: 0 }])
    const row = 'x'.repeat(8_000)
    const commits = 600
    for (let i = 0; i < commits; i++) {
      const { synced } = (await db.transactionSyncedLater?.(async (tx) => {
        await tx.run('INSERT INTO t (v) VALUES (?)', [row])
      })) ?? { synced: Promise.resolve() }
      await synced
    }
    const written = commits * row.length
    // Only a checkpoint writes the database file: the rows reach it (all but those committed
    // after the last checkpoint was due).
    await vi.waitFor(() => expect(statSync(file).size).toBeGreaterThan(written * 0.75), {
      timeout: 10_000,
    })
    // The log was reused from its start after checkpoints, not grown to hold every row, also
    // with commits back to back (the hardest case: the writer is always ahead).
    expect(statSync(`${file}-wal`).size).toBeLessThan(written / 2)
    expect(readOutside(file)).toHaveLength(commits)
    await db.close()
  })
})

describe('the synchronous level of a batch commit', () => {
  it('is NORMAL from the first batch on, also when nothing else runs between batches', async () => {
    const { db } = await fresh()
    const levels: unknown[] = []
    for (let i = 0; i < 3; i++) {
      const committed = await db.transactionSyncedLater?.(async (tx) => {
        levels.push(...(await tx.all('PRAGMA synchronous')))
        await tx.run('INSERT INTO t (v) VALUES (?)', [`batch ${i}`])
      })
      await committed?.synced
    }
    // 1 = NORMAL: the log is synced from the thread pool, not in the commit.
    expect(levels).toEqual([{ synchronous: 1 }, { synchronous: 1 }, { synchronous: 1 }])
    expect(await db.all('PRAGMA synchronous')).toEqual([{ synchronous: 2 }])
    await db.close()
  })
})

describe("the write-ahead log's space", () => {
  it('is there before the first commit, and a log a crashed process left keeps its rows', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hytepaja-sqlite-'))
    dirs.push(dir)
    // A crashed process's files: a log with committed frames that no checkpoint copied, and
    // shorter than the space a start reserves.
    const crashed = join(dir, 'crashed.sqlite')
    const writer = new Database(crashed)
    writer.pragma('journal_mode = WAL')
    writer.pragma('wal_autocheckpoint = 0')
    writer.exec('CREATE TABLE t (v TEXT NOT NULL)')
    for (let i = 0; i < 20; i++) writer.prepare('INSERT INTO t (v) VALUES (?)').run(`edit ${i}`)
    const copy = join(dir, 'store.sqlite')
    copyFileSync(crashed, copy)
    copyFileSync(`${crashed}-wal`, `${copy}-wal`)
    writer.close()
    const leftLog = statSync(`${copy}-wal`).size

    const db = openSqlite(copy, { checkpointPages: 1000 })
    // The log's working space (1,000 frames of a 4 KiB page and headroom) before any commit.
    expect(statSync(`${copy}-wal`).size).toBeGreaterThan(Math.max(leftLog, 1000 * 4096))
    const rows = Array.from({ length: 20 }, (_, i) => ({ v: `edit ${i}` }))
    expect(await db.all('SELECT v FROM t ORDER BY rowid')).toEqual(rows)
    const committed = await db.transactionSyncedLater?.(async (tx) => {
      await tx.run('INSERT INTO t (v) VALUES (?)', ['after the start'])
    })
    await committed?.synced
    expect(readOutside(copy)).toEqual([...rows.map((row) => row.v), 'after the start'])
    await db.close()
    // And once more from the files as they are: nothing committed went missing.
    const again = openSqlite(copy)
    expect(await again.all('SELECT v FROM t ORDER BY rowid')).toHaveLength(21)
    await again.close()
  })
})
