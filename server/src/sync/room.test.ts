import { CloseCode } from '@hytepaja/shared/protocol/closeCodes'
import { afterEach, describe, expect, it } from 'vitest'
import * as awarenessProtocol from 'y-protocols/awareness'
import * as Y from 'yjs'
import type { DocStore } from '../store/docStore.js'
import { addNotes, notesUpdate, noteTexts, readMessageKind, wire } from '../testing/sync.js'
import type { Peer } from './peer.js'
import { DEFAULT_LIMITS, Room, type RoomLimits } from './room.js'

interface FakePeer extends Peer {
  frames: Uint8Array[]
  closes: Array<{ code: number; reason: string }>
  writable: boolean
  buffered: number
}

let seq = 0
function fakePeer(writable = true): FakePeer {
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

function memoryStore() {
  const appended: Uint8Array[] = []
  const compacted: Uint8Array[] = []
  const store: DocStore = {
    load: async () => ({ snapshot: null, updates: [], tailBytes: 0 }),
    append: (_name, update) => appended.push(update),
    written: async () => undefined,
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
function room(limits: Partial<RoomLimits> = {}) {
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

afterEach(() => {
  for (const r of rooms.splice(0)) r.destroy()
})

const kinds = (peer: FakePeer, from = 0) => peer.frames.slice(from).map(readMessageKind)
const updatesTo = (peer: FakePeer, from = 0) =>
  kinds(peer, from).filter((m) => m.type === 'sync' && m.syncType === 2)

/** A client-side awareness whose updates a test can hand to the room. */
function clientAwareness(state: Record<string, unknown>) {
  const doc = new Y.Doc()
  const awareness = new awarenessProtocol.Awareness(doc)
  awareness.setLocalState(state)
  const update = () => awarenessProtocol.encodeAwarenessUpdate(awareness, [doc.clientID])
  return { doc, awareness, id: doc.clientID, update, frame: () => wire.awarenessRaw(update()) }
}

describe('a room', () => {
  it('sends sync step 1 on attach and answers a peer’s step 1 with the missing state', () => {
    const { room: r } = room()
    addNotes(r.doc, ['already here'])
    const peer = fakePeer()
    r.attach(peer)
    expect(kinds(peer)[0]).toMatchObject({ type: 'sync', syncType: 0 })

    r.receive(peer, wire.syncStep1(Y.encodeStateVector(new Y.Doc())))
    const reply = kinds(peer).at(-1) as { type: 'sync'; syncType: number; payload: Uint8Array }
    expect(reply.syncType).toBe(1)
    const copy = new Y.Doc()
    Y.applyUpdate(copy, reply.payload)
    expect(noteTexts(copy)).toEqual(['already here'])
  })

  it('applies a writer’s update, stores it and relays it to every other peer only', () => {
    const { room: r, appended } = room()
    const [writer, a, b] = [fakePeer(), fakePeer(), fakePeer()]
    for (const p of [writer, a, b]) r.attach(p)
    const marks = [writer, a, b].map((p) => p.frames.length)

    r.receive(writer, wire.update(notesUpdate(['hello'])))
    // Relayed at the end of the turn, with whatever else arrived in it.
    r.flush()
    expect(noteTexts(r.doc)).toEqual(['hello'])
    expect(appended).toHaveLength(1)
    expect(updatesTo(writer, marks[0])).toHaveLength(0)
    expect(updatesTo(a, marks[1])).toHaveLength(1)
    expect(updatesTo(b, marks[2])).toHaveLength(1)
  })

  it('never applies, stores or relays a read-only peer’s step 2 or update, and keeps it', () => {
    const { room: r, appended } = room()
    const reader = fakePeer(false)
    const other = fakePeer()
    r.attach(reader)
    r.attach(other)
    const mark = other.frames.length

    r.receive(reader, wire.syncStep2(notesUpdate(['forged step 2'])))
    r.receive(reader, wire.update(notesUpdate(['forged update'])))
    expect(noteTexts(r.doc)).toEqual([])
    expect(appended).toEqual([])
    expect(updatesTo(other, mark)).toEqual([])
    expect(reader.closes).toEqual([])

    // It still reads, and its own presence still reaches the others.
    r.receive(reader, wire.syncStep1(new Uint8Array([0])))
    expect(kinds(reader).at(-1)).toMatchObject({ type: 'sync', syncType: 1 })
    const me = clientAwareness({ user: 'reader' })
    r.receive(reader, me.frame())
    r.flush()
    expect(r.awareness.getStates().get(me.id)).toEqual({ user: 'reader' })
    expect(kinds(other, mark).some((m) => m.type === 'awareness')).toBe(true)
    me.doc.destroy()
  })

  it('reads the peer’s rights per message, so a lock takes effect on an open socket', () => {
    const { room: r } = room()
    const peer = fakePeer()
    r.attach(peer)
    r.receive(peer, wire.update(notesUpdate(['before the lock'])))
    peer.writable = false
    r.receive(peer, wire.update(notesUpdate(['after the lock'])))
    expect(noteTexts(r.doc)).toEqual(['before the lock'])
  })

  it('closes a peer with 4400 for a frame that does not decode and leaves the document alone', () => {
    const { room: r, errors } = room()
    const bad = fakePeer()
    const good = fakePeer()
    r.attach(bad)
    r.attach(good)
    r.receive(good, wire.update(notesUpdate(['safe'])))
    const before = Y.encodeStateAsUpdate(r.doc)

    r.receive(bad, wire.update(new TextEncoder().encode('not a yjs update at all')))
    expect(bad.closes).toEqual([{ code: CloseCode.BadMessage, reason: 'bad message' }])
    expect(r.peers.has(bad)).toBe(false)
    expect(errors).toHaveLength(1)
    expect(Y.encodeStateAsUpdate(r.doc)).toEqual(before)
    // Frames from a detached peer are ignored.
    r.receive(bad, wire.update(notesUpdate(['late'])))
    expect(noteTexts(r.doc)).toEqual(['safe'])
    expect(good.closes).toEqual([])
  })
})

describe('slow peers', () => {
  it('closes a peer whose send buffer is over the limit instead of queueing more', () => {
    const { room: r } = room({ maxBufferedBytes: 1000 })
    const slow = fakePeer()
    const fast = fakePeer()
    const writer = fakePeer()
    for (const p of [slow, fast, writer]) r.attach(p)
    slow.buffered = 1001
    const marks = [slow.frames.length, fast.frames.length]

    r.receive(writer, wire.update(notesUpdate(['one'])))
    r.flush()
    r.receive(writer, wire.update(notesUpdate(['two'])))
    r.flush()
    expect(slow.closes).toEqual([{ code: CloseCode.SlowConsumer, reason: 'too slow' }])
    expect(slow.frames.length).toBe(marks[0])
    expect(r.peers.has(slow)).toBe(false)
    expect(updatesTo(fast, marks[1])).toHaveLength(2)
  })

  it('closes a peer that keeps asking for the document without reading the answers', () => {
    const { room: r } = room({ maxBufferedBytes: 1000 })
    addNotes(r.doc, ['x'.repeat(400)])
    const greedy = fakePeer()
    r.attach(greedy)
    // Each answer lands in the send buffer, which this peer never drains.
    const sentBytes = () => greedy.frames.reduce((sum, f) => sum + f.byteLength, 0)
    greedy.bufferedAmount = sentBytes
    for (let i = 0; i < 50; i++) r.receive(greedy, wire.syncStep1(new Uint8Array([0])))
    expect(greedy.closes).toEqual([{ code: CloseCode.SlowConsumer, reason: 'too slow' }])
    expect(sentBytes()).toBeLessThan(1000 + 2 * 500)
  })

  it('counts the frame being sent: nothing is queued past the limit, not even once', () => {
    const { room: r } = room({ maxBufferedBytes: 1000 })
    addNotes(r.doc, ['x'.repeat(400)])
    const greedy = fakePeer()
    r.attach(greedy)
    const sentBytes = () => greedy.frames.reduce((sum, f) => sum + f.byteLength, 0)
    greedy.bufferedAmount = sentBytes
    for (let i = 0; i < 50; i++) r.receive(greedy, wire.syncStep1(new Uint8Array([0])))
    expect(greedy.closes).toEqual([{ code: CloseCode.SlowConsumer, reason: 'too slow' }])
    expect(sentBytes()).toBeLessThanOrEqual(1000)

    // A document larger than the limit is not queued at all for a peer that has not read yet.
    addNotes(r.doc, ['y'.repeat(450), 'z'.repeat(450)])
    const reader = fakePeer()
    r.attach(reader)
    const before = reader.frames.length
    r.receive(reader, wire.syncStep1(new Uint8Array([0])))
    expect(reader.frames.length).toBe(before)
    expect(reader.closes).toEqual([{ code: CloseCode.SlowConsumer, reason: 'too slow' }])
  })
})

describe('awareness in a room', () => {
  it('relays a peer’s own state to everyone, the sender included', () => {
    const { room: r } = room()
    const [a, b] = [fakePeer(), fakePeer()]
    r.attach(a)
    r.attach(b)
    const me = clientAwareness({ name: 'Aino' })
    const marks = [a.frames.length, b.frames.length]
    r.receive(a, me.frame())
    r.flush()
    expect(r.awareness.getStates().get(me.id)).toEqual({ name: 'Aino' })
    expect(kinds(a, marks[0]).filter((m) => m.type === 'awareness')).toHaveLength(1)
    expect(kinds(b, marks[1]).filter((m) => m.type === 'awareness')).toHaveLength(1)
    me.doc.destroy()
  })

  it('drops entries for a client another connection owns, without closing the sender', () => {
    const { room: r } = room()
    const [a, b] = [fakePeer(), fakePeer()]
    r.attach(a)
    r.attach(b)
    const aino = clientAwareness({ name: 'Aino' })
    r.receive(a, aino.frame())
    r.flush()
    const mark = a.frames.length

    // b echoes a's state (as y-websocket does): nothing goes anywhere.
    const bMark = b.frames.length
    r.receive(b, aino.frame())
    expect(b.frames.length).toBe(bMark)
    // Then b tries to overwrite it: only b gets its own frame back.
    aino.awareness.setLocalState({ name: 'forged' })
    r.receive(b, aino.frame())
    r.flush()
    expect(r.awareness.getStates().get(aino.id)).toEqual({ name: 'Aino' })
    expect(kinds(a, mark)).toEqual([])
    expect(b.frames.length).toBe(bMark + 1)
    expect(b.closes).toEqual([])
    aino.doc.destroy()
  })

  it('shows a client that comes back on a new socket again at once', () => {
    const { room: r } = room()
    const [before, other] = [fakePeer(), fakePeer()]
    r.attach(before)
    r.attach(other)
    const me = clientAwareness({ name: 'phone' })
    r.receive(before, me.frame())
    r.flush()
    // The old socket goes; the room shows the phone as gone (under the clock of its state).
    r.detach(before)
    r.flush()
    expect(r.awareness.getStates().has(me.id)).toBe(false)
    const after = fakePeer()
    r.attach(after)
    const marks = [after.frames.length, other.frames.length]
    // The phone reconnects with the state it had (y-websocket keeps its own state and clock).
    r.receive(after, me.frame())
    r.flush()
    expect(r.awareness.getStates().get(me.id)).toEqual({ name: 'phone' })
    expect(r.peers.get(after)?.clients).toEqual(new Set([me.id]))
    // Everyone, the phone included, gets it under a newer clock: a client that applies, in
    // order, all it was sent shows the phone again.
    expect(kinds(after, marks[0]).filter((m) => m.type === 'awareness')).toHaveLength(1)
    expect(kinds(other, marks[1]).filter((m) => m.type === 'awareness')).toHaveLength(1)
    const view = new awarenessProtocol.Awareness(new Y.Doc())
    for (const m of kinds(other)) {
      if (m.type === 'awareness') awarenessProtocol.applyAwarenessUpdate(view, m.payload, 's')
    }
    expect(view.getStates().get(me.id)).toEqual({ name: 'phone' })
    view.doc.destroy()
    // The phone adopts the newer clock, so its next renewal is news.
    const told = kinds(after, marks[0]).find((m) => m.type === 'awareness') as {
      payload: Uint8Array
    }
    awarenessProtocol.applyAwarenessUpdate(me.awareness, told.payload, 'server')
    me.awareness.setLocalState({ name: 'phone', typing: true })
    r.receive(after, me.frame())
    r.flush()
    expect(r.awareness.getStates().get(me.id)).toEqual({ name: 'phone', typing: true })
    me.doc.destroy()
  })

  it('echoes to a reconnected client the renewals its old, half-dead socket still owns', () => {
    const { room: r } = room()
    const [stale, other] = [fakePeer(), fakePeer()]
    r.attach(stale)
    r.attach(other)
    const me = clientAwareness({ name: 'phone' })
    r.receive(stale, me.frame())
    r.flush()
    const fresh = fakePeer()
    r.attach(fresh)
    me.awareness.setLocalState({ name: 'phone' })
    const marks = [fresh.frames.length, other.frames.length]
    r.receive(fresh, me.frame())
    r.flush()
    expect(fresh.frames.slice(marks[0])).toEqual([me.frame()])
    expect(other.frames.length).toBe(marks[1])
    expect(fresh.closes).toEqual([])
    me.doc.destroy()
  })

  it('hands a client to its new socket when the old, half-dead one goes', () => {
    const { room: r } = room()
    const [stale, other] = [fakePeer(), fakePeer()]
    r.attach(stale)
    r.attach(other)
    const me = clientAwareness({ name: 'phone' })
    r.receive(stale, me.frame())
    r.flush()
    const fresh = fakePeer()
    r.attach(fresh)
    // The phone's first frame on its new socket, then a renewal (15 s later): refused while
    // the old socket speaks for it, and echoed to the phone alone.
    r.receive(fresh, me.frame())
    me.awareness.setLocalState({ name: 'phone' })
    const freshMark = fresh.frames.length
    r.receive(fresh, me.frame())
    r.flush()
    expect(fresh.frames.slice(freshMark)).toEqual([me.frame()])
    const mark = other.frames.length
    // The keep-alive drops the old socket: the phone does not vanish for the others.
    r.detach(stale)
    r.flush()
    expect(other.frames.length).toBe(mark)
    expect(r.awareness.getStates().get(me.id)).toEqual({ name: 'phone' })
    expect(r.peers.get(fresh)?.clients).toEqual(new Set([me.id]))
    // And its next change is shown.
    me.awareness.setLocalState({ name: 'phone', typing: true })
    r.receive(fresh, me.frame())
    r.flush()
    expect(r.awareness.getStates().get(me.id)).toEqual({ name: 'phone', typing: true })
    expect(kinds(other, mark).filter((m) => m.type === 'awareness')).toHaveLength(1)
    me.doc.destroy()
  })

  it('shows a client again at its first renewal after its old socket was dropped', () => {
    const { room: r } = room()
    const [stale, other] = [fakePeer(), fakePeer()]
    r.attach(stale)
    r.attach(other)
    const me = clientAwareness({ name: 'phone' })
    r.receive(stale, me.frame())
    r.flush()
    const fresh = fakePeer()
    r.attach(fresh)
    r.receive(fresh, me.frame())
    r.detach(stale)
    r.flush()
    expect(r.awareness.getStates().has(me.id)).toBe(false)
    // Its renewal is news (the old socket had stopped sending).
    me.awareness.setLocalState({ name: 'phone' })
    const mark = other.frames.length
    r.receive(fresh, me.frame())
    r.flush()
    expect(r.awareness.getStates().get(me.id)).toEqual({ name: 'phone' })
    const view = new awarenessProtocol.Awareness(new Y.Doc())
    for (const m of kinds(other)) {
      if (m.type === 'awareness') awarenessProtocol.applyAwarenessUpdate(view, m.payload, 's')
    }
    expect(view.getStates().get(me.id)).toEqual({ name: 'phone' })
    expect(other.frames.length).toBe(mark + 1)
    view.doc.destroy()
    me.doc.destroy()
  })

  it('sends nothing for an empty awareness update', () => {
    const { room: r } = room()
    const [a, b] = [fakePeer(), fakePeer()]
    r.attach(a)
    r.attach(b)
    const marks = [a.frames.length, b.frames.length]
    r.receive(a, wire.awareness([]))
    expect([a.frames.length, b.frames.length]).toEqual(marks)
    expect(a.closes).toEqual([])
  })

  it('relays only the sender’s own entry from a mixed update', () => {
    const { room: r } = room()
    const [a, b] = [fakePeer(), fakePeer()]
    r.attach(a)
    r.attach(b)
    const aino = clientAwareness({ name: 'Aino' })
    r.receive(a, aino.frame())
    r.flush()
    const bertta = clientAwareness({ name: 'Bertta' })
    const mixed = new Map([
      [aino.id, { clock: 99, state: { name: 'forged' } }],
      [bertta.id, { clock: 1, state: { name: 'Bertta' } }],
    ])
    const mark = a.frames.length
    r.receive(
      b,
      wire.awareness([...mixed].map(([client, e]) => ({ client, clock: e.clock, state: e.state }))),
    )
    r.flush()
    expect(r.awareness.getStates().get(aino.id)).toEqual({ name: 'Aino' })
    expect(r.awareness.getStates().get(bertta.id)).toEqual({ name: 'Bertta' })
    const relayed = kinds(a, mark).filter((m) => m.type === 'awareness') as Array<{
      payload: Uint8Array
    }>
    expect(relayed).toHaveLength(1)
    const seen = new Y.Doc()
    const view = new awarenessProtocol.Awareness(seen)
    awarenessProtocol.applyAwarenessUpdate(
      view,
      (relayed[0] as { payload: Uint8Array }).payload,
      'test',
    )
    expect([...view.getStates().keys()].filter((id) => id !== seen.clientID)).toEqual([bertta.id])
    for (const d of [aino.doc, bertta.doc, seen]) d.destroy()
  })

  it('removes a departed peer’s states at once and tells the others', () => {
    const { room: r } = room()
    const [a, b] = [fakePeer(), fakePeer()]
    r.attach(a)
    r.attach(b)
    const aino = clientAwareness({ name: 'Aino' })
    r.receive(a, aino.frame())
    r.flush()
    const mark = b.frames.length
    r.detach(a)
    r.flush()
    expect(r.awareness.getStates().has(aino.id)).toBe(false)
    const told = kinds(b, mark).filter((m) => m.type === 'awareness') as Array<{
      payload: Uint8Array
    }>
    expect(told).toHaveLength(1)
    // b, which showed Aino, drops her on this message: it carries a newer clock.
    const bView = new awarenessProtocol.Awareness(new Y.Doc())
    awarenessProtocol.applyAwarenessUpdate(bView, aino.update(), 'server')
    expect(bView.getStates().has(aino.id)).toBe(true)
    awarenessProtocol.applyAwarenessUpdate(
      bView,
      (told[0] as { payload: Uint8Array }).payload,
      'server',
    )
    expect(bView.getStates().has(aino.id)).toBe(false)
    bView.doc.destroy()
    aino.doc.destroy()
  })

  it('detaches a peer whose state never applied or was cleared without throwing', () => {
    const { room: r } = room()
    const quiet = fakePeer()
    const cleared = fakePeer()
    r.attach(quiet)
    r.attach(cleared)
    // y-websocket's first message for a client without presence: clock 0, which applies nowhere.
    r.receive(quiet, wire.awareness([{ client: 424242, clock: 0, state: {} }]))
    const me = clientAwareness({ name: 'x' })
    r.receive(cleared, me.frame())
    me.awareness.setLocalState(null)
    r.receive(cleared, me.frame())
    expect(() => r.detach(quiet)).not.toThrow()
    expect(() => r.detach(cleared)).not.toThrow()
    expect(r.peers.size).toBe(0)
    me.doc.destroy()
  })

  it('does not let a peer claim the echo of one who left', () => {
    const { room: r, errors } = room({ maxAwarenessClients: 2 })
    const stayer = fakePeer()
    r.attach(stayer)
    const own = clientAwareness({ name: 'stays' })
    r.receive(stayer, own.frame())
    for (let i = 0; i < 5; i++) {
      const visitor = fakePeer()
      r.attach(visitor)
      const them = clientAwareness({ name: `visitor ${i}` })
      r.receive(visitor, them.frame())
      const lastState = them.frame()
      r.detach(visitor)
      // The stayer echoes the visitor's last state (in flight) and then its removal.
      r.receive(stayer, lastState)
      them.awareness.setLocalState(null)
      r.receive(stayer, them.frame())
      expect(r.awareness.getStates().has(them.id)).toBe(false)
      them.doc.destroy()
    }
    expect(errors).toEqual([])
    expect(stayer.closes).toEqual([])
    expect(r.peers.get(stayer)?.clients).toEqual(new Set([own.id]))
    own.doc.destroy()
  })

  it('closes a peer that speaks for more clients than the limit', () => {
    const { room: r } = room({ maxAwarenessClients: 4 })
    const greedy = fakePeer()
    r.attach(greedy)
    r.receive(
      greedy,
      wire.awareness([1, 2, 3, 4, 5].map((client) => ({ client, clock: 1, state: {} }))),
    )
    expect(greedy.closes).toEqual([{ code: CloseCode.BadMessage, reason: 'bad message' }])
    expect(r.awareness.getStates().size).toBe(0)
  })

  it('answers a query with every state it knows', () => {
    const { room: r } = room()
    const [a, b] = [fakePeer(), fakePeer()]
    r.attach(a)
    r.attach(b)
    const aino = clientAwareness({ name: 'Aino' })
    r.receive(a, aino.frame())
    r.flush()
    const mark = b.frames.length
    r.receive(b, wire.queryAwareness())
    const answer = kinds(b, mark)
    expect(answer).toHaveLength(1)
    const view = new awarenessProtocol.Awareness(new Y.Doc())
    awarenessProtocol.applyAwarenessUpdate(
      view,
      (answer[0] as { payload: Uint8Array }).payload,
      't',
    )
    expect(view.getStates().get(aino.id)).toEqual({ name: 'Aino' })
    view.doc.destroy()
    aino.doc.destroy()
  })
})

describe('compaction in a room', () => {
  it('compacts after the configured number of updates into the live document’s state', async () => {
    const { room: r, compacted } = room({ compactAfterUpdates: 3 })
    const writer = fakePeer()
    r.attach(writer)
    for (const text of ['a', 'b', 'c']) r.receive(writer, wire.update(notesUpdate([text])))
    await r.settle()
    expect(compacted).toHaveLength(1)
    const copy = new Y.Doc()
    Y.applyUpdate(copy, compacted[0] as Uint8Array)
    expect(noteTexts(copy)).toEqual(['a', 'b', 'c'])
  })
})
