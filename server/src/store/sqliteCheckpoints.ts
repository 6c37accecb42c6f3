import { closeSync, fdatasync, openSync, readSync } from 'node:fs'
import Database from 'better-sqlite3'

/**
 * Checkpoints of a SQLite file's write-ahead log whose disk syncs leave the event loop.
 *
 * SQLite's automatic checkpoint runs inside the commit that crosses its threshold: that commit
 * syncs the log, copies the pages in it into the database file and syncs that too, all on the
 * event loop (13 ms, and 139 ms on a busy disk, every ~8 s in the harness's 6 × 50 run). With
 * the automatic checkpoint off, a checkpoint here is four steps, and only the copy (pages
 * through the system's cache, ~1 ms for a log of 1,000 pages) runs on the loop:
 *
 * 1. A second connection opens a read transaction: while it lasts, the log is not started
 *    over, and no checkpoint copies frames committed after it began.
 * 2. The log is synced from libuv's thread pool: every frame the copy may take is on disk.
 * 3. The main connection copies with `synchronous = OFF` (`copyLog`: no sync of its own).
 * 4. The database file is synced from the pool; then the read transaction ends and the writer
 *    may start the log over at its next commit.
 *
 * That is the order SQLite's own checkpoint keeps (log synced before a page is copied, database
 * file synced before the log is reused), so neither a kill -9 nor a power loss at any moment
 * loses a committed transaction. A worker thread running the checkpoint would also keep the
 * copy off the loop, but costs 16-20 MB of memory (measured in the 1 × 50 and 6 × 50 runs).
 */
export interface Checkpoints {
  /**
   * After a commit on the main connection: starts a checkpoint if the log has grown enough.
   * A failed one (the disk) is reported once and leaves checkpoints to SQLite again.
   */
  committed(): void
  /** Waits for the checkpoint under way and closes the second connection. */
  close(): Promise<void>
}

export interface CheckpointSteps {
  file: string
  /** Frames (pages) in the log not yet copied that make a checkpoint due. */
  pages: number
  /** Syncs the log to disk off the loop. */
  syncLog(): Promise<void>
  /** Copies the log into the database file on the main connection, syncing nothing. */
  copyLog(): void
  /** Runs `fn` in the main connection's turn: no other statement runs until it settles. */
  inTurn(fn: () => Promise<void>): Promise<void>
  onError(error: unknown): void
}

export function createCheckpoints(steps: CheckpointSteps): Checkpoints {
  const { file, pages } = steps
  const reader = new Database(file)
  const begin = reader.prepare('BEGIN')
  const read = reader.prepare('SELECT 1 FROM sqlite_master LIMIT 1')
  const end = reader.prepare('COMMIT')
  // The wal-index (the `-shm` file every connection maps; https://sqlite.org/walformat.html):
  // `mxFrame`, the frames in the log, at byte 16, and `nBackfill`, the frames already copied,
  // at byte 96, in the machine's byte order. One read per commit, where asking SQLite would
  // take a checkpoint.
  let shm: number | null = null
  const index = new Uint8Array(100)
  const words = new Uint32Array(index.buffer)
  const logFrames = () => {
    shm ??= openSync(`${file}-shm`, 'r')
    readSync(shm, index, 0, index.byteLength, 0)
    return words[4] ?? 0
  }
  const uncopied = () => logFrames() - (words[24] ?? 0)
  let database: number | null = null
  const syncDatabase = () =>
    new Promise<void>((resolve, reject) => {
      database ??= openSync(file, 'r')
      fdatasync(database, (error) => (error ? reject(error) : resolve()))
    })

  let running: Promise<void> | null = null
  // After a failure the main connection checkpoints by itself again (`onError`).
  let failed = false
  let closing = false
  /** One checkpoint; `copy` runs the copy (in the main connection's turn). */
  const once = async (copy: () => Promise<void>) => {
    begin.run()
    read.get()
    try {
      await steps.syncLog()
      await copy()
      await syncDatabase()
    } finally {
      end.run()
    }
  }
  const checkpoint = async () => {
    // Frames committed meanwhile are copied in another round while they are few: the writer
    // starts the log over only if every frame is copied when it begins.
    for (let round = 0; round < 3; round++) {
      await once(() => steps.inTurn(async () => steps.copyLog()))
      if (uncopied() <= 0) return
    }
    // The writer kept ahead (commits back to back, or a disk slower than the batches): this
    // round holds every other statement back until the database file is synced, so that the
    // log ends fully copied and the next commit starts it over instead of growing it further.
    if (logFrames() > 4 * pages) await steps.inTurn(() => once(async () => steps.copyLog()))
  }

  return {
    committed() {
      if (closing || failed || running || uncopied() < pages) return
      running = checkpoint()
        .catch((error) => {
          failed = true
          steps.onError(error)
        })
        .finally(() => {
          running = null
        })
    },
    async close() {
      closing = true
      await running
      if (shm !== null) closeSync(shm)
      if (database !== null) closeSync(database)
      reader.close()
    },
  }
}
