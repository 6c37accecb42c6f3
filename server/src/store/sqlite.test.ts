import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
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
