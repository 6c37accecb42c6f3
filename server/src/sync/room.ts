import { CloseCode } from '@hytepaja/shared/protocol/closeCodes'
import * as awarenessProtocol from 'y-protocols/awareness'
import * as Y from 'yjs'
import { type ClientSeatStore, memoryClientSeatStore } from '../store/clientSeats.js'
import type { DocStore } from '../store/docStore.js'
import { Admission, dropPending, hasPending, type Refusal } from './admission.js'
import { appliedAsSent } from './appliedAsSent.js'
import { holdFrame, waitForRecording } from './clientIdWait.js'
import { ClientOwners, seatKeyOf } from './clientOwners.js'
import { shapeOf } from './docShape.js'
import { FirstSync } from './firstSync.js'
import { type Batch, Outbox } from './outbox.js'
import type { Peer } from './peer.js'
import { newPeerState, type PeerState } from './peerState.js'
import { BadFrame, decodeFrame, encodeSaved, savedClocks } from './protocol.js'
import type { DocFeed, RemoteSink } from './replication.js'
import { type AwarenessHost, RoomAwareness } from './roomAwareness.js'
import { Compaction } from './roomCompaction.js'
import type { RoomEvents } from './roomEvents.js'
import type { RoomLimits } from './roomLimits.js'
import type { UpdateHeaders } from './updateHeaders.js'

/** Updates gathered into one relayed batch at most (Hocuspocus' `flushMaxBytes` too). */
const MAX_BATCH_BYTES = 1024 * 1024

/** Rooms made by this process: each document's guid. */
let roomsMade = 0

/**
 * One loaded document with its connected peers: applies their updates, relays them to every
 * other peer, keeps awareness, and appends each accepted update to the store. Through its feed
 * it sends what it accepts to the other instances holding the document and shows what they
 * accepted (stored by them, not here).
 *
 * This file is the document's path: a peer's frame is decoded, judged (read-only, shape and
 * size, client ids), applied, stored and relayed here without leaving the class, as that path
 * runs for every edit of every peer. Awareness (roomAwareness.ts) and compaction
 * (roomCompaction.ts) are parts of their own; loading and unloading are `Rooms`' (rooms.ts).
 */
