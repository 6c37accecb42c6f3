import { CloseCode } from '@hytepaja/shared/protocol/closeCodes'
import type { SyncGrant } from './access.js'
import type { Peer } from './peer.js'

/** The minimum of a `ws` socket the keep-alive needs. */
export interface PingableSocket {
  ping(): void
  terminate(): void
  /** Calls the listener on the socket itself (as an EventEmitter does). */
  on(event: 'pong', listener: () => void): unknown
  /**
   * The connection the socket carries, set before it is added (a server's socket has the
   * field anyway, for its other listeners): what a pong marks alive.
   */
  readonly syncSocket: Pick<Connection, 'alive'> | null
}

export interface Connection {
  peer: Peer
  docName: string
  grant: SyncGrant
  socket: PingableSocket
  alive: boolean
  /** Which of the keep-alive's turns pings it (`Connections.add` sets it). */
  slot: number
  /** Who the sockets are counted against: the client's address (IPv6: its /64). */
  address: string
}

/**
 * How many sockets may be open at once. A whole room behind a venue's one address opens a few
 * sockets per person, so the address cap is generous; one person's token gets tens.
 */
export interface SocketCaps {
  /** Per personal token (a participant's). Role links are shared by many people. */
  perToken: number
  perAddress: number
  /** For the whole process, below its file-descriptor limit. */
  total: number
}

export type SocketRefusal = 'token' | 'address' | 'total'

/**
 * The keep-alive pings a tenth of the sockets at a time, ten times per interval: 4,000 sockets
 * pinged in one timer callback held the event loop for tens of milliseconds every 30 s (one
 * frame and one write each), and every edit arriving meanwhile waited.
 */
const KEEPALIVE_TURNS = 10

/**
 * One `pong` listener for all sockets, which finds the connection on the socket: a closure per
 * socket and its context were ~100 bytes a socket, a WeakMap from socket to connection ~33.
 */
function answeredPing(this: PingableSocket): void {
  const connection = this.syncSocket
  if (connection) connection.alive = true
}

/**
 * Every open sync socket, so that a revoked token, a deleted event or a shutdown reaches the
 * sockets it concerns, and so that one timer pings them all.
 */
export class Connections {
  private readonly open = new Set<Connection>()
  private readonly byToken = new Map<string, number>()
  private readonly byAddress = new Map<string, number>()
  private timer: ReturnType<typeof setInterval> | null = null
  private stopping = false
  private readonly whenEmpty = new Set<() => void>()
  private nextSlot = 0

  constructor(private readonly caps: SocketCaps) {}

  /** Why one more socket of this token and address would be too many (null: it is not). */
  refusal(
    grant: Pick<SyncGrant, 'tokenId' | 'participantId'>,
    address: string,
  ): SocketRefusal | null {
    if (this.open.size >= this.caps.total) return 'total'
    if ((this.byAddress.get(address) ?? 0) >= this.caps.perAddress) return 'address'
    if (
      grant.participantId !== null &&
      (this.byToken.get(grant.tokenId) ?? 0) >= this.caps.perToken
    ) {
      return 'token'
    }
    return null
  }

  /**
   * Adds an open socket, or says why it is one too many: sockets that were upgraded at the
   * same moment all passed `refusal` before any of them was counted.
   */
  add(connection: Connection): SocketRefusal | null {
    const refused = this.refusal(connection.grant, connection.address)
    if (refused) return refused
    connection.socket.on('pong', answeredPing)
    connection.slot = this.nextSlot
    this.nextSlot = (this.nextSlot + 1) % KEEPALIVE_TURNS
    this.open.add(connection)
    count(this.byToken, connection.grant.tokenId, 1)
    count(this.byAddress, connection.address, 1)
    // A socket that opens while the server stops would otherwise hold up `drain`.
    if (this.stopping) connection.peer.close(CloseCode.ServiceRestart, 'server restarting')
    return null
  }

  delete(connection: Connection): void {
    if (!this.open.delete(connection)) return
    count(this.byToken, connection.grant.tokenId, -1)
    count(this.byAddress, connection.address, -1)
    if (this.open.size === 0) for (const resolve of this.whenEmpty) resolve()
  }

  get size(): number {
    return this.open.size
  }

  list(): Connection[] {
    return [...this.open]
  }

  /** Closes the sockets matching `where`, e.g. of one token or one event. */
  closeWhere(where: (c: Connection) => boolean, code: number, reason: string): number {
    let closed = 0
    for (const connection of [...this.open]) {
      if (!where(connection)) continue
      connection.peer.close(code, reason)
      closed++
    }
    return closed
  }

  /**
   * Pings every socket once each interval and drops those that did not answer the last ping,
   * in turns (`KEEPALIVE_TURNS`): each socket's turn comes once per interval.
   */
  startKeepalive(intervalMs: number): void {
    this.stopKeepalive()
    let turn = 0
    this.timer = setInterval(() => {
      const slot = turn
      turn = (turn + 1) % KEEPALIVE_TURNS
      for (const connection of this.open) {
        if (connection.slot !== slot) continue
        if (!connection.alive) {
          connection.socket.terminate()
          continue
        }
        connection.alive = false
        connection.socket.ping()
      }
    }, intervalMs / KEEPALIVE_TURNS)
    this.timer.unref?.()
  }

  stopKeepalive(): void {
    if (this.timer) clearInterval(this.timer)
    this.timer = null
  }

  closeAll(code: number = CloseCode.ServiceRestart, reason = 'server restarting'): void {
    this.closeWhere(() => true, code, reason)
  }

  /**
   * Stopping: closes every socket and waits for the closing handshakes, at most `graceMs`,
   * then cuts off the sockets that did not answer. A client's frames sent before our close
   * frame reached it arrive before its close reply, so once this resolves every update a
   * client sent in time has been handed to its room (and can be written).
   */
  async drain(graceMs: number): Promise<void> {
    this.stopping = true
    this.stopKeepalive()
    this.closeAll(CloseCode.ServiceRestart, 'server restarting')
    if (this.open.size > 0) {
      let done: () => void = () => undefined
      const empty = new Promise<void>((resolve) => {
        done = resolve
      })
      this.whenEmpty.add(done)
      const timer = setTimeout(done, graceMs)
      await empty
      clearTimeout(timer)
      this.whenEmpty.delete(done)
    }
    for (const connection of [...this.open]) connection.socket.terminate()
  }
}

function count(counts: Map<string, number>, key: string, by: 1 | -1): void {
  const next = (counts.get(key) ?? 0) + by
  if (next > 0) counts.set(key, next)
  else counts.delete(key)
}
