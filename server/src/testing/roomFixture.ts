import * as awarenessProtocol from 'y-protocols/awareness'
import * as Y from 'yjs'
import type { DocStore } from '../store/docStore.js'
import type { Peer } from '../sync/peer.js'
import { Room } from '../sync/room.js'
import { DEFAULT_LIMITS, type RoomLimits } from '../sync/roomLimits.js'
import { readMessageKind, wire } from './sync.js'

// One room without a server: plain peers that record their frames, a store in memory. For the
// room's unit tests (room.test.ts, roomAwareness.test.ts); integration tests use sync.ts.

export interface FakePeer extends Peer {
  frames: Uint8Array[]
  closes: Array<{ code: number; reason: string }>
  writable: boolean
  buffered: number
}

let seq = 0
/** A peer that records what the room sends it; `writable` and `buffered` are the test's to set. */
export function fakePeer(writable = true): FakePeer {
  const peer: FakePeer = {
    id: `fake-${++seq}`,
    frames: [],
    closes: [],
    writable,
    buffered: 0,
    canWrite: () => peer.writable,
    send: (frame) => peer.frames.push(frame),
    close: (code, reason) => peer.closes.push({ code, reason }),
    bufferedAmount: () => peer.buffered,
  }
  return peer
}

/** A store that keeps what the room appends and compacts, to be looked at. */
function memoryStore() {
  const appended: Uint8Array[] = []
  const compacted: Uint8Array[] = []
  const store: DocStore = {
    load: async () => ({ snapshot: null, updates: [], tailBytes: 0 }),
    append: (_name, update) => appended.push(update),
    written: async () => undefined,
    withNextBatch: async () => undefined,
    flush: async () => undefined,
    compact: async (_name, state) => {
      compacted.push(state)
    },
    deleteDocs: async () => undefined,
    close: async () => undefined,
  }
  return { store, appended, compacted }
}

const rooms: Room[] = []
/** A room on a memory store, destroyed by `destroyRooms` (call it in `afterEach`). */
export function room(limits: Partial<RoomLimits> = {}) {
  const memory = memoryStore()
  const errors: Error[] = []
  const r = new Room(
    'board:e:g',
    memory.store,
    { ...DEFAULT_LIMITS, ...limits },
    {
      onPeerError: (_room, _peer, error) => errors.push(error),
    },
  )
  rooms.push(r)
  return { room: r, ...memory, errors }
}

export function destroyRooms(): void {
  for (const r of rooms.splice(0)) r.destroy()
}

export const kinds = (peer: FakePeer, from = 0) => peer.frames.slice(from).map(readMessageKind)
export const updatesTo = (peer: FakePeer, from = 0) =>
  kinds(peer, from).filter((m) => m.type === 'sync' && m.syncType === 2)

/** A client-side awareness whose updates a test can hand to the room. */
export function clientAwareness(state: Record<string, unknown>) {
  const doc = new Y.Doc()
  const awareness = new awarenessProtocol.Awareness(doc)
  awareness.setLocalState(state)
  const update = () => awarenessProtocol.encodeAwarenessUpdate(awareness, [doc.clientID])
  return { doc, awareness, id: doc.clientID, update, frame: () => wire.awarenessRaw(update()) }
}