export class Room implements RemoteSink, AwarenessHost {
  // Not Yjs' random UUID (31 getRandomValues calls, ~0.2 ms): it only names a subdocument.
  readonly doc = new Y.Doc({ gc: true, guid: `room-${++roomsMade}` })
  readonly awareness = new awarenessProtocol.Awareness(this.doc)
  readonly peers = new Map<Peer, PeerState>()
  /** Judges every update a socket sends against the document's shape and size. */
  private readonly admission: Admission
  /** Which seat each Yjs client id of the document belongs to. */
  readonly owners: ClientOwners
  private readonly firstSync = new FirstSync(this.doc)
  /** Gathers what is relayed to every peer and sends it once per turn (or window). */
  private readonly outbox: Outbox
  /** Who speaks for which client in awareness, and what others see of it. */
  private readonly presence: RoomAwareness
  private readonly compaction: Compaction
  /**
   * How many updates the document has taken since it loaded, from any origin: what is read
   * from it (a peer's rights from the event document) is current while this stays the same.
   */
  changes = 0
  /** The peer's update being applied, to be relayed and stored as sent if it applies whole. */
  private applying: { peer: Peer; update: Uint8Array; headers: UpdateHeaders } | null = null
  /** Whether Yjs is kept from encoding the transaction at hand (its update is the peer's). */
  private encodingOff = false

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
      this.deliver,
      limits.awarenessWindowMs,
      Math.min(MAX_BATCH_BYTES, limits.maxBufferedBytes / 4),
      limits.awarenessRenewalWindowMs,
    )
    this.presence = new RoomAwareness(
      this,
      this.doc,
      this.awareness,
      this.peers,
      this.outbox,
      limits,
      events,
      feed,
    )
    this.compaction = new Compaction(name, store, this.doc, this.admission, feed, limits, events)
    this.doc.on('update', this.onDocUpdate)
    this.doc.on('afterTransactionCleanup', this.beforeEncoding)
  }

  /** Fills the document from the store before any peer is attached. */
  hydrate(snapshot: Uint8Array | null, updates: Uint8Array[], tailBytes: number): void {
    this.doc.off('update', this.onDocUpdate)
    this.doc.transact(() => {
      if (snapshot) Y.applyUpdate(this.doc, snapshot)
      for (const update of updates) Y.applyUpdate(this.doc, update)
    }, LOAD)
    this.doc.on('update', this.onDocUpdate)
    this.compaction.loaded(updates.length, tailBytes)
    // Stored before updates that lack what they build on were refused: not to be sent on.
    if (hasPending(this.doc)) {
      dropPending(this.doc)
      this.events.onRefusedUpdate?.(this, null, 'dependency')
    }
    this.compaction.measured(encodedSize(this.doc))
  }

  attach(peer: Peer): void {
    this.peers.set(peer, newPeerState(this.presence.nextOrder()))
    peer.send(this.firstSync.step1())
    this.presence.greet(peer)
  }

  /** Removes a peer and, at once, the cursors and names it showed to others. */
  detach(peer: Peer): void {
    const state = this.peers.get(peer)
    if (!state) return
    this.peers.delete(peer)
    this.presence.left(peer, state)
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
      if (!holdFrame(state.waiting, frame)) {
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
            waitForRecording(this, this.events, recording, peer, state, frame)
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
          // With changes held back, the transaction may bring them in too: Yjs encodes it.
          if (!heldBack) this.applying = { peer, update: message.update, headers: message }
          Y.applyUpdate(this.doc, message.update, peer)
        } catch (error) {
          this.reject(peer, error as Error)
          return
        } finally {
          this.applying = null
          this.encodeAgain()
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
          const clocks = savedClocks(this.doc, message.named)
          this.store.written(this.name).then(() => {
            if (this.peers.has(peer)) this.sendTo(peer, encodeSaved(clocks))
          })
        }
        return
      }
      case 'awareness':
        this.presence.receive(peer, state, frame, message.entries)
        return
      case 'queryAwareness':
        this.presence.answerQuery(peer)
        return
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
    this.sendTo(peer, this.firstSync.step1())
  }

  private refuse(peer: Peer, refusal: Refusal): void {
    this.events.onRefusedUpdate?.(this, peer, refusal.reason)
    peer.close(refusal.code, `update refused: ${refusal.reason}`)
    this.detach(peer)
  }

  /** Closes a peer that broke the protocol (awareness rejects through here too). */
  reject(peer: Peer, error: Error): void {
    this.events.onPeerError?.(this, peer, error)
    peer.close(CloseCode.BadMessage, 'bad message')
    this.detach(peer)
  }

  /**
   * Runs after each transaction's observers, just before Yjs encodes the transaction for the
   * 'update' listeners (it encodes only when there are any). A peer's update that changed
   * exactly what it says (appliedAsSent.ts) is handed on as the peer sent it, and Yjs does not
   * encode it again; every other transaction (the server's own, like the board guard's undo
   * inside the peer's apply, other instances', resends) goes through Yjs' encoding as before.
   */
  private readonly beforeEncoding = (tr: Y.Transaction): void => {
    const applying = this.applying
    if (applying !== null && tr.origin === applying.peer) {
      this.applying = null
      if (appliedAsSent(this.doc, tr, applying.headers)) {
        this.doc.off('update', this.onDocUpdate)
        this.encodingOff = true
        this.onDocUpdate(applying.update, tr.origin)
        return
      }
    }
    this.encodeAgain()
  }

  private encodeAgain(): void {
    if (!this.encodingOff) return
    this.encodingOff = false
    this.doc.on('update', this.onDocUpdate)
  }

  private readonly onDocUpdate = (update: Uint8Array, origin: unknown): void => {
    this.changes++
    this.firstSync.forget()
    // Another instance accepted it and stores it; only what this one accepted is its to keep.
    if (origin !== REMOTE) {
      this.store.append(this.name, update)
      this.feed?.publishUpdate(update)
    }
    // Remote updates count too: the shared log grows with every instance's updates, and an
    // instance whose accepting peer crashed before its batch was written still holds them.
    // Counted in the compaction's own fields, not through a call: this runs for every update.
    const log = this.compaction
    log.dirty = true
    this.admission.grew(update.byteLength)
    log.updates++
    log.bytes += update.byteLength
    this.outbox.update(update, origin)
    if (
      (log.bytes >= log.dueBytes || log.updates >= this.limits.compactAfterUpdates) &&
      Date.now() >= log.againAt
    ) {
      log.compactSoon(this.onCompactionError)
    }
  }

  private readonly onCompactionError = (error: unknown): void => {
    this.events.onStoreError?.(this.name, error)
  }

  applyRemoteUpdate(update: Uint8Array): void {
    Y.applyUpdate(this.doc, update, REMOTE)
  }

  applyRemoteAwareness(update: Uint8Array): void {
    this.presence.applyRemote(update)
  }

  localAwareness(): Uint8Array | null {
    return this.presence.localStates()
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
  sendTo(peer: Peer, frame: Uint8Array): boolean {
    if (peer.bufferedAmount() + frame.byteLength > this.limits.maxBufferedBytes) {
      peer.close(CloseCode.SlowConsumer, 'too slow')
      this.detach(peer)
      return false
    }
    peer.send(frame)
    return true
  }

  /** A relayed batch to one peer, under the same limit as every other frame. */
  private readonly deliver = (peer: Peer, batch: Batch): void => {
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
    return this.compaction.compact()
  }

  /** Folds the update log after this turn, whatever its size (a note just withheld from it). */
  compactSoon(): void {
    this.compaction.compactSoon(this.onCompactionError)
  }

  /** Writes what is pending and leaves a compacted snapshot if anything changed. */
  settle(): Promise<void> {
    return this.compaction.settle()
  }

  destroy(): void {
    this.compaction.cancel()
    this.outbox.destroy()
    this.owners.close()
    this.firstSync.destroy()
    this.feed?.leave()
    this.doc.off('update', this.onDocUpdate)
    this.doc.off('afterTransactionCleanup', this.beforeEncoding)
    this.presence.destroy()
    this.doc.destroy()
  }
}

const encodedSize = (doc: Y.Doc): number => Y.encodeStateAsUpdate(doc).byteLength

/** An update with no changes: no structs and no deletions (`[0, 0]`). */
const EMPTY_UPDATE_BYTES = 2

const LOAD = Symbol('load')
/** The origin of what other instances accepted. */
const REMOTE = Symbol('remote')
