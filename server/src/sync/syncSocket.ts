import type { Writable } from 'node:stream'
import { eventDocName } from '@hytepaja/shared/doc/names'
import type { Actor } from '@hytepaja/shared/domain/roles'
import { CloseCode } from '@hytepaja/shared/protocol/closeCodes'
import { WebSocket } from 'ws'
import { UnreadableDocument } from '../store/integrity.js'
import type { SyncGrant } from './access.js'
import type { Connection, Connections, SocketRefusal } from './connections.js'
import type { Batch } from './outbox.js'
import type { Peer } from './peer.js'
import type { Room } from './room.js'
import type { Rooms } from './rooms.js'
import { seatOf } from './seat.js'
import type { AcceptedSocket } from './upgrade.js'

/** What an open sync socket needs of the server. */
export interface SyncSocketDeps {
  rooms: Rooms
  connections: Connections
  log: { warn(obj: object, msg: string): void }
  /** A socket one too many for its token, its address or the process. */
  onRefused?(reason: SocketRefusal): void
  /** The server closed a socket with this code. */
  onClosed?(code: number): void
}

/** Frames that may arrive while the room loads; a client sends two or three. */
const MAX_EARLY_FRAMES = 64
/**
 * Bytes those frames may hold: a client's sync step 2 can carry all it wrote offline (one
 * frame of up to 2 MiB), but 64 such frames would be 128 MiB held per socket.
 */
const MAX_EARLY_BYTES = 4 * 1024 * 1024

let peerSeq = 0

/**
 * `ws`'s socket (the server makes these: `WebSocketServer`'s `WebSocket` option) with a place
 * for the sync socket it carries, so that one listener function serves every socket: a closure
 * per socket and listener, and the context they shared, were ~170 bytes a socket.
 */
export class SyncWebSocket extends WebSocket {
  syncSocket: SyncSocket | null = null

  /**
   * A socket that errs (a frame over the limit, a broken connection) is closed by ws, and the
   * close cleans up; an `error` that no listener takes would bring the process down, so one
   * without listeners is dropped here. Not a listener: ws keeps a socket's listeners in a
   * dictionary that holds three event names (message, close, the keep-alive's pong) in 160
   * bytes and a fourth in 256, ~96 bytes a socket. ws emits with at most two arguments.
   */
  override emit(event: string | symbol, a?: unknown, b?: unknown): boolean {
    if (event === 'error' && this.listenerCount('error') === 0) return false
    return super.emit(event, a, b)
  }
}

/** Joins an opened socket to its document's room (and its event's, which holds the rights). */
export function openSyncSocket(
  deps: SyncSocketDeps,
  socket: SyncWebSocket,
  accepted: AcceptedSocket,
): void {
  new SyncSocket(deps, socket, accepted).open()
}

// Listeners of `SyncWebSocket`s only (ws's types call them on any `WebSocket`).
function onSocketMessage(this: WebSocket, data: unknown, isBinary: boolean): void {
  ;(this as SyncWebSocket).syncSocket?.receive(data, isBinary)
}

function onSocketClose(this: WebSocket): void {
  ;(this as SyncWebSocket).syncSocket?.closed()
}

/**
 * One open sync socket: the peer its rooms see and the connection the server counts, in one
 * object whose methods are shared by every socket (one of these is kept per open socket, for
 * as long as it is open; closures per socket and method kept several hundred bytes each), as
 * are the listeners of its `ws` socket (above).
 */
class SyncSocket implements Peer, Connection {
  private readonly seq = ++peerSeq
  readonly peer: Peer = this
  alive = true
  slot = 0
  readonly grant: SyncGrant
  /** As the upgrade read it, then the room's own name (one string for all its sockets). */
  docName: string
  readonly address: string
  readonly wantsSaved: boolean
  readonly actor: Actor
  /**
   * The document's room and the event's: the event document holds locks and ready marks, and
   * stays loaded while the socket is open so that rights are read live for every update.
   */
  private room: Room | null = null
  private event: Room | null = null
  private isClosed = false
  /** Its listener on the event document while attached. */
  private onEventChange: (() => void) | null = null
  /** What arrives before the rooms are loaded, taken in order once they are. */
  private early: Uint8Array[] | null = []
  private earlyBytes = 0
  // The rights are read from the event document for every update the peer sends, and read
  // again only once it has changed: reading them takes longer than the rest of the check.
  private rightsAt = -1
  private writable = false

  constructor(
    private readonly deps: SyncSocketDeps,
    readonly socket: SyncWebSocket,
    { grant, docName, address, wantsSaved }: AcceptedSocket,
  ) {
    this.grant = grant
    this.docName = docName
    this.address = address
    this.wantsSaved = wantsSaved
    this.actor = grant.actor
  }

  // Both made when asked (logs; awareness, a few times a minute) rather than kept per socket.
  get id(): string {
    return `peer-${this.seq}`
  }

  get sender(): string {
    return `${this.grant.tokenId}|${this.address}`
  }

