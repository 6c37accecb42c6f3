import { CloseCode } from '@hytepaja/shared/protocol/closeCodes'
import type { SyncGrant } from './access.js'
import type { Peer } from './peer.js'

/** The minimum of a `ws` socket the keep-alive needs. */
export interface PingableSocket {
  ping(): void
  terminate(): void
  on(event: 'pong', listener: () => void): unknown
}

export interface Connection {
  peer: Peer
  docName: string
  grant: SyncGrant
  socket: PingableSocket
  alive: boolean
}

/**
 * Every open sync socket, so that a revoked token, a deleted event or a shutdown reaches the
 * sockets it concerns, and so that one timer pings them all.
 */
export class Connections {
  private readonly open = new Set<Connection>()
  private timer: ReturnType<typeof setInterval> | null = null

  add(connection: Connection): void {
    connection.socket.on('pong', () => {
      connection.alive = true
    })
    this.open.add(connection)
  }

  delete(connection: Connection): void {
    this.open.delete(connection)
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

  /** Pings every socket each interval and drops those that did not answer the last ping. */
  startKeepalive(intervalMs: number): void {
    this.stopKeepalive()
    this.timer = setInterval(() => {
      for (const connection of this.open) {
        if (!connection.alive) {
          connection.socket.terminate()
          continue
        }
        connection.alive = false
        connection.socket.ping()
      }
    }, intervalMs)
    this.timer.unref?.()
  }

  stopKeepalive(): void {
    if (this.timer) clearInterval(this.timer)
    this.timer = null
  }

  closeAll(code: number = CloseCode.ServiceRestart, reason = 'server restarting'): void {
    this.closeWhere(() => true, code, reason)
  }
}
