import type { Writable } from 'node:stream'
import { eventDocName } from '@hytepaja/shared/doc/names'
import { CloseCode } from '@hytepaja/shared/protocol/closeCodes'
import { type Context, Hono } from 'hono'
import type { WebSocket } from 'ws'
import { UnreadableDocument } from '../store/integrity.js'
import type { SyncAccess, SyncGrant } from './access.js'
import type { Connection, Connections, SocketRefusal } from './connections.js'
import type { Peer } from './peer.js'
import { refuseSync } from './refuseUpgrade.js'
import type { Room } from './room.js'
import type { Rooms } from './rooms.js'
import { seatOf } from './seat.js'
import type { AcceptedSocket, UpgradeEnv } from './upgrade.js'

export interface SyncRouteDeps {
  rooms: Rooms
  access: SyncAccess
  connections: Connections
  log: { warn(obj: object, msg: string): void }
  /** The client's address as the socket caps count it. */
  addressOf(c: Context): string
  /** A socket one too many for its token, its address or the process. */
  onRefused?(reason: SocketRefusal): void
  /** The server closed a socket with this code. */
  onClosed?(code: number): void
}

type Env = { Variables: { grant: SyncGrant; docName: string; address: string } }

/** Frames that may arrive while the room loads; a client sends two or three. */
const MAX_EARLY_FRAMES = 64
/**
 * Bytes those frames may hold: a client's sync step 2 can carry all it wrote offline (one
 * frame of up to 2 MiB), but 64 such frames would be 128 MiB held per socket.
 */
const MAX_EARLY_BYTES = 4 * 1024 * 1024

let peerSeq = 0

function decodeDocName(raw: string): string | null {
  try {
    return decodeURIComponent(raw)
  } catch {
    return null
  }
}

/**
 * `GET /sync/{docName}?token=…`: the token is checked and the document resolved before the
 * upgrade (401/403/404 as plain HTTP with the JSON error body), then the socket joins the document's room.
 */
export function syncRoutes(deps: SyncRouteDeps): Hono<Env> {
  const app = new Hono<Env>()
  app.get(
    '/:doc',
    async (c, next) => {
      const docName = decodeDocName(c.req.param('doc'))
      if (docName === null)
        return refuseSync(c, 404, { code: 'doc.invalid', message: 'bad document name' })
      const decision = await deps.access.authorize(c.req.query('token'), docName)
      if (!decision.ok) {
        return refuseSync(c, decision.status, { code: decision.code, message: decision.message })
      }
      const address = deps.addressOf(c)
      const refused = deps.connections.refusal(decision, address)
      if (refused) {
        deps.onRefused?.(refused)
        return refuseSync(c, 429, {
          code: 'sync.tooManySockets',
          message: `too many open sockets for this ${refused === 'total' ? 'server' : refused}`,
        })
      }
      c.set('grant', decision)
      c.set('docName', docName)
      c.set('address', address)
      return next()
    },
    (c, next) => {
      // Let in: the upgrade (./upgrade.ts) opens the socket with these values only, so the
      // request and this context are not kept for the socket's lifetime. Only the upgrade
      // hands `acceptSync`, and only for requests that ask for a WebSocket.
      const env = c.env as Partial<UpgradeEnv> | undefined
      if (!env?.acceptSync) return next()
      env.acceptSync({
        grant: c.get('grant'),
        docName: c.get('docName'),
        address: c.get('address'),
        wantsSaved: c.req.query('saved') === '1',
      })
      return c.body(null, 204)
    },
  )
  return app
}