  open(): void {
    const { socket, deps } = this
    socket.binaryType = 'arraybuffer'
    // Before it is counted: the keep-alive's pong listener finds the connection here.
    socket.syncSocket = this
    const refused = deps.connections.add(this)
    if (refused) {
      deps.onRefused?.(refused)
      this.close(CloseCode.TooManySockets, 'too many sockets')
      // Whoever opens sockets by the thousand need not answer the close: the socket goes.
      setTimeout(() => socket.terminate(), 1_000).unref()
      // Nothing it sends is kept.
      return
    }
    socket.on('message', onSocketMessage)
    socket.on('close', onSocketClose)
    const eventName = eventDocName(this.grant.eventId)
    const loaded = deps.rooms.holdLoaded([this.docName, eventName])
    if (loaded) {
      this.attach(loaded[0] as Room, loaded[1] as Room)
      return
    }
    Promise.allSettled([deps.rooms.acquire(this.docName), deps.rooms.acquire(eventName)]).then(
      ([room, event]) => {
        if (this.isClosed || room.status === 'rejected' || event.status === 'rejected') {
          if (room.status === 'fulfilled') deps.rooms.release(room.value)
          if (event.status === 'fulfilled') deps.rooms.release(event.value)
          if (!this.isClosed) {
            const error =
              room.status === 'rejected' ? room.reason : (event as PromiseRejectedResult).reason
            deps.log.warn({ err: error, docName: this.docName }, 'room failed to load')
            // Damaged data stays damaged: the client is told so instead of retrying forever.
            if (error instanceof UnreadableDocument) {
              this.close(CloseCode.Unreadable, 'document cannot be read')
            } else this.close(CloseCode.ServiceRestart, 'try again')
          }
          return
        }
        this.attach(room.value, event.value)
      },
    )
  }

  private attach(room: Room, event: Room): void {
    this.room = room
    this.event = event
    // The same characters: the upgrade's copy, ~48 bytes a socket, need not be kept.
    this.docName = room.name
    room.attach(this)
    // A listener of its own, registered now: where it stands among the document's listeners
    // (the room's counts the changes) stays as it was. Bound, it holds no context of its own.
    this.onEventChange = this.eventChanged.bind(this)
    event.doc.on('update', this.onEventChange)
    const waited = this.early ?? []
    this.early = null
    for (const frame of waited) room.receive(this, frame)
  }

  /** A frame from the client. */
  receive(data: unknown, isBinary: boolean): void {
    if (!isBinary || !(data instanceof ArrayBuffer)) {
      this.socket.close(CloseCode.BadMessage, 'binary frames only')
      return
    }
    const frame = new Uint8Array(data)
    const early = this.early
    if (this.room) this.room.receive(this, frame)
    else if (
      early &&
      early.length < MAX_EARLY_FRAMES &&
      this.earlyBytes + frame.byteLength <= MAX_EARLY_BYTES
    ) {
      early.push(frame)
      this.earlyBytes += frame.byteLength
    } else this.socket.close(CloseCode.BadMessage, 'too many frames before sync')
  }

  /** Its `ws` socket closed (whoever closed it). */
  closed(): void {
    this.isClosed = true
    this.early = null
    this.deps.connections.delete(this)
    const { room, event } = this
    if (room && event) {
      if (this.onEventChange) event.doc.off('update', this.onEventChange)
      this.onEventChange = null
      room.detach(this)
      this.deps.rooms.release(room)
      this.deps.rooms.release(event)
      this.room = null
      this.event = null
    }
  }

  /**
   * Its event document changed. A lock or unlock arrives so (here or from another instance):
   * a peer whose writes were dropped meanwhile is asked for them again.
   */
  eventChanged(): void {
    // Read the rights again whatever the room's change count says: that count is bumped by the
    // room's own listener, which a room re-registers (so it may run after this one).
    this.rightsAt = -1
    this.room?.rightsChanged(this)
  }

  canWrite(): boolean {
    const event = this.event
    if (!event) return false
    if (event.changes !== this.rightsAt) {
      this.rightsAt = event.changes
      this.writable = this.grant.canWrite(event.doc)
    }
    return this.writable
  }

  seat() {
    return seatOf(this.actor, this.event?.doc ?? null)
  }

  send(frame: Uint8Array): void {
    const socket = this.socket
    if (socket.readyState === socket.OPEN) socket.send(frame, { binary: true })
  }

  sendBatch(batch: Batch): void {
    const socket = this.socket
    if (socket.readyState !== socket.OPEN) return
    // The batch's frames, framed once for the whole room, go straight to the TCP socket: one
    // write each, where `send` would build a header and a write per frame per socket. This
    // keeps the order of `ws`'s own writes because its sender writes at once when it neither
    // compresses (permessage-deflate is off, server.ts) nor reads a Blob (never sent here).
    const raw = (socket as unknown as { _socket?: Writable | null })._socket
    if (raw) raw.write(batch.wire())
    else for (const frame of batch.frames) socket.send(frame, { binary: true })
  }

  close(code: number, reason: string): void {
    const socket = this.socket
    if (socket.readyState === socket.OPEN || socket.readyState === socket.CONNECTING) {
      this.deps.onClosed?.(code)
      socket.close(code, reason)
      // A peer closed for not reading will not read the close frame either: it goes at once
      // instead of holding its buffers for the close handshake's 30 s.
      if (code === CloseCode.SlowConsumer) setTimeout(() => socket.terminate(), 1_000).unref()
    }
  }

  bufferedAmount(): number {
    return this.socket.bufferedAmount
  }
}
