import * as Y from 'yjs'
import type { ClientSeatStore } from '../store/clientSeats.js'
import type { Peer } from './peer.js'

/**
 * What an update's Yjs client ids say about it, for the seat sending it:
 * - `own`: every id it writes new changes under is this seat's (or it only repeats changes
 *   the document has, as a sync step 2 after a reconnect does);
 * - `foreign`: it writes new changes under an id another seat wrote under first (or under
 *   the server's own): refused;
 * - `unknown`: ids nobody has written under yet; they become this seat's once recorded.
 */
export type OwnerVerdict =
  | { kind: 'own' }
  | { kind: 'foreign'; client: number }
  | { kind: 'unknown'; clients: number[] }

/** The verdict of nearly every edit, one object for all of them. */
const OWN: OwnerVerdict = Object.freeze({ kind: 'own' })

/**
 * Whose seat a peer writes for: a participant by their id, a role link (a group's
 * facilitators, the organiser) by its role's id. Test peers without a token are their own.
 */
export const seatKeyOf = (peer: Pick<Peer, 'actor' | 'id'>): string => peer.actor?.id ?? peer.id

/**
 * Ties each Yjs client id of one document to the seat that first wrote under it. A client id
 * is what Yjs orders a writer's changes by: someone who sent changes under another person's
 * id would take the clocks of that person's next (offline) changes, which the server would
 * then skip as already known while that person's device counted them saved.
 *
 * Judging reads only the ids and clocks of the update (from `decodeFrame`) and the document's
 * state: nothing is applied.
 *
 * An id nothing has been written under yet (every new client's first edit) is the seat's here
 * at once, and its claim is stored in the commit of the document's next edits, the first of
 * them among them: no commit of its own. A restart or another instance knows the owner before
 * any edit under the id is stored. The first stored claim stands: when the commit finds another
 * instance's claim stored first, that seat is recorded here, and the other seat's later edits
 * under the id are refused. Its edits before that (one batch, ~50 ms) went through: a client
 * id is a random 32-bit number, so two seats meet on one only when one of them copies the
 * other's, from its cursor or its first change; such a seat could as well write under an id
 * it saw in awareness before its owner wrote anything, and take it for good. Waiting for the
 * store would close no hole, and cost every new writer a commit of its own.
 *
 * An id the document has changes under but no recorded seat (written on another instance,
 * whose claim this one has not read) is asked of the store before the edit is applied, one
 * claim at a time, so that two seats racing for one id find the same winner.
 */
export class ClientOwners {
  private readonly seats = new Map<number, string>()
  private claims: Promise<unknown> = Promise.resolve()
  /** Claims waiting for the store, in the order they were asked. */
  private queued = 0
  /** Ids held in memory only because the store could not write them (a full disk). */
  private readonly unsaved = new Map<number, string>()
  private retryMs = 0
  private retryTimer: ReturnType<typeof setTimeout> | null = null

  constructor(
    private readonly name: string,
    private readonly doc: Y.Doc,
    private readonly store: ClientSeatStore,
  ) {}

  /** The seats recorded before the room loaded. */
  known(seats: ReadonlyMap<number, string>): void {
    for (const [client, seat] of seats) this.seats.set(client, seat)
  }

  judge(clients: ReadonlyMap<number, number>, seat: string): OwnerVerdict {
    // Made only when an id is new (a writer's first edit): every other edit allocates nothing.
    let unknown: number[] | null = null
    // Keys, then `get`: no [client, end] pair made and destructured per id (see judgeWrites).
    for (const client of clients.keys()) {
      // Nothing new under this id: a resend of what the document has, by whoever holds it.
      if ((clients.get(client) as number) <= Y.getState(this.doc.store, client)) continue
      // The server's own commands write under the room's id.
      if (client === this.doc.clientID) return { kind: 'foreign', client }
      const owner = this.seats.get(client)
      if (owner === undefined) {
        unknown ??= []
        unknown.push(client)
      } else if (owner !== seat) return { kind: 'foreign', client }
    }
    return unknown !== null ? { kind: 'unknown', clients: unknown } : OWN
  }

  /**
   * Records `seat` for the ids (unless another seat has them in the store already). Null when
   * that is done at once (a store in memory); otherwise resolves once it is.
   */
  claim(clients: readonly number[], seat: string): Promise<void> | null {
    if (clients.every((client) => Y.getState(this.doc.store, client) === 0)) {
      this.claimWithEdits(clients, seat)
      return null
    }
    let claimed: Promise<Map<number, string>>
    if (this.queued === 0) {
      const seats = this.store.claim(this.name, clients, seat)
      if (seats instanceof Map) {
        this.record(seats)
        return null
      }
      // Under way already: asking the store a second time wrote (and synced) the claim twice.
      claimed = seats
    } else claimed = this.claims.then(() => this.store.claim(this.name, clients, seat))
    this.queued++
    const done = claimed
      .then(
        (seats) => this.record(seats),
        // The store cannot write (a full disk): the ids are this seat's here meanwhile, as the
        // edits under them are kept in memory, and are written once the store takes writes
        // again. Refusing them instead closed every new writer for as long as the disk was full.
        () => this.keepUnsaved(clients, seat),
      )
      .finally(() => {
        this.queued--
      })
    this.claims = done.catch(() => undefined)
    return done
  }

  /**
   * The ids are the seat's at once; their claim goes into the commit of the edits that follow.
   * That commit is retried until it is written (a full disk): the ids stay this seat's here
   * meanwhile, as the edits under them are kept in memory.
   */
  private claimWithEdits(clients: readonly number[], seat: string): void {
    for (const client of clients) this.seats.set(client, seat)
    this.store.claimWithNextEdits(this.name, clients, seat).then(
      // Another instance's claim, stored first, stands.
      (seats) => this.record(seats),
      // Not expected (a failed commit is retried, not given up): the seat stays this one's.
      () => undefined,
    )
  }

  /** Stops retrying (the room unloads). */
  close(): void {
    if (this.retryTimer) clearTimeout(this.retryTimer)
    this.retryTimer = null
  }

  private keepUnsaved(clients: readonly number[], seat: string): void {
    for (const client of clients) {
      if (this.seats.has(client)) continue
      this.seats.set(client, seat)
      this.unsaved.set(client, seat)
    }
    this.scheduleRetry()
  }

  /** Writes the unsaved ids again after 1 s, doubling up to 30 s while the store still fails. */
  private scheduleRetry(): void {
    if (this.retryTimer || this.unsaved.size === 0) return
    this.retryMs = Math.min(30_000, this.retryMs === 0 ? 1_000 : this.retryMs * 2)
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null
      const bySeat = new Map<string, number[]>()
      for (const [client, seat] of this.unsaved) {
        bySeat.set(seat, [...(bySeat.get(seat) ?? []), client])
      }
      this.claims = this.claims.then(async () => {
        for (const [seat, clients] of bySeat) {
          try {
            const seats = await this.store.claim(this.name, clients, seat)
            for (const client of clients) this.unsaved.delete(client)
            // Another instance may have recorded one of them first: its record stands.
            this.record(seats)
          } catch {
            // Still failing: tried again later.
          }
        }
        if (this.unsaved.size === 0) this.retryMs = 0
        else this.scheduleRetry()
      })
    }, this.retryMs)
    this.retryTimer.unref?.()
  }

  private record(seats: ReadonlyMap<number, string>): void {
    for (const [client, owner] of seats) this.seats.set(client, owner)
  }
}
