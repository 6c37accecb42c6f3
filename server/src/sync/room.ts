import { stampPresence } from '@hytepaja/shared/domain/presence'
import { CloseCode } from '@hytepaja/shared/protocol/closeCodes'
import * as awarenessProtocol from 'y-protocols/awareness'
import * as Y from 'yjs'
import { type ClientSeatStore, memoryClientSeatStore } from '../store/clientSeats.js'
import type { DocStore } from '../store/docStore.js'
import type { UnreadableDocument } from '../store/integrity.js'
import { Admission, dropPending, hasPending, type Refusal } from './admission.js'
import { AwarenessBudget, type AwarenessRate, type Waiting } from './awarenessBudget.js'
import { type AwarenessView, judge } from './awarenessPolicy.js'
import { ClientOwners, seatKeyOf } from './clientOwners.js'
import { shapeOf } from './docShape.js'
import { FirstSync } from './firstSync.js'
import { type Batch, Outbox, type RelayedEntry } from './outbox.js'
import type { Peer } from './peer.js'
import {
  type AwarenessEntry,
  awarenessEntries,
  BadFrame,
  decodeFrame,
  encodeAwareness,
  encodeAwarenessEntries,
  encodeSaved,
  encodeSyncStep1,
  savedClocks,
} from './protocol.js'
import type { DocFeed, RemoteSink } from './replication.js'

export interface RoomLimits {
  /**
   * Close a peer whose send buffer would hold more than this many bytes with the next frame
   * (above the largest document's size, so that every reader can take its first sync).
   */
  maxBufferedBytes: number
  /** Client ids one connection may speak for in awareness (one per Y.Doc it syncs). */
  maxAwarenessClients: number
  /** How often one sender's (token and address) awareness is relayed to the others. */
  awarenessRate: AwarenessRate
  /** Compact when the update log since the last snapshot holds more updates or bytes. */
  compactAfterUpdates: number
  compactAfterBytes: number
  /** How long awareness waits to be relayed with others' (unless document updates go first). */
  awarenessWindowMs: number
}

export const DEFAULT_LIMITS: RoomLimits = {
  maxBufferedBytes: 8 * 1024 * 1024,
  maxAwarenessClients: 4,
  // A live cursor sends ten a second; a person typing in a shared text a few more.
  awarenessRate: { perSecond: 15, burst: 30 },
  compactAfterUpdates: 500,
  compactAfterBytes: 1024 * 1024,
  // Below what a person notices of a cursor or a name; a 300-client room's renewals then
  // mostly travel with the edits instead of costing every socket a write of their own.
  awarenessWindowMs: 40,
}

export interface RoomEvents {
  /** A peer sent something the protocol does not allow; it has been closed. */
  onPeerError?(room: Room, peer: Peer, error: Error): void
  /** A read-only peer tried to write; the update was dropped. */
  onRejectedWrite?(room: Room, peer: Peer): void
  /** Storage failed in the background (the update stays queued and is retried). */
  onStoreError?(name: string, error: unknown): void
  /** Awareness entries not relayed: too large, or replaced by newer ones while over the rate. */
  onAwarenessDropped?(reason: 'size' | 'rate', count: number): void
  /**
   * An update refused for its shape, size or missing dependencies (its peer has been closed),
   * or, without a peer, a stored part held back at load and dropped.
   */
  onRefusedUpdate?(room: Room, peer: Peer | null, reason: Refusal['reason']): void
  /** A document's stored state could not be read (damaged); its room did not load. */
  onUnreadable?(error: UnreadableDocument): void
}

interface PeerState {
  clients: Set<number>
  /** When it attached, in the room's order of attaches and awareness removals. */
  since: number
  /**
   * Clients it sent news about while another socket spoke for them: a phone that reconnects
   * before the server noticed its old socket died. When that socket goes, they pass here.
   */
  heirTo: Set<number>
  /**
   * The server dropped writes of this peer while it could not write (a locked board), or asked
   * it for what it lacks since: its next edits build on changes the server never took, and
   * must not be refused for that (see `rightsChanged`).
   */
  gap: 'none' | 'dropped' | 'asked'
  /**
   * While the store records the seat of a client id this peer wrote under for the first time,
   * everything it sends waits here, in order.
   */
  waiting: { frames: Uint8Array[]; bytes: number } | null
}

