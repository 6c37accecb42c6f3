import { closeSync, fdatasync, openSync } from 'node:fs'
import Database from 'better-sqlite3'
import type { SqlDb, SqlValue } from './sql.js'
import { createCheckpoints } from './sqliteCheckpoints.js'
import { reserveLogSpace } from './sqliteLogSpace.js'

type Statement = Database.Statement<unknown[], unknown>

function bind(params: readonly SqlValue[]): unknown[] {
  return params.map((p) =>
    p instanceof Uint8Array && !Buffer.isBuffer(p)
      ? Buffer.from(p.buffer, p.byteOffset, p.byteLength)
      : p,
  )
}

export interface SqliteOptions {
  /**
   * How many pages (4 KiB) of the write-ahead log wait to be copied into the database file
   * before a checkpoint (`sqliteCheckpoints.ts`); 1,000 as SQLite's own.
   */
  checkpointPages?: number
  /** A checkpoint failed: checkpoints run inside commits again, as SQLite's own. */
  onError?: (error: unknown) => void
}

/** SQLite's automatic checkpoint threshold, in pages, and ours by default. */
const SQLITE_AUTOCHECKPOINT_PAGES = 1000

/**
 * better-sqlite3 behind the async SqlDb surface. The connection is one, so every call is queued
 * behind an open transaction: an `await` inside a transaction must not let another caller's
 * statement slip into it.
 */
