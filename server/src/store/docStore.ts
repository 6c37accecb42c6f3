import * as Y from 'yjs'
import { isCorruption, UnreadableDocument } from './integrity.js'
import type { SqlDb } from './sql.js'

/** What a document was stored as: the compacted snapshot (if any) and the updates after it. */
export interface StoredDoc {
  snapshot: Uint8Array | null
  updates: Uint8Array[]
  /** Bytes in the update log after the snapshot: the room compacts when it grows too long. */
  tailBytes: number
}

/**
 * Durable storage of Yjs documents. `append` returns at once and the update is written within
 * `flushIntervalMs` together with every other pending update (one transaction per batch);
 * `compact` folds the log into a snapshot of the live document.
 */
export interface DocStore {
  load(name: string): Promise<StoredDoc>
  /** Queues an update; it is committed within `flushIntervalMs` (failed writes are retried). */
  append(name: string, update: Uint8Array): void
  /** Resolves once everything appended to `name` so far is committed. */
  written(name: string): Promise<void>
  /**
   * Runs `write` in the transaction that commits `name`'s next batch, before its updates (and
   * again with them when that commit fails and is retried); resolves once the commit is on
   * disk. For rows that must be stored no later than the updates appended after them, without
   * a commit of their own: each commit is a write of the log and a lock of the file.
   */
  withNextBatch(name: string, write: BatchWrite): Promise<void>
  /** Writes everything pending now (for one document, or all). */
  flush(name?: string): Promise<void>
  /**
   * Folds `state` (which must contain every update appended here so far), the stored snapshot
   * and the whole log into one new snapshot, and deletes the log rows it folded. The log may
   * hold other instances' updates that `state` does not have yet; they are kept.
   */
  compact(name: string, state: Uint8Array): Promise<void>
  /** Deletes documents whose names start with one of `prefixes` (event deletion). */
  deleteDocs(prefixes: string[]): Promise<void>
  /** Flushes and stops the timer; the db stays open for its owner to close. */
  close(): Promise<void>
}

export interface DocStoreOptions {
  flushIntervalMs?: number
  onError?: (error: unknown) => void
  /**
   * Other instances append to the same log (REDIS_URL): a compaction then folds every stored
   * row into its snapshot, because a row may hold an update its live copy has not received
   * yet. A lone instance's live copy holds every row of its documents, so it skips that work.
   */
  sharedLog?: boolean
}

/** A write that goes into the transaction of a document's next batch (`withNextBatch`). */
export type BatchWrite = (tx: SqlDb) => Promise<void>

type Row = { seq: number; data: Uint8Array }
/**
 * Per document: the rows its pending updates go in, the callers waiting for their commit and
 * the writes that go before the rows.
 */
type Batch = Array<[string, Uint8Array[], Array<() => void>, BatchWrite[]]>

/** The longest wait between two attempts to write after failures (a full disk). */
export const MAX_RETRY_MS = 5_000