/** Updates gathered into one relayed batch at most (Hocuspocus' `flushMaxBytes` too). */
const MAX_BATCH_BYTES = 1024 * 1024

/** What may wait for a client id's seat to be recorded (one database round trip). */
const MAX_WAITING_BYTES = 4 * 1024 * 1024

/**
 * One loaded document with its connected peers: applies their updates, relays them to every
 * other peer, keeps awareness, and appends each accepted update to the store. Through its feed
 * it sends what it accepts to the other instances holding the document and shows what they
 * accepted (stored by them, not here).
 */
export class Room implements RemoteSink {
  readonly doc = new Y.Doc({ gc: true })
  readonly awareness = new awarenessProtocol.Awareness(this.doc)
  readonly peers = new Map<Peer, PeerState>()
  /** Updates appended since the last compaction. */
  private sinceCompaction = { updates: 0, bytes: 0 }
  private compacting: Promise<void> | null = null
  private compactFailures = 0
  /** After failed compactions, the next one waits until then. */
  private compactAgainAt = 0
  private dirty = false
  /** Orders attaches and awareness removals (see awarenessPolicy's `return`). */
  private seq = 0
  /** The order number of each client's last removal from awareness. */
  private readonly removedAt = new Map<number, number>()
  /** Clients that another instance's peers speak for: no peer here may speak for them. */
  private readonly remoteClients = new Set<number>()
  private readonly budget: AwarenessBudget<Peer>
  /** Judges every update a socket sends against the document's shape and size. */
  private readonly admission: Admission
  /** Which seat each Yjs client id of the document belongs to. */
  readonly owners: ClientOwners
  private readonly firstSync = new FirstSync(this.doc)
  /** Gathers what is relayed to every peer and sends it once per turn (or window). */
  private readonly outbox: Outbox

  constructor(
    readonly name: string,
    private readonly store: DocStore,
    private readonly limits: RoomLimits,
    private readonly events: RoomEvents = {},
    private readonly feed: DocFeed | null = null,
    clientSeats: ClientSeatStore = memoryClientSeatStore(),
  ) {
    this.admission = new Admission(this.doc, shapeOf(name), encodedSize)
    this.owners = new ClientOwners(name, this.doc, clientSeats)
    this.outbox = new Outbox(
      this.peers,
      (peer, batch) => this.deliver(peer, batch),
      limits.awarenessWindowMs,
      Math.min(MAX_BATCH_BYTES, limits.maxBufferedBytes / 4),
    )
    this.budget = new AwarenessBudget(
      limits.awarenessRate,
      (entries) => this.releaseAwareness(entries),
      (count) => events.onAwarenessDropped?.('rate', count),
    )
    // The server has no cursor of its own.
    this.awareness.setLocalState(null)
    this.doc.on('update', this.onDocUpdate)
    this.awareness.on('update', this.onAwarenessChange)
  }

  /** Fills the document from the store before any peer is attached. */
  hydrate(snapshot: Uint8Array | null, updates: Uint8Array[], tailBytes: number): void {
    this.doc.off('update', this.onDocUpdate)
    this.doc.transact(() => {
      if (snapshot) Y.applyUpdate(this.doc, snapshot)
      for (const update of updates) Y.applyUpdate(this.doc, update)
    }, LOAD)
    this.doc.on('update', this.onDocUpdate)
    this.sinceCompaction = { updates: updates.length, bytes: tailBytes }
    // Stored before updates that lack what they build on were refused: not to be sent on.
    if (hasPending(this.doc)) {
      dropPending(this.doc)
      this.events.onRefusedUpdate?.(this, null, 'dependency')
    }
    this.admission.measured(encodedSize(this.doc))
  }

  attach(peer: Peer): void {
    this.peers.set(peer, {
      clients: new Set(),
      since: ++this.seq,
      heirTo: new Set(),
      gap: 'none',
      waiting: null,
    })
    peer.send(encodeSyncStep1(this.doc))
    const states = [...this.awareness.getStates().keys()]
    if (states.length > 0) peer.send(encodeAwareness(this.awareness, states))
  }

