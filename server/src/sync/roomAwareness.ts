import { type Seat, stampPresence } from '@hytepaja/shared/domain/presence'
import * as awarenessProtocol from 'y-protocols/awareness'
import type * as Y from 'yjs'
import { applyAwarenessEntries } from './awarenessApply.js'
import { AwarenessBudget, type Waiting } from './awarenessBudget.js'
import { AwarenessGreeting } from './awarenessGreeting.js'
import { type AwarenessView, judge } from './awarenessPolicy.js'
import type { Outbox, RelayedEntry } from './outbox.js'
import type { Peer } from './peer.js'
import type { LastStamp, PeerState } from './peerState.js'
import {
  type AwarenessEntry,
  awarenessEntries,
  BadFrame,
  encodeAwarenessEntries,
  encodeAwarenessFrame,
} from './protocol.js'
import type { DocFeed } from './replication.js'
import type { RoomLimits } from './roomLimits.js'

/**
 * What the awareness part needs of its room: the room's own ways to answer a peer (under its
 * send limit) and to drop one, so that every frame and every close still goes through them.
 * The room itself is passed, not closures: nothing is allocated or called through per frame.
 */
export interface AwarenessHost {
  sendTo(peer: Peer, frame: Uint8Array): boolean
  reject(peer: Peer, error: Error): void
}

/**
 * A room's awareness (names, roles and cursors): who may speak for which client, how fast a
 * sender's news goes out, what others see when a peer leaves or a client returns on a new
 * socket, and what is shared with the other instances holding the document. Apart from the
 * room so that the document's path (room.ts) and this one each fit in a reader's head; both
 * relay through the room's one outbox, so a turn's edits and cursors still go out together.
 */
export class RoomAwareness {
  /** Orders attaches and awareness removals (see awarenessPolicy's `return`). */
  private seq = 0
  /** The order number of each client's last removal from awareness. */
  private readonly removedAt = new Map<number, number>()
  /** Clients that another instance's peers speak for: no peer here may speak for them. */
  private readonly remoteClients = new Set<number>()
  private readonly budget: AwarenessBudget<Peer>
  private readonly greeting: AwarenessGreeting

  constructor(
    private readonly room: AwarenessHost,
    private readonly doc: Y.Doc,
    private readonly awareness: awarenessProtocol.Awareness,
    /** The room's peers (the room adds and removes them; this part reads and marks them). */
    private readonly peers: ReadonlyMap<Peer, PeerState>,
    private readonly outbox: Outbox,
    private readonly limits: Pick<RoomLimits, 'maxAwarenessClients' | 'awarenessRate'>,
    private readonly events: { onAwarenessDropped?(reason: 'size' | 'rate', count: number): void },
    private readonly feed: DocFeed | null,
  ) {
    this.budget = new AwarenessBudget(
      limits.awarenessRate,
      (entries) => this.releaseAwareness(entries),
      (count) => events.onAwarenessDropped?.('rate', count),
    )
    this.greeting = new AwarenessGreeting(awareness)
    // The server has no cursor of its own.
    this.awareness.setLocalState(null)
    this.awareness.on('update', this.onAwarenessChange)
  }

  /** The order number of a peer that attaches now (its `since`). */
  nextOrder(): number {
    return ++this.seq
  }

  /** Everyone shown now, to a peer that just attached. */
  greet(peer: Peer): void {
    const frame = this.greeting.frame()
    if (frame) peer.send(frame)
  }

  /** Every state the room knows, to a peer that asked (y-protocols' query). */
  answerQuery(peer: Peer): void {
    this.room.sendTo(peer, this.greeting.frame() ?? EMPTY_AWARENESS)
  }

  /**
   * A peer the room has just removed: the cursors and names it showed go at once, unless a
   * newer socket of the same client was waiting to speak for them.
   */
  left(peer: Peer, state: PeerState): void {
    const sender = senderOf(peer)
    if (![...this.peers.keys()].some((other) => senderOf(other) === sender)) {
      this.budget.forget(sender)
    }
    // Only states that are shown: a client that cleared its own state (or whose state never
    // applied) has nothing to remove, and encoding an id the awareness never saw would throw.
    const shown = state.clients.filter((id) => this.awareness.states.has(id) && !this.handOver(id))
    if (shown.length > 0) {
      awarenessProtocol.removeAwarenessStates(this.awareness, shown, peer)
      this.markRemoved(shown)
      this.outbox.awareness(this.removals(shown))
    }
  }

  /** Passes a client to a socket that is waiting to speak for it; false when none is. */
  private handOver(client: number): boolean {
    for (const state of this.peers.values()) {
      if (!state.heirTo?.has(client) || state.clients.length >= this.limits.maxAwarenessClients) {
        continue
      }
      state.heirTo.delete(client)
      if (!state.clients.includes(client)) state.clients = [...state.clients, client]
      return true
    }
    return false
  }

  private markRemoved(clients: number[]): void {
    const at = ++this.seq
    for (const client of clients) this.removedAt.set(client, at)
  }