/** Joins an opened socket to its document's room (and its event's, which holds the rights). */
export function openSyncSocket(
  deps: Pick<SyncRouteDeps, 'rooms' | 'connections' | 'log' | 'onRefused' | 'onClosed'>,
  socket: WebSocket,
  { grant, docName, address, wantsSaved }: AcceptedSocket,
): void {
  socket.binaryType = 'arraybuffer'
  const eventName = eventDocName(grant.eventId)
  // The event document holds locks and ready marks; it stays loaded while the socket is
  // open so that rights are read live for every update.
  let held: { room: Room; event: Room } | null = null
  // A lock or unlock arrives as a change of the event document (here or from another
  // instance): a peer whose writes were dropped meanwhile is asked for them again.
  const onEventChange = () => {
    if (held) held.room.rightsChanged(peer)
  }
  let closed = false
  let early: Uint8Array[] | null = []
  let earlyBytes = 0
  // The rights are read from the event document for every update the peer sends, and read
  // again only once it has changed: reading them takes longer than the rest of the check.
  let rightsAt = -1
  let writable = false
  const canWrite = (): boolean => {
    if (!held) return false
    if (held.event.changes !== rightsAt) {
      rightsAt = held.event.changes
      writable = grant.canWrite(held.event.doc)
    }
    return writable
  }
  const peer = socketPeer(
    socket,
    {
      canWrite,
      wantsSaved,
      actor: grant.actor,
      seat: () => seatOf(grant.actor, held?.event.doc ?? null),
      sender: `${grant.tokenId}|${address}`,
    },
    deps.onClosed,
  )
  const connection: Connection = { peer, docName, grant, socket, alive: true, address }
  // A socket that errs (a frame over the limit, a broken connection) is closed by ws; the close
  // below cleans up. Without a listener the error would bring the process down.
  socket.on('error', () => undefined)
  const refused = deps.connections.add(connection)
  if (refused) {
    deps.onRefused?.(refused)
    peer.close(CloseCode.TooManySockets, 'too many sockets')
    // Whoever opens sockets by the thousand need not answer the close: the socket goes.
    setTimeout(() => socket.terminate(), 1_000).unref()
    // Nothing it sends is kept.
    return
  }
  socket.on('message', (data, isBinary) => {
    if (!isBinary || !(data instanceof ArrayBuffer)) {
      socket.close(CloseCode.BadMessage, 'binary frames only')
      return
    }
    const frame = new Uint8Array(data)
    if (held) held.room.receive(peer, frame)
    else if (
      early &&
      early.length < MAX_EARLY_FRAMES &&
      earlyBytes + frame.byteLength <= MAX_EARLY_BYTES
    ) {
      early.push(frame)
      earlyBytes += frame.byteLength
    } else socket.close(CloseCode.BadMessage, 'too many frames before sync')
  })
  socket.on('close', () => {
    closed = true
    early = null
    deps.connections.delete(connection)
    if (held) {
      held.event.doc.off('update', onEventChange)
      held.room.detach(peer)
      deps.rooms.release(held.room)
      deps.rooms.release(held.event)
      held = null
    }
  })
  Promise.allSettled([deps.rooms.acquire(docName), deps.rooms.acquire(eventName)]).then(
    ([room, event]) => {
      if (closed || room.status === 'rejected' || event.status === 'rejected') {
        if (room.status === 'fulfilled') deps.rooms.release(room.value)
        if (event.status === 'fulfilled') deps.rooms.release(event.value)
        if (!closed) {
          const error =
            room.status === 'rejected' ? room.reason : (event as PromiseRejectedResult).reason
          deps.log.warn({ err: error, docName }, 'room failed to load')
          // Damaged data stays damaged: the client is told so instead of retrying forever.
          if (error instanceof UnreadableDocument) {
            peer.close(CloseCode.Unreadable, 'document cannot be read')
          } else peer.close(CloseCode.ServiceRestart, 'try again')
        }
        return
      }
      held = { room: room.value, event: event.value }
      held.room.attach(peer)
      held.event.doc.on('update', onEventChange)
      const waited = early ?? []
      early = null
      for (const frame of waited) held.room.receive(peer, frame)
    },
  )
}

function socketPeer(
  socket: WebSocket,
  traits: Pick<Peer, 'canWrite' | 'wantsSaved' | 'actor' | 'seat' | 'sender'>,
  onClose?: (code: number) => void,
): Peer {
  return {
    id: `peer-${++peerSeq}`,
    ...traits,
    send(frame) {
      if (socket.readyState === socket.OPEN) socket.send(frame, { binary: true })
    },
    sendBatch(batch) {
      if (socket.readyState !== socket.OPEN) return
      // The batch's frames, framed once for the whole room, go straight to the TCP socket: one
      // write each, where `send` would build a header and a write per frame per socket. This
      // keeps the order of `ws`'s own writes because its sender writes at once when it neither
      // compresses (permessage-deflate is off, server.ts) nor reads a Blob (never sent here).
      const raw = (socket as unknown as { _socket?: Writable | null })._socket
      if (raw) raw.write(batch.wire())
      else for (const frame of batch.frames) socket.send(frame, { binary: true })
    },
    close(code, reason) {
      if (socket.readyState === socket.OPEN || socket.readyState === socket.CONNECTING) {
        onClose?.(code)
        socket.close(code, reason)
        // A peer closed for not reading will not read the close frame either: it goes at once
        // instead of holding its buffers for the close handshake's 30 s.
        if (code === CloseCode.SlowConsumer) setTimeout(() => socket.terminate(), 1_000).unref()
      }
    },
    bufferedAmount: () => socket.bufferedAmount,
  }
}