  /** Removes a peer and, at once, the cursors and names it showed to others. */
  detach(peer: Peer): void {
    const state = this.peers.get(peer)
    if (!state) return
    this.peers.delete(peer)
    const sender = senderOf(peer)
    if (![...this.peers.keys()].some((other) => senderOf(other) === sender)) {
      this.budget.forget(sender)
    }
    // Only states that are shown: a client that cleared its own state (or whose state never
    // applied) has nothing to remove, and encoding an id the awareness never saw would throw.
    const shown = [...state.clients].filter(
      (id) => this.awareness.states.has(id) && !this.handOver(id),
    )
    if (shown.length > 0) {
      awarenessProtocol.removeAwarenessStates(this.awareness, shown, peer)
      this.markRemoved(shown)
      this.outbox.awareness(this.removals(shown))
    }
  }

  /** Passes a client to a socket that is waiting to speak for it; false when none is. */
  private handOver(client: number): boolean {
    for (const state of this.peers.values()) {
      if (!state.heirTo.has(client) || state.clients.size >= this.limits.maxAwarenessClients) {
        continue
      }
      state.heirTo.delete(client)
      state.clients.add(client)
      return true
    }
    return false
  }

  private markRemoved(clients: number[]): void {
    const at = ++this.seq
    for (const client of clients) this.removedAt.set(client, at)
  }

  /**
   * Checks an update before it is applied (set by the rooms' onLoad hook for documents whose
   * whole structure has rules, like rich text): a refused update closes its peer with 4400
   * and the document stays as it was.
   */
  acceptUpdate: ((doc: Y.Doc, update: Uint8Array, peer: Peer) => boolean) | null = null

  receive(peer: Peer, frame: Uint8Array): void {
    const state = this.peers.get(peer)
    if (!state) return
    if (state.waiting) {
      state.waiting.frames.push(frame)
      state.waiting.bytes += frame.byteLength
      if (state.waiting.bytes > MAX_WAITING_BYTES) {
        this.reject(peer, new BadFrame('too much sent while its client id was recorded'))
      }
      return
    }
    let message: ReturnType<typeof decodeFrame>
    try {
      message = decodeFrame(frame)
    } catch (error) {
      this.reject(peer, error as Error)
      return
    }
    switch (message.type) {
      case 'syncStep1':
        this.sendTo(peer, this.firstSync.answer(message.stateVector))
        return
      case 'update': {
        if (!peer.canWrite()) {
          // A reader's sync step 2 is usually empty: nothing was dropped then.
          if (message.update.byteLength > EMPTY_UPDATE_BYTES) {
            state.gap = 'dropped'
            this.events.onRejectedWrite?.(this, peer)
          }
          return
        }
        const refusal = this.admission.judge(message.writes, message.update.byteLength, peer)
        if (refusal) {
          this.refuse(peer, refusal)
          return
        }
        const owners = this.owners.judge(message.clients, seatKeyOf(peer))
        if (owners.kind === 'foreign') {
          this.refuse(peer, { reason: 'clientId', code: CloseCode.ClientIdTaken })
          return
        }
        if (owners.kind === 'unknown') {
          const recording = this.owners.claim(owners.clients, seatKeyOf(peer))
          if (recording) {
            this.waitFor(recording, peer, state, frame)
            return
          }
          // Recorded at once (in memory): judged again, as the ids may have gone to another.
          if (this.owners.judge(message.clients, seatKeyOf(peer)).kind !== 'own') {
            this.refuse(peer, { reason: 'clientId', code: CloseCode.ClientIdTaken })
            return
          }
        }
        const heldBack = hasPending(this.doc)
        try {
          if (this.acceptUpdate && !this.acceptUpdate(this.doc, message.update, peer)) {
            throw new BadFrame('update breaks the document rules')
          }
          Y.applyUpdate(this.doc, message.update, peer)
        } catch (error) {
          this.reject(peer, error as Error)
          return
        }
        // What it builds on is missing here: what did apply stays, the rest is not kept.
        if (!heldBack && hasPending(this.doc)) {
          dropPending(this.doc)
          // The gap is the server's own doing (writes dropped while the board was locked):
          // the peer is asked for everything the server lacks, and its answer (sync step 2)
          // brings this update too, in order, without a reconnect.
          if (state.gap !== 'none') {
            this.askForMissing(peer, state)
            return
          }
          this.refuse(peer, { reason: 'dependency', code: CloseCode.Resync })
          return
        }
        // Applied whole: the answer to the request came (or the peer had nothing missing).
        if (state.gap === 'asked') state.gap = 'none'
        // Acknowledged after the commit even when nothing was new (a resend after a reconnect).
        if (peer.wantsSaved) {
          const clocks = savedClocks(this.doc, message.update)
          this.store.written(this.name).then(() => {
            if (this.peers.has(peer)) this.sendTo(peer, encodeSaved(clocks))
          })
        }
        return
      }
      case 'awareness':
        this.receiveAwareness(peer, state, frame, message.update, message.entries)
        return
      case 'queryAwareness':
        this.sendTo(peer, encodeAwareness(this.awareness, [...this.awareness.getStates().keys()]))
        return
    }
  }

