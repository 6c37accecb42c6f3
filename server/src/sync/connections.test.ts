import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { SyncGrant } from './access.js'
import { type Connection, Connections } from './connections.js'
import type { Peer } from './peer.js'

beforeEach(() => {
  vi.useFakeTimers()
})
afterEach(() => {
  vi.useRealTimers()
})

/** An open socket that counts the pings it gets and answers them when told to. */
function openSocket(i: number) {
  const pongs: Array<() => void> = []
  const socket = {
    pings: 0,
    terminated: false,
    ping() {
      socket.pings++
    },
    terminate() {
      socket.terminated = true
    },
    on(_event: 'pong', listener: () => void) {
      pongs.push(listener)
    },
    syncSocket: null as Connection | null,
  }
  const connection: Connection = {
    peer: { close: () => undefined } as unknown as Peer,
    docName: 'board:e:g',
    grant: { tokenId: `token-${i}`, participantId: null } as SyncGrant,
    socket,
    alive: true,
    slot: 0,
    address: `10.0.0.${i}`,
  }
  socket.syncSocket = connection
  const answer = () => {
    for (const pong of pongs) pong.call(socket)
  }
  return { connection, socket, answer }
}

describe('the keep-alive', () => {
  it('pings every socket once per interval, a tenth of them at a time, and drops one that did not answer', () => {
    const connections = new Connections({ perToken: 100, perAddress: 100, total: 100 })
    const sockets = Array.from({ length: 40 }, (_, i) => openSocket(i))
    for (const s of sockets) connections.add(s.connection)
    connections.startKeepalive(1000)
    const pinged = () => sockets.filter((s) => s.socket.pings > 0).length

    // A tenth at each turn, never all at once.
    vi.advanceTimersByTime(100)
    expect(pinged()).toBe(4)
    vi.advanceTimersByTime(400)
    expect(pinged()).toBe(20)
    vi.advanceTimersByTime(500)
    expect(sockets.map((s) => s.socket.pings)).toEqual(sockets.map(() => 1))

    // Everyone answers but the first; a whole interval later only it is dropped.
    for (const s of sockets.slice(1)) s.answer()
    vi.advanceTimersByTime(1000)
    expect(sockets.filter((s) => s.socket.terminated)).toEqual([sockets[0]])
    expect(sockets.slice(1).map((s) => s.socket.pings)).toEqual(sockets.slice(1).map(() => 2))
    connections.stopKeepalive()
  })
})