  /**
   * A connection speaks only for its own clients (awarenessPolicy judges each entry). Entries
   * about other clients are dropped, so nobody can change another person's name or cursor, and
   * the echoes y-websocket clients send of everything they receive cost nothing.
   */
  receive(peer: Peer, state: PeerState, frame: Uint8Array, entries: AwarenessEntry[]): void {
    const view = this.awarenessView(state)
    const out: AwarenessEntry[] = []
    const claims = new Set(state.clients)
    let restamped = false
    let onlyEchoes = true
    for (const entry of entries) {
      const verdict = judge(entry, view)
      if (verdict === 'own' || verdict === 'claim') out.push(entry)
      else if (verdict === 'return') {
        const clock = (this.awareness.meta.get(entry.client)?.clock ?? 0) + 1
        out.push({ ...entry, clock })
        restamped = true
      }
      if (verdict === 'claim' || verdict === 'return') claims.add(entry.client)
      if (verdict !== 'echo') onlyEchoes = false
      if (
        verdict === 'refuse' &&
        !entry.removed &&
        view.owner(entry.client) === 'other' &&
        (state.heirTo?.size ?? 0) < this.limits.maxAwarenessClients
      ) {
        state.heirTo ??= new Set()
        state.heirTo.add(entry.client)
      }
    }
    if (claims.size > this.limits.maxAwarenessClients) {
      this.room.reject(peer, new BadFrame('awareness for too many clients'))
      return
    }
    // Claims only add to the clients it had: the same number is the same clients.
    if (claims.size !== state.clients.length) state.clients = [...claims]
    const sized = this.withinSize(out)
    // Over the sender's budget, the entries wait (stamped when they go out).
    if (sized.length > 0 && !this.budget.spend(senderOf(peer), sized, peer)) return
    const before = state.stamp
    const shown = this.stamped(peer, state, sized)
    if (shown.length > 0) {
      const renewals = !restamped && shown.every((entry) => this.renews(entry, before))
      // Applied as decoded and stamped: no update encoded, decoded and parsed again.
      applyAwarenessEntries(this.awareness, shown, peer)
      // Relayed to everyone, the sender included: y-websocket's watchdog counts its own echoed
      // renewals as signs of life, and a returning client must learn its new clock (or its
      // next renewal would not be news). Its own entries under its own clock change nothing.
      this.outbox.awareness(shown, renewals)
      return
    }
    // The sender still gets its frame back unless it only repeated what others said: a client
    // whose renewals are not relayed (its id still held by its own half-dead socket from before
    // a reconnect) must not be taken for silent by its watchdog, which reconnects after 30 s.
    if (!onlyEchoes) this.room.sendTo(peer, frame)
  }

  /** Entries whose state is not too large to relay. */
  private withinSize(entries: AwarenessEntry[]): AwarenessEntry[] {
    const sized = entries.filter((entry) => !entry.oversize)
    if (sized.length < entries.length) {
      this.events.onAwarenessDropped?.('size', entries.length - sized.length)
    }
    return sized
  }

  /**
   * Entries as others will see them: each state stamped with who the sender's token says they
   * are (`stampPresence`), whatever name and role it claimed. The state the peer sent last,
   * from the same seat, is not stamped again (`LastStamp`).
   */
  private stamped(peer: Peer, state: PeerState, entries: AwarenessEntry[]): AwarenessEntry[] {
    const seat = peer.seat?.() ?? null
    return entries.map((entry) =>
      entry.removed ? entry : stampedEntry(state, entry, seat, this.greeting),
    )
  }

  /**
   * Whether a shown entry only renews what everyone has of its client already (the same state
   * under a newer clock, as clients send every 15 s to stay shown): its peer showed this state
   * last and the room still shows the client.
   */
  private renews(entry: AwarenessEntry, before: LastStamp | null): boolean {
    return (
      !entry.removed &&
      before !== null &&
      before.client === entry.client &&
      before.shown === entry.state &&
      this.awareness.states.has(entry.client)
    )
  }

  /** Entries that waited for the sender's budget: relayed unless their client has left. */
  private releaseAwareness(waited: Array<Waiting<Peer>>): void {
    const current = waited.flatMap(({ entry, from }) => {
      const state = this.peers.get(from)
      return state?.clients.includes(entry.client) ? this.stamped(from, state, [entry]) : []
    })
    if (current.length === 0) return
    awarenessProtocol.applyAwarenessUpdate(
      this.awareness,
      encodeAwarenessEntries(current),
      RELEASED,
    )
    this.outbox.awareness(current)
  }

  private awarenessView(state: PeerState): AwarenessView {
    return {
      roomClient: this.doc.clientID,
      known: (client) => {
        const meta = this.awareness.meta.get(client)
        return meta && { clock: meta.clock, shown: this.awareness.states.has(client) }
      },
      owner: (client) =>
        state.clients.includes(client)
          ? 'sender'
          : this.ownedByOther(state, client) || this.remoteClients.has(client)
            ? 'other'
            : 'none',
      joinedAfterRemoval: (client) => (this.removedAt.get(client) ?? Infinity) < state.since,
    }
  }