  /**
   * Holds a peer's frames while the store records its seat for client ids it writes under
   * for the first time, then takes them in order (the first of them judged again).
   */
  private waitFor(recording: Promise<void>, peer: Peer, state: PeerState, frame: Uint8Array) {
    state.waiting = { frames: [frame], bytes: frame.byteLength }
    recording.then(
      () => {
        const frames = state.waiting?.frames ?? []
        state.waiting = null
        this.drain(peer, state, frames)
      },
      (error) => {
        this.events.onStoreError?.(this.name, error)
        if (!this.peers.has(peer)) return
        peer.close(CloseCode.ServiceRestart, 'try again')
        this.detach(peer)
      },
    )
  }

  /** Takes frames that waited, in order, until one of them has to wait again. */
  private drain(peer: Peer, state: PeerState, frames: Uint8Array[]): void {
    for (const [i, frame] of frames.entries()) {
      if (!this.peers.has(peer)) return
      if (state.waiting) {
        // Another new client id: the rest waits again, behind it.
        for (const rest of frames.slice(i)) {
          state.waiting.frames.push(rest)
          state.waiting.bytes += rest.byteLength
        }
        return
      }
      this.receive(peer, frame)
    }
  }

  /**
   * Called when the peer's rights may have changed (the event document changed: a board was
   * unlocked). A peer whose writes were dropped while it could not write is asked at once for
   * what the server lacks: its edits after the unlock would otherwise build on a gap and wait.
   */
  rightsChanged(peer: Peer): void {
    const state = this.peers.get(peer)
    if (state?.gap === 'dropped' && peer.canWrite()) this.askForMissing(peer, state)
  }

  /** Sync step 1 to one peer: it answers with every change of its own the server lacks. */
  private askForMissing(peer: Peer, state: PeerState): void {
    if (state.gap === 'asked') return
    state.gap = 'asked'
    this.sendTo(peer, encodeSyncStep1(this.doc))
  }

