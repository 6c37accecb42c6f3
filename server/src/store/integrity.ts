import type { SqlDb } from './sql.js'

/** What the store's own check found at start, and which documents could not be read since. */
export interface StoreHealth {
  /** `damaged`: the check found faults; `unchecked`: the store offers no cheap check. */
  integrity: 'ok' | 'damaged' | 'unchecked'
  /** The check's findings (SQLite's quick_check lines, PostgreSQL's checksum failures). */
  problems: string[]
  /** Documents whose stored state could not be read (their sockets get 4422). */
  unreadable: Set<string>
}

/** A document whose stored state is damaged: no retry will read it. */
export class UnreadableDocument extends Error {
  constructor(
    readonly docName: string,
    cause: unknown,
  ) {
    super(`document ${docName} cannot be read: ${cause instanceof Error ? cause.message : cause}`)
    this.cause = cause
  }
}

// SQLite: the file is damaged or not a database; PostgreSQL: data_corrupted, index_corrupted.
const CORRUPTION = new Set([
  'SQLITE_CORRUPT',
  'SQLITE_CORRUPT_INDEX',
  'SQLITE_NOTADB',
  'XX001',
  'XX002',
])

/** Whether a store error says the data is damaged (rather than busy, away or full). */
export function isCorruption(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code
  return typeof code === 'string' && CORRUPTION.has(code)
}

/**
 * The store's integrity, checked once at start. SQLite: `PRAGMA quick_check` (every page and
 * record, without the slower index cross-check). PostgreSQL: the data-checksum failures the
 * server counted for this database (cheap; `unchecked` when checksums are off).
 */
export async function checkIntegrity(db: SqlDb): Promise<StoreHealth> {
  const health: StoreHealth = { integrity: 'ok', problems: [], unreadable: new Set() }
  try {
    if (db.dialect === 'sqlite') {
      const rows = await db.all<{ quick_check: string }>('PRAGMA quick_check')
      const found = rows.map((row) => row.quick_check).filter((line) => line !== 'ok')
      if (found.length > 0) Object.assign(health, { integrity: 'damaged', problems: found })
      return health
    }
    const rows = await db.all<{ failures: number | null }>(
      'SELECT checksum_failures AS failures FROM pg_stat_database WHERE datname = current_database()',
    )
    const failures = rows[0]?.failures
    if (failures === null || failures === undefined) health.integrity = 'unchecked'
    else if (Number(failures) > 0) {
      Object.assign(health, { integrity: 'damaged', problems: [`${failures} checksum failures`] })
    }
  } catch (error) {
    if (!isCorruption(error)) throw error
    Object.assign(health, { integrity: 'damaged', problems: [(error as Error).message] })
  }
  return health
}

/**
 * Runs `read`; when a document it reads is damaged, gives null instead and notes the
 * document's name in `skipped`, so that one damaged document does not take a whole answer
 * (an export, the overview) down with it.
 */
export async function unlessUnreadable<T>(
  read: () => Promise<T>,
  skipped: string[],
): Promise<T | null> {
  try {
    return await read()
  } catch (error) {
    if (!(error instanceof UnreadableDocument)) throw error
    skipped.push(error.docName)
    return null
  }
}