  /** Whether another peer than the one with state `own` speaks for the client. */
  private ownedByOther(own: PeerState, clientId: number): boolean {
    // By states, not [peer, state] entries: V8 made an entry array per peer for every message
    // (~0.7 KB of what a join allocated in a room of 20).
    for (const state of this.peers.values()) {
      if (state !== own && state.clients.includes(clientId)) return true
    }
    return false
  }

  // Removals by timeout (a peer that vanished without a close) reach the others here; changes
  // made by peers are relayed as received in `receive`.
  private readonly onAwarenessChange = (
    change: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ): void => {
    if (origin === REMOTE) return
    if (origin !== 'timeout') {
      // A peer's own news (or its removal when it left): the other instances show it too.
      const clients = [...change.added, ...change.updated, ...change.removed]
      if (this.feed && clients.length > 0) {
        this.feed.publishAwareness(awarenessProtocol.encodeAwarenessUpdate(this.awareness, clients))
      }
      return
    }
    if (change.removed.length === 0) return
    // Every instance times out the states it stopped hearing about on its own (a crashed
    // instance's clients vanish this way), so timeouts are not published.
    this.markRemoved(change.removed)
    this.outbox.awareness(this.removals(change.removed))
    this.forgetRemote(change.removed)
  }

  /** Another instance no longer speaks for these clients: a peer here waiting for one gets it. */
  private forgetRemote(clients: number[]): void {
    for (const client of clients) {
      if (this.remoteClients.delete(client)) this.handOver(client)
    }
  }

  /** Another instance's awareness update (the room's feed hands it over). */
  applyRemote(update: Uint8Array): void {
    const entries = awarenessEntries(update)
    // A client a peer here speaks for is this instance's to show; news of it from elsewhere
    // is an older socket's, on its way out.
    const kept = entries.filter((entry) => !this.ownedLocally(entry.client))
    if (kept.length === 0) return
    const accepted = kept.length === entries.length ? update : encodeAwarenessEntries(kept)
    awarenessProtocol.applyAwarenessUpdate(this.awareness, accepted, REMOTE)
    for (const entry of kept) if (!entry.removed) this.remoteClients.add(entry.client)
    this.outbox.awareness(kept)
    const removed = kept.filter((entry) => entry.removed).map((entry) => entry.client)
    if (removed.length > 0) {
      this.markRemoved(removed)
      this.forgetRemote(removed)
    }
  }

  /** The states of this instance's own clients, for an instance that just loaded the room. */
  localStates(): Uint8Array | null {
    const clients = [...this.awareness.getStates().keys()].filter((id) => this.ownedLocally(id))
    return clients.length > 0
      ? awarenessProtocol.encodeAwarenessUpdate(this.awareness, clients)
      : null
  }

  private ownedLocally(client: number): boolean {
    for (const state of this.peers.values()) if (state.clients.includes(client)) return true
    return false
  }

  /** Removals of clients just removed from the room's awareness, as relayed. */
  private removals(clients: number[]): RelayedEntry[] {
    return clients.map((client) => ({
      client,
      clock: this.awareness.meta.get(client)?.clock ?? 0,
      state: 'null',
      removed: true,
    }))
  }

  destroy(): void {
    this.budget.destroy()
    this.awareness.off('update', this.onAwarenessChange)
    // Awareness runs an interval; a room that is not destroyed keeps the process alive.
    this.awareness.destroy()
  }
}

/**
 * The entry as the room shows it: its state stamped with the seat (none for test peers), or as
 * last time. A state stamped now carries the object its JSON was made from, so that applying
 * it parses nothing and the greeting does not stringify it again.
 */
function stampedEntry(
  state: PeerState,
  entry: AwarenessEntry,
  seat: Seat | null,
  greeting: AwarenessGreeting,
): AwarenessEntry {
  const last = state.stamp
  if (
    last !== null &&
    last.client === entry.client &&
    last.sent === entry.state &&
    sameSeat(last.seat, seat)
  ) {
    return last.shown === entry.state ? entry : { ...entry, state: last.shown, value: undefined }
  }
  let shown = entry.state
  let value: unknown
  if (seat) {
    value = stampPresence(entry.value !== undefined ? entry.value : JSON.parse(entry.state), seat)
    shown = JSON.stringify(value)
    greeting.remember(value, shown)
  }
  // The seat copied: what it is now is compared with what it was then.
  state.stamp = { client: entry.client, sent: entry.state, seat: seat && { ...seat }, shown }
  return shown === entry.state ? entry : { ...entry, state: shown, value }
}

const sameSeat = (a: Seat | null, b: Seat | null): boolean =>
  a === null || b === null ? a === b : a.id === b.id && a.role === b.role && a.name === b.name

/** Whose awareness budget a peer spends; test peers without a token spend their own. */
const senderOf = (peer: Peer): string => peer.sender ?? peer.id

/** An awareness message of no clients: the answer to a query while nobody is shown. */
const EMPTY_AWARENESS = encodeAwarenessFrame(encodeAwarenessEntries([]))

/** The origin of awareness that waited for its sender's budget. */
const RELEASED = Symbol('released')
/** The origin of awareness other instances sent (theirs to publish, not this one's). */
const REMOTE = Symbol('remote')