  /**
   * A connection speaks only for its own clients (awarenessPolicy judges each entry). Entries
   * about other clients are dropped, so nobody can change another person's name or cursor, and
   * the echoes y-websocket clients send of everything they receive cost nothing.
   */
  private receiveAwareness(
    peer: Peer,
    state: PeerState,
    frame: Uint8Array,
    update: Uint8Array,
    entries: AwarenessEntry[],
  ): void {
    const view = this.awarenessView(peer, state)
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
        state.heirTo.size < this.limits.maxAwarenessClients
      ) {
        state.heirTo.add(entry.client)
      }
    }
    if (claims.size > this.limits.maxAwarenessClients) {
      this.reject(peer, new BadFrame('awareness for too many clients'))
      return
    }
    state.clients = claims
    const sized = this.withinSize(out)
    // Over the sender's budget, the entries wait (stamped when they go out).
    if (sized.length > 0 && !this.budget.spend(senderOf(peer), sized, peer)) return
    const shown = this.stamped(peer, sized)
    const rewritten = shown.length !== out.length || shown.some((entry, i) => entry !== out[i])
    if (shown.length > 0) {
      const unchanged = shown.length === entries.length && !restamped && !rewritten
      const accepted = unchanged ? update : encodeAwarenessEntries(shown)
      awarenessProtocol.applyAwarenessUpdate(this.awareness, accepted, peer)
      // Relayed to everyone, the sender included: y-websocket's watchdog counts its own echoed
      // renewals as signs of life, and a returning client must learn its new clock (or its
      // next renewal would not be news). Its own entries under its own clock change nothing.
      this.outbox.awareness(shown)
      return
    }
    // The sender still gets its frame back unless it only repeated what others said: a client
    // whose renewals are not relayed (its id still held by its own half-dead socket from before
    // a reconnect) must not be taken for silent by its watchdog, which reconnects after 30 s.
    if (!onlyEchoes) this.sendTo(peer, frame)
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
   * are (`stampPresence`), whatever name and role it claimed.
   */
  private stamped(peer: Peer, entries: AwarenessEntry[]): AwarenessEntry[] {
    const seat = peer.seat?.()
    if (!seat) return entries
    return entries.map((entry) => {
      if (entry.removed) return entry
      const stamped = JSON.stringify(stampPresence(JSON.parse(entry.state), seat))
      return stamped === entry.state ? entry : { ...entry, state: stamped }
    })
  }

  /** Entries that waited for the sender's budget: relayed unless their client has left. */
  private releaseAwareness(waited: Array<Waiting<Peer>>): void {
    const current = waited
      .filter(({ entry, from }) => this.peers.get(from)?.clients.has(entry.client))
      .flatMap(({ entry, from }) => this.stamped(from, [entry]))
    if (current.length === 0) return
    awarenessProtocol.applyAwarenessUpdate(
      this.awareness,
      encodeAwarenessEntries(current),
      RELEASED,
    )
    this.outbox.awareness(current)
  }

  private awarenessView(peer: Peer, state: PeerState): AwarenessView {
    return {
      roomClient: this.doc.clientID,
      known: (client) => {
        const meta = this.awareness.meta.get(client)
        return meta && { clock: meta.clock, shown: this.awareness.states.has(client) }
      },
      owner: (client) =>
        state.clients.has(client)
          ? 'sender'
          : this.ownedByOther(peer, client) || this.remoteClients.has(client)
            ? 'other'
            : 'none',
      joinedAfterRemoval: (client) => (this.removedAt.get(client) ?? Infinity) < state.since,
    }
  }

  private ownedByOther(peer: Peer, clientId: number): boolean {
    for (const [other, state] of this.peers) {
      if (other !== peer && state.clients.has(clientId)) return true
    }
    return false
  }

  private refuse(peer: Peer, refusal: Refusal): void {
    this.events.onRefusedUpdate?.(this, peer, refusal.reason)
    peer.close(refusal.code, `update refused: ${refusal.reason}`)
    this.detach(peer)
  }

  private reject(peer: Peer, error: Error): void {
    this.events.onPeerError?.(this, peer, error)
    peer.close(CloseCode.BadMessage, 'bad message')
    this.detach(peer)
  }

  private readonly onDocUpdate = (update: Uint8Array, origin: unknown): void => {
    // Another instance accepted it and stores it; only what this one accepted is its to keep.
    if (origin !== REMOTE) {
      this.store.append(this.name, update)
      this.feed?.publishUpdate(update)
    }
    // Remote updates count too: the shared log grows with every instance's updates, and an
    // instance whose accepting peer crashed before its batch was written still holds them.
    this.dirty = true
    this.admission.grew(update.byteLength)
    this.sinceCompaction.updates++
    this.sinceCompaction.bytes += update.byteLength
    this.outbox.update(update, origin)
    if (
      (this.sinceCompaction.updates >= this.limits.compactAfterUpdates ||
        this.sinceCompaction.bytes >= this.limits.compactAfterBytes) &&
      Date.now() >= this.compactAgainAt
    ) {
      this.compact().catch((error) => this.events.onStoreError?.(this.name, error))
    }
  }

  // Removals by timeout (a peer that vanished without a close) reach the others here; changes
  // made by peers are relayed as received in receiveAwareness.
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

  applyRemoteUpdate(update: Uint8Array): void {
    Y.applyUpdate(this.doc, update, REMOTE)
  }

  applyRemoteAwareness(update: Uint8Array): void {
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

  localAwareness(): Uint8Array | null {
    const clients = [...this.awareness.getStates().keys()].filter((id) => this.ownedLocally(id))
    return clients.length > 0
      ? awarenessProtocol.encodeAwarenessUpdate(this.awareness, clients)
      : null
  }

  private ownedLocally(client: number): boolean {
    for (const state of this.peers.values()) if (state.clients.has(client)) return true
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

  /** Sends what waits to be relayed now instead of at the end of the turn (or window). */
  flush(): void {
    this.outbox.flush()
  }

  /**
   * Every frame to a peer goes through here, replies included: a client that keeps asking
   * (sync step 1 answers carry the whole document) but never reads would otherwise grow the
   * server's memory without bound. The frame counts too: what is queued after it must fit,
   * or forty sockets that never read would each hold a whole large document.
   */
  private sendTo(peer: Peer, frame: Uint8Array): boolean {
    if (peer.bufferedAmount() + frame.byteLength > this.limits.maxBufferedBytes) {
      peer.close(CloseCode.SlowConsumer, 'too slow')
      this.detach(peer)
      return false
    }
    peer.send(frame)
    return true
  }

  /** A relayed batch to one peer, under the same limit as every other frame. */
  private deliver(peer: Peer, batch: Batch): void {
    if (peer.bufferedAmount() + batch.bytes > this.limits.maxBufferedBytes) {
      peer.close(CloseCode.SlowConsumer, 'too slow')
      this.detach(peer)
      return
    }
    if (peer.sendBatch) peer.sendBatch(batch)
    else for (const frame of batch.frames) peer.send(frame)
  }

  /** Folds the update log into one snapshot of the live (garbage-collected) document. */
  compact(): Promise<void> {
    if (this.compacting) return this.compacting
    const counted = { ...this.sinceCompaction }
    this.sinceCompaction = { updates: 0, bytes: 0 }
    this.dirty = false
    this.compacting = this.compactUnderLease()
      .then(() => {
        this.compactFailures = 0
        this.compactAgainAt = 0
      })
      .catch((error) => {
        // Not again with the next update (a full disk): each attempt encodes the whole
        // document and waits for the store. Unloading and stopping still try at once.
        this.compactFailures++
        this.compactAgainAt = Date.now() + Math.min(30_000, 500 * 2 ** this.compactFailures)
        this.dirty = true
        this.sinceCompaction.updates += counted.updates
        this.sinceCompaction.bytes += counted.bytes
        throw error
      })
      .finally(() => {
        this.compacting = null
      })
    return this.compacting
  }

  private async compactUnderLease(): Promise<void> {
    if (!this.feed) return this.store.compact(this.name, this.encodeMeasured())
    const release = await this.feed.acquireCompaction()
    if (!release) {
      // Another instance is compacting this document; this one's own updates go to the log.
      return this.store.flush(this.name)
    }
    try {
      // Encoded after the wait: it must hold every update appended so far.
      await this.store.compact(this.name, this.encodeMeasured())
    } finally {
      release()
    }
  }

  /** The whole document, encoded; its size is the one updates are judged against. */
  private encodeMeasured(): Uint8Array {
    const state = Y.encodeStateAsUpdate(this.doc)
    this.admission.measured(state.byteLength)
    return state
  }

  /** Writes what is pending and leaves a compacted snapshot if anything changed. */
  async settle(): Promise<void> {
    if (this.compacting) await this.compacting.catch(() => undefined)
    if (this.dirty || this.sinceCompaction.updates > 0) await this.compact()
    else await this.store.flush(this.name)
  }

  destroy(): void {
    this.outbox.destroy()
    this.budget.destroy()
    this.owners.close()
    this.firstSync.destroy()
    this.feed?.leave()
    this.doc.off('update', this.onDocUpdate)
    this.awareness.off('update', this.onAwarenessChange)
    // Awareness runs an interval; a room that is not destroyed keeps the process alive.
    this.awareness.destroy()
    this.doc.destroy()
  }
}

const encodedSize = (doc: Y.Doc): number => Y.encodeStateAsUpdate(doc).byteLength

/** Whose awareness budget a peer spends; test peers without a token spend their own. */
const senderOf = (peer: Peer): string => peer.sender ?? peer.id

/** An update with no changes: no structs and no deletions (`[0, 0]`). */
const EMPTY_UPDATE_BYTES = 2

const LOAD = Symbol('load')
/** The origin of awareness that waited for its sender's budget. */
const RELEASED = Symbol('released')
/** The origin of what other instances accepted. */
const REMOTE = Symbol('remote')