export function openSqlite(file: string, options: SqliteOptions = {}): SqlDb {
  const db = new Database(file)
  db.pragma('journal_mode = WAL')
  // One commit per ~50 ms batch makes a full fsync cheap, and it survives power loss too.
  db.pragma('synchronous = FULL')
  db.pragma('busy_timeout = 5000')
  db.pragma('foreign_keys = ON')
  // Prepared once (`db.exec` and `db.pragma` prepare theirs at every call). A PRAGMA statement
  // still compiles itself again at each run (SQLite runs it only once per compile), so the
  // level is switched only when it changes: back to back batches of the document store then
  // switch nothing, where each used to switch twice.
  const levels = {
    OFF: db.prepare('PRAGMA synchronous = OFF'),
    NORMAL: db.prepare('PRAGMA synchronous = NORMAL'),
    FULL: db.prepare('PRAGMA synchronous = FULL'),
  }
  // Preparing one already set the level, so its first run finds itself compiled and does
  // nothing: the first batch after start stayed FULL, and with no other statement between
  // batches so did every later one. Each spends that first run here, FULL last.
  for (const level of Object.values(levels)) level.run()
  let synchronous: keyof typeof levels = 'FULL'
  const synchronousAt = (level: keyof typeof levels) => {
    if (synchronous === level) return
    levels[level].run()
    synchronous = level
  }
  const checkpoint = db.prepare('PRAGMA wal_checkpoint(PASSIVE)')
  const begin = db.prepare('BEGIN IMMEDIATE')
  const commit = db.prepare('COMMIT')
  const rollback = db.prepare('ROLLBACK')
  // A database in memory (tests) has no log on disk: what it commits is all there is.
  const inMemory = file === ':memory:' || file === ''
  if (!inMemory) {
    db.pragma('wal_autocheckpoint = 0')
    reserveLogSpace(
      file,
      db.pragma('page_size', { simple: true }) as number,
      options.checkpointPages ?? SQLITE_AUTOCHECKPOINT_PAGES,
    )
  }
  const statements = new Map<string, Statement>()
  const prepare = (sql: string): Statement => {
    let stmt = statements.get(sql)
    if (!stmt) {
      stmt = db.prepare(sql)
      statements.set(sql, stmt)
    }
    return stmt
  }
  // A statement outside a transaction commits by itself when it writes.
  const committedIfWrote = (stmt: Statement) => {
    if (!stmt.readonly && !db.inTransaction) checkpoints?.committed()
  }
  const direct = {
    all<Row>(sql: string, params: readonly SqlValue[] = []): Row[] {
      const stmt = prepare(sql)
      const rows = stmt.all(...bind(params)) as Row[]
      committedIfWrote(stmt)
      return rows
    },
    run(sql: string, params: readonly SqlValue[] = []): { changes: number } {
      const stmt = prepare(sql)
      const { changes } = stmt.run(...bind(params))
      committedIfWrote(stmt)
      return { changes }
    },
  }

  let queue: Promise<unknown> = Promise.resolve()
  const serial = <T>(fn: () => T | Promise<T>): Promise<T> => {
    const result = queue.then(fn)
    queue = result.catch(() => undefined)
    return result
  }

  const tx: SqlDb = {
    dialect: 'sqlite',
    all: async (sql, params) => direct.all(sql, params),
    run: async (sql, params) => direct.run(sql, params),
    transaction: (fn) => fn(tx),
    close: async () => {
      throw new Error('close() inside a transaction')
    },
  }

  // The write-ahead log's own descriptor, for syncing it to disk from libuv's thread pool:
  // opened once (at the first commit, which makes the log) and synced with a callback, one
  // hop back to the event loop per batch where a FileHandle's promise took several.
  let wal: number | null = null
  // Syncs under way: the descriptor is closed only once none is.
  let syncing = 0
  let whenNoneSyncing: (() => void) | null = null
  const syncWal = (): Promise<void> => {
    if (inMemory) return Promise.resolve()
    return new Promise((resolve, reject) => {
      try {
        wal ??= openSync(`${file}-wal`, 'r')
      } catch (error) {
        reject(error)
        return
      }
      syncing++
      // The log's data and its size, not its times: what SQLite syncs the log with itself
      // (fdatasync where the system has it); a full fsync wrote the file's inode each time too.
      fdatasync(wal, (error) => {
        if (--syncing === 0) whenNoneSyncing?.()
        if (error) reject(error)
        else resolve()
      })
    })
  }

  // The log is copied into the database file here with its syncs off the loop (see
  // sqliteCheckpoints.ts); SQLite's automatic checkpoint is off.
  const checkpoints = inMemory
    ? null
    : createCheckpoints({
        file,
        pages: options.checkpointPages ?? SQLITE_AUTOCHECKPOINT_PAGES,
        syncLog: syncWal,
        // The copy syncs nothing itself: the log was synced before, the database file is after.
        copyLog: () => {
          synchronousAt('OFF')
          checkpoint.get()
        },
        inTurn: serial,
        onError: (error) => {
          db.pragma(`wal_autocheckpoint = ${SQLITE_AUTOCHECKPOINT_PAGES}`)
          options.onError?.(error)
        },
      })

  return {
    dialect: 'sqlite',
    all: (sql, params) =>
      serial(() => {
        synchronousAt('FULL')
        return direct.all(sql, params)
      }),
    // Outside the queue: a statement that runs now may go before statements still waiting
    // in it, never into an open transaction (the connection is one; it would commit or roll
    // back with it).
    allSyncedLater: (sql, params) => {
      if (db.inTransaction) return null
      // The next statement through the queue sets FULL again before it runs.
      synchronousAt('NORMAL')
      return direct.all(sql, params)
    },
    // A FULL commit fsyncs the log on the event loop (tens of ms on a busy disk, every 50 ms
    // under load). Committed with NORMAL instead, the log is written but not synced: a killed
    // process loses nothing (the data is the kernel's), and `synced` resolves once the log is
    // synced from another thread, which makes it safe against power loss as FULL would.
    // The connection is one and its statements run in turn, so NORMAL holds for this
    // transaction only: every other statement sets FULL again before it runs.
    transactionSyncedLater: (fn) =>
      serial(async () => {
        synchronousAt('NORMAL')
        begin.run()
        try {
          const result = await fn(tx)
          commit.run()
          checkpoints?.committed()
          return { result, synced: syncWal() }
        } catch (error) {
          if (db.inTransaction) rollback.run()
          throw error
        }
      }),
    run: (sql, params) =>
      serial(() => {
        synchronousAt('FULL')
        return direct.run(sql, params)
      }),
    transaction: (fn) =>
      serial(async () => {
        synchronousAt('FULL')
        begin.run()
        try {
          const result = await fn(tx)
          commit.run()
          checkpoints?.committed()
          return result
        } catch (error) {
          if (db.inTransaction) rollback.run()
          throw error
        }
      }),
    close: async () => {
      // Before the queue: the checkpoint under way waits in it for its copy.
      await checkpoints?.close()
      return serial(async () => {
        if (syncing > 0) await new Promise<void>((resolve) => (whenNoneSyncing = resolve))
        if (wal !== null) closeSync(wal)
        wal = null
        db.close()
      })
    },
  }
}