export function createDocStore(db: SqlDb, options: DocStoreOptions = {}): DocStore {
  const flushIntervalMs = options.flushIntervalMs ?? 50
  // Failed writes in a row: each doubles the wait before the next attempt, so that a full
  // disk is not hammered every 50 ms (each attempt merges every pending update and blocks
  // the process for the write) while /healthz and every room wait behind it.
  let failures = 0
  // A document with writes but no update yet has an empty list here, so that it is in the batch.
  const pending = new Map<string, Uint8Array[]>()
  const beforeRows = new Map<string, BatchWrite[]>()
  // Who waits for a document's pending updates to be committed.
  const waiters = new Map<string, Array<() => void>>()
  let timer: ReturnType<typeof setTimeout> | null = null
  // Writes run one after another: a compaction must see every earlier append committed.
  let writes: Promise<void> = Promise.resolve()
  const serial = (fn: () => Promise<void>): Promise<void> => {
    const result = writes.then(fn)
    writes = result.catch(() => undefined)
    return result
  }

  // A batch's updates go in one row per document where each insert is a round trip
  // (PostgreSQL), and one row per update where it is a call inside the process (SQLite):
  // cheaper there than Y.mergeUpdates, which decodes and encodes every struct again in code
  // that runs too seldom (once per batch) to be optimised. Rows are read back in order either
  // way, and a compaction folds them all.
  const rowsOf = (updates: Uint8Array[]): Uint8Array[] =>
    updates.length <= 1 || db.dialect === 'sqlite' ? updates : [Y.mergeUpdates(updates)]

  const takeBatch = (name?: string): Batch => {
    const names = name === undefined ? [...pending.keys()] : pending.has(name) ? [name] : []
    return names.map((n) => {
      const updates = pending.get(n) as Uint8Array[]
      pending.delete(n)
      const done = waiters.get(n) ?? []
      waiters.delete(n)
      const writes = beforeRows.get(n) ?? []
      beforeRows.delete(n)
      return [n, rowsOf(updates), done, writes]
    })
  }

  const insertBatch = async (tx: SqlDb, batch: Batch) => {
    for (const [name, rows, , writes] of batch) {
      for (const write of writes) await write(tx)
      for (const data of rows) {
        await tx.run('INSERT INTO doc_update (name, data) VALUES (?, ?)', [name, data])
      }
    }
  }

  const settled = (batch: Batch) => {
    for (const [, , done] of batch) for (const resolve of done) resolve()
  }

  const writeBatch = (batch: Batch) =>
    serial(async () => {
      if (batch.length === 0) return
      try {
        // Whoever waits for these updates (a "saved" acknowledgement) is told once they are on
        // disk.
        await commitDurably(db, (tx) => insertBatch(tx, batch))
      } catch (error) {
        failures++
        requeue(batch)
        throw error
      }
      failures = 0
      settled(batch)
    })

  // A failed write keeps its updates: they go out with the next batch instead of being lost.
  function requeue(batch: Batch) {
    for (const [name, rows, done, writes] of batch) {
      pending.set(name, [...rows, ...(pending.get(name) ?? [])])
      waiters.set(name, [...done, ...(waiters.get(name) ?? [])])
      if (writes.length > 0) beforeRows.set(name, [...writes, ...(beforeRows.get(name) ?? [])])
    }
    schedule()
  }

  function schedule() {
    if (timer) return
    const wait =
      failures === 0 ? flushIntervalMs : Math.min(MAX_RETRY_MS, flushIntervalMs * 2 ** failures)
    timer = setTimeout(() => {
      timer = null
      writeBatch(takeBatch()).catch((error) => options.onError?.(error))
    }, wait)
  }

  function written(name: string): Promise<void> {
    if (pending.has(name)) {
      return new Promise<void>((resolve) => {
        const list = waiters.get(name)
        if (list) list.push(resolve)
        else waiters.set(name, [resolve])
      })
    }
    // Not pending: a batch holding it is in the write chain; if that batch failed, its
    // updates are pending again and we wait for the retry.
    return writes.then(() => (pending.has(name) ? written(name) : undefined))
  }

  return {
    async load(name) {
      try {
        await writeBatch(takeBatch(name))
      } catch (error) {
        // Not written (a full disk): still the document's, read from memory below.
        options.onError?.(error)
      }
      const stored = await loadStored(db, name).catch((error) => {
        throw isCorruption(error) ? new UnreadableDocument(name, error) : error
      })
      const unwritten = pending.get(name) ?? []
      return { ...stored, updates: [...stored.updates, ...unwritten] }
    },
    append(name, update) {
      const list = pending.get(name)
      if (list) list.push(update)
      else pending.set(name, [update])
      schedule()
    },
    written,
    withNextBatch(name, write) {
      const writes = beforeRows.get(name)
      if (writes) writes.push(write)
      else beforeRows.set(name, [write])
      if (!pending.has(name)) pending.set(name, [])
      schedule()
      return written(name)
    },
    async flush(name) {
      await writeBatch(takeBatch(name))
      await writes
    },
    compact(name, state) {
      const batch = takeBatch(name)
      return serial(async () => {
        await commitDurably(db, async (tx) => {
          await insertBatch(tx, batch)
          await foldIntoSnapshot(tx, name, state, options.sharedLog ?? false)
        }).catch((error) => {
          failures++
          requeue(batch)
          throw error
        })
        failures = 0
        // The pending updates it took are committed now: whoever waits for them may go on.
        settled(batch)
      })
    },
    deleteDocs(prefixes) {
      for (const name of [...pending.keys()]) {
        if (!prefixes.some((p) => name.startsWith(p))) continue
        pending.delete(name)
        beforeRows.delete(name)
        for (const resolve of waiters.get(name) ?? []) resolve()
        waiters.delete(name)
      }
      return serial(() =>
        db.transaction(async (tx) => {
          for (const prefix of prefixes) {
            const like = `${prefix}%`
            await tx.run('DELETE FROM doc_update WHERE name LIKE ?', [like])
            await tx.run('DELETE FROM doc_snapshot WHERE name LIKE ?', [like])
            await tx.run('DELETE FROM doc_client WHERE name LIKE ?', [like])
          }
        }),
      )
    },
    async close() {
      if (timer) clearTimeout(timer)
      timer = null
      await writeBatch(takeBatch())
      await writes
    },
  }
}

/**
 * Commits `fn` and resolves once the commit is on disk. Where the backend can sync later
 * (SQLite), the wait for the disk leaves the event loop: a compaction's or a batch's fsync would
 * otherwise stop every room's relaying for as long as a slow disk takes. A commit that is lost
 * with the machine before its sync is lost whole (the log before it stays as it was), and
 * nobody was told it was saved.
 */
