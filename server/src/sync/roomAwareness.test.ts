import { CloseCode } from '@hytepaja/shared/protocol/closeCodes'
import { afterEach, describe, expect, it } from 'vitest'
import * as awarenessProtocol from 'y-protocols/awareness'
import * as Y from 'yjs'
import { clientAwareness, destroyRooms, fakePeer, kinds, room } from '../testing/roomFixture.js'
import { wire } from '../testing/sync.js'

// The awareness part of a room (roomAwareness.ts) through the room, as a socket reaches it.

afterEach(destroyRooms)

/** Two peers in a room, the first showing a client whose state is `{ name }`. */
function shownByFirst(name: string) {
  const { room: r } = room()
  const [first, second] = [fakePeer(), fakePeer()]
  r.attach(first)
  r.attach(second)
  const client = clientAwareness({ name })
  r.receive(first, client.frame())
  r.flush()
  return { r, first, second, client }
}

/**
 * A phone shown through its first socket, which has gone half-dead (no close yet), and its new
 * socket just attached beside another peer: the server still takes the old one for the phone.
 */
function reconnectedPhone() {
  const { r, first: stale, second: other, client: me } = shownByFirst('phone')
  const fresh = fakePeer()
  r.attach(fresh)
  return { r, stale, other, me, fresh }
}

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
    const { r, first: a, second: b, client: aino } = shownByFirst('Aino')
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
    const { r, first: before, second: other, client: me } = shownByFirst('phone')
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
    expect(r.peers.get(after)?.clients).toEqual([me.id])
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
    const { r, other, me, fresh } = reconnectedPhone()
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
    const { r, stale, other, me, fresh } = reconnectedPhone()
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
    expect(r.peers.get(fresh)?.clients).toEqual([me.id])
    // And its next change is shown.
    me.awareness.setLocalState({ name: 'phone', typing: true })
    r.receive(fresh, me.frame())
    r.flush()
    expect(r.awareness.getStates().get(me.id)).toEqual({ name: 'phone', typing: true })
    expect(kinds(other, mark).filter((m) => m.type === 'awareness')).toHaveLength(1)
    me.doc.destroy()
  })

  it('shows a client again at its first renewal after its old socket was dropped', () => {
    const { r, stale, other, me, fresh } = reconnectedPhone()
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
    const { r, first: a, second: b, client: aino } = shownByFirst('Aino')
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
    const { r, first: a, second: b, client: aino } = shownByFirst('Aino')
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
    expect(r.peers.get(stayer)?.clients).toEqual([own.id])
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
    const { r, second: b, client: aino } = shownByFirst('Aino')
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
