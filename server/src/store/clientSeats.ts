import type { DocStore } from './docStore.js'
import type { SqlDb } from './sql.js'

/**
 * Which seat (a participant, or a role link such as a group's facilitator) first wrote under
 * each Yjs client id of a document, kept with the document so that a restart or another
 * instance knows it too. Written once per client id: the first claim stands.
 */
export interface ClientSeatStore {
  /** Every client id of a document with its seat. */
  load(name: string): Promise<Map<number, string>>
  /**
   * Records `seat` for each of `clients` that has none yet; gives the seat each now has
   * (another instance may have recorded a different one first), at once when the store can
   * record it without waiting (SQLite, a store in memory), else once it is recorded.
   */
  claim(
    name: string,
    clients: readonly number[],
    seat: string,
  ): Promise<Map<number, string>> | Map<number, string>
  /**
   * Records `seat` for each of `clients` that has none yet in the transaction that commits the
   * document's next edits (no commit of its own, so the edits under these ids are stored with
   * their claim, never before it); gives the seat each has once that commit is on disk.
   */
  claimWithNextEdits(
    name: string,
    clients: readonly number[],
    seat: string,
  ): Promise<Map<number, string>>
}

export function createClientSeatStore(
  db: SqlDb,
  docs: Pick<DocStore, 'withNextBatch'>,
): ClientSeatStore {
  return {
    async load(name) {
      const rows = await db.all<{ client_id: number | string; seat: string }>(
        'SELECT client_id, seat FROM doc_client WHERE name = ?',
        [name],
      )
      return new Map(rows.map((row) => [Number(row.client_id), row.seat]))
    },
    claim(name, clients, seat) {
      if (db.allSyncedLater) {
        try {
          const seats = claimAtOnce(db.allSyncedLater.bind(db), name, clients, seat)
          if (seats) return seats
        } catch (error) {
          return Promise.reject(error)
        }
      }
      return db.transaction((tx) => insertClaims(tx, name, clients, seat))
    },
    async claimWithNextEdits(name, clients, seat) {
      // The document's deletion drops the batch unwritten: the ids are nobody else's then.
      let seats = new Map(clients.map((client) => [client, seat]))
      await docs.withNextBatch(name, async (tx) => {
        seats = await insertClaims(tx, name, clients, seat)
      })
      return seats
    },
  }
}

/** Inside a transaction: the first stored claim of each id stands, whoever made it. */
async function insertClaims(
  tx: SqlDb,
  name: string,
  clients: readonly number[],
  seat: string,
): Promise<Map<number, string>> {
  const seats = new Map<number, string>()
  for (const client of clients) {
    const inserted = await tx.all<{ seat: string }>(
      'INSERT INTO doc_client (name, client_id, seat) VALUES (?, ?, ?) ON CONFLICT (name, client_id) DO NOTHING RETURNING seat',
      [name, client, seat],
    )
    // Nothing inserted: another seat's claim was stored first (PostgreSQL waits for one still
    // being committed, then reads it).
    const rows =
      inserted.length > 0
        ? inserted
        : await tx.all<{ seat: string }>(
            'SELECT seat FROM doc_client WHERE name = ? AND client_id = ?',
            [name, client],
          )
    seats.set(client, rows[0]?.seat ?? seat)
  }
  return seats
}

type AllSyncedLater = NonNullable<SqlDb['allSyncedLater']>

/**
 * A claim recorded without a round trip and without waiting for the disk (SQLite), so that the
 * writer's first edit is relayed at once; null when that cannot be done now. A claim needs no
 * sync of its own: the edits under its ids are stored after it, and their commit, which syncs
 * the log before anyone is told they are saved, carries it to the disk too. Each id is one
 * statement, and its row is never changed once written, so two seats racing for an id (even
 * on two instances) still read the same winner without a transaction around both statements.
 */
function claimAtOnce(
  allSyncedLater: AllSyncedLater,
  name: string,
  clients: readonly number[],
  seat: string,
): Map<number, string> | null {
  const seats = new Map<number, string>()
  for (const client of clients) {
    const inserted = allSyncedLater<{ seat: string }>(
      'INSERT INTO doc_client (name, client_id, seat) VALUES (?, ?, ?) ON CONFLICT (name, client_id) DO NOTHING RETURNING seat',
      [name, client, seat],
    )
    if (inserted === null) return null
    const rows =
      inserted.length > 0
        ? inserted
        : allSyncedLater<{ seat: string }>(
            'SELECT seat FROM doc_client WHERE name = ? AND client_id = ?',
            [name, client],
          )
    if (rows === null) return null
    seats.set(client, rows[0]?.seat ?? seat)
  }
  return seats
}

/** A lone instance's store for tests and rooms without a database: nothing survives. */
export function memoryClientSeatStore(): ClientSeatStore {
  const docs = new Map<string, Map<number, string>>()
  const claim = (name: string, clients: readonly number[], seat: string) => {
    const seats = docs.get(name) ?? new Map<number, string>()
    docs.set(name, seats)
    const result = new Map<number, string>()
    for (const client of clients) {
      if (!seats.has(client)) seats.set(client, seat)
      result.set(client, seats.get(client) as string)
    }
    return result
  }
  return {
    load: async (name) => new Map(docs.get(name)),
    claim,
    claimWithNextEdits: async (name, clients, seat) => claim(name, clients, seat),
  }
}