async function commitDurably(db: SqlDb, fn: (tx: SqlDb) => Promise<void>): Promise<void> {
  if (db.transactionSyncedLater) await (await db.transactionSyncedLater(fn)).synced
  else await db.transaction(fn)
}

/**
 * One compaction inside its transaction. Several instances may write one document's log, so
 * the new snapshot is `state` plus everything stored: the old snapshot (which another
 * instance's compaction may have filled with updates `state` lacks) and every log row. Only the
 * rows read are deleted: in PostgreSQL a row with a lower seq can commit after the read.
 */
async function foldIntoSnapshot(
  tx: SqlDb,
  name: string,
  state: Uint8Array,
  sharedLog: boolean,
): Promise<void> {
  if (!sharedLog) {
    await replaceWithState(tx, name, state)
    return
  }
  // Compactions of one document take turns, so each folds in the snapshot of the one before.
  // (SQLite's BEGIN IMMEDIATE already serialises every writer of the file.)
  if (tx.dialect === 'postgres') {
    await tx.run('SELECT pg_advisory_xact_lock(727002, hashtext(?))', [name])
  }
  const snapshot = await tx.all<{ state: Uint8Array; upto: number }>(
    'SELECT state, upto FROM doc_snapshot WHERE name = ?',
    [name],
  )
  const rows = await tx.all<Row>('SELECT seq, data FROM doc_update WHERE name = ? ORDER BY seq', [
    name,
  ])
  const doc = new Y.Doc({ gc: true })
  let folded: Uint8Array
  try {
    doc.transact(() => {
      // The live state first: what it already has of the older parts is skipped, not re-added.
      Y.applyUpdate(doc, state)
      if (snapshot[0]) Y.applyUpdate(doc, new Uint8Array(snapshot[0].state))
      for (const row of rows) Y.applyUpdate(doc, new Uint8Array(row.data))
    })
    folded = Y.encodeStateAsUpdate(doc)
  } finally {
    doc.destroy()
  }
  const upto = rows.at(-1)?.seq ?? snapshot[0]?.upto ?? 0
  await tx.run(
    `INSERT INTO doc_snapshot (name, state, upto, updated_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (name) DO UPDATE SET state = excluded.state, upto = excluded.upto, updated_at = excluded.updated_at`,
    [name, folded, upto, Date.now()],
  )
  for (let i = 0; i < rows.length; i += DELETE_CHUNK) {
    const seqs = rows.slice(i, i + DELETE_CHUNK).map((row) => row.seq)
    await tx.run(
      `DELETE FROM doc_update WHERE name = ? AND seq IN (${seqs.map(() => '?').join(', ')})`,
      [name, ...seqs],
    )
  }
}

const DELETE_CHUNK = 500

/** The lone writer's compaction: its live state contains every stored row of the document. */
async function replaceWithState(tx: SqlDb, name: string, state: Uint8Array): Promise<void> {
  const top = await tx.all<{ upto: number | null }>(
    'SELECT MAX(seq) AS upto FROM doc_update WHERE name = ?',
    [name],
  )
  const previous = await tx.all<{ upto: number }>('SELECT upto FROM doc_snapshot WHERE name = ?', [
    name,
  ])
  const upto = top[0]?.upto ?? previous[0]?.upto ?? 0
  await tx.run(
    `INSERT INTO doc_snapshot (name, state, upto, updated_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (name) DO UPDATE SET state = excluded.state, upto = excluded.upto, updated_at = excluded.updated_at`,
    [name, state, upto, Date.now()],
  )
  await tx.run('DELETE FROM doc_update WHERE name = ? AND seq <= ?', [name, upto])
}

async function loadStored(db: SqlDb, name: string): Promise<StoredDoc> {
  return db.transaction(async (tx) => {
    // The log first, then the snapshot. PostgreSQL's READ COMMITTED lets another instance's
    // compaction commit between the two reads: read in this order, whatever it deletes from
    // the log after we read it is in the snapshot we read next; in the other order it would be
    // in neither.
    const rows = await tx.all<Row>('SELECT seq, data FROM doc_update WHERE name = ? ORDER BY seq', [
      name,
    ])
    const snap = await tx.all<{ state: Uint8Array }>(
      'SELECT state FROM doc_snapshot WHERE name = ?',
      [name],
    )
    const updates = rows.map((r) => new Uint8Array(r.data))
    return {
      snapshot: snap[0] ? new Uint8Array(snap[0].state) : null,
      updates,
      tailBytes: updates.reduce((sum, u) => sum + u.byteLength, 0),
    }
  })
}
