/**
 * The small SQL surface both backends share, so every query in the store is written once.
 * Placeholders are `?`; the PostgreSQL backend numbers them. Blobs are Uint8Array in, Buffer out.
 */
export type SqlValue = string | number | null | Uint8Array

export interface SqlDb {
  readonly dialect: 'sqlite' | 'postgres'
  all<Row>(sql: string, params?: readonly SqlValue[]): Promise<Row[]>
  run(sql: string, params?: readonly SqlValue[]): Promise<{ changes: number }>
  /** Runs `fn` in one transaction; `tx` must be used inside it (the outer db waits). */
  transaction<T>(fn: (tx: SqlDb) => Promise<T>): Promise<T>
  /**
   * Like `transaction`, but the commit may return before it is on disk; `synced` then says
   * when it is. For a backend whose commit blocks the process while the disk syncs (SQLite):
   * the wait for the disk leaves the event loop. Absent: `transaction` is durable as it returns.
   */
  transactionSyncedLater?<T>(
    fn: (tx: SqlDb) => Promise<T>,
  ): Promise<{ result: T; synced: Promise<void> }>
  /**
   * Runs one statement now, as a transaction of its own whose commit does not wait for the
   * disk: it is on disk once any later commit that waits is (SQLite appends every commit to
   * its write-ahead log in order, and syncing the log syncs all that came before). For writes
   * that nothing acknowledges by themselves, only through later writes that wait. Null when it
   * cannot run now (a transaction is open on the connection). Absent where every statement is
   * a round trip anyway (PostgreSQL).
   */
  allSyncedLater?<Row>(sql: string, params?: readonly SqlValue[]): Row[] | null
  close(): Promise<void>
}

export async function first<Row>(
  db: SqlDb,
  sql: string,
  params?: readonly SqlValue[],
): Promise<Row | undefined> {
  const rows = await db.all<Row>(sql, params)
  return rows[0]
}
