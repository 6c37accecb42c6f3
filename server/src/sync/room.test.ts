import { CloseCode } from '@hytepaja/shared/protocol/closeCodes'
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  clientAwareness,
  destroyRooms,
  fakePeer,
  kinds,
  room,
  updatesTo,
} from '../testing/roomFixture.js'
import { addNotes, notesUpdate, noteTexts, readMessageKind, wire } from '../testing/sync.js'

afterEach(destroyRooms)

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

/** A writer's own document; each change's update is what the writer would send. */
function writerDoc(clientId: number) {
  const doc = new Y.Doc()
  doc.clientID = clientId
  const updates: Uint8Array[] = []
  doc.on('update', (update: Uint8Array) => updates.push(update))
  const ideas = doc.getMap<Y.Map<unknown>>('ideas')
  return { doc, ideas, last: () => updates.at(-1) as Uint8Array }
}

const payloads = (peer: ReturnType<typeof fakePeer>, from: number) =>
  updatesTo(peer, from).map((m) => (m as { payload: Uint8Array }).payload)

describe('relaying an update as its writer sent it', () => {
  it('relays and stores a new note, an edit and a deletion byte for byte as sent', () => {
    const { room: r, appended } = room()
    const [writer, reader] = [fakePeer(), fakePeer()]
    r.attach(writer)
    r.attach(reader)
    const w = writerDoc(11)
    const changes = [
      () => addNotes(w.doc, ['first']),
      () => [...w.ideas.values()][0]?.set('text', 'first, edited'),
      () => w.ideas.delete([...w.ideas.keys()][0] as string),
    ]
    for (const change of changes) {
      change()
      const mark = reader.frames.length
      r.receive(writer, wire.update(w.last()))
      r.flush()
      expect(payloads(reader, mark)).toEqual([w.last()])
      expect(appended.at(-1)).toEqual(w.last())
    }
    expect(r.doc.getMap('ideas').size).toBe(0)
  })

  it('neither relays nor stores a resend of what the room has', () => {
    const { room: r, appended } = room()
    const [writer, reader] = [fakePeer(), fakePeer()]
    r.attach(writer)
    r.attach(reader)
    const w = writerDoc(12)
    addNotes(w.doc, ['once', 'deleted once'])
    const created = Y.encodeStateAsUpdate(w.doc)
    for (const [id, note] of w.ideas) if (note.get('text') === 'deleted once') w.ideas.delete(id)
    const deletion = w.last()
    for (const update of [created, deletion]) r.receive(writer, wire.update(update))
    r.flush()
    const mark = reader.frames.length
    for (const update of [created, deletion]) r.receive(writer, wire.update(update))
    r.receive(writer, wire.syncStep2(Y.encodeStateAsUpdate(w.doc)))
    r.flush()
    expect(payloads(reader, mark)).toEqual([])
    expect(appended).toHaveLength(2)
  })

  it('relays only the new part of a sync step 2 that repeats what the room has', () => {
    const { room: r } = room()
    const [writer, reader] = [fakePeer(), fakePeer()]
    r.attach(writer)
    r.attach(reader)
    const w = writerDoc(13)
    addNotes(w.doc, ['seen'])
    r.receive(writer, wire.update(w.last()))
    r.flush()
    const seenUpTo = Y.getState(r.doc.store, 13)
    addNotes(w.doc, ['new'])
    const mark = reader.frames.length
    r.receive(writer, wire.syncStep2(Y.encodeStateAsUpdate(w.doc)))
    r.flush()
    const relayed = payloads(reader, mark)
    expect(relayed).toHaveLength(1)
    const clocks = Y.decodeUpdate(relayed[0] as Uint8Array).structs.map((s) => s.id.clock)
    expect(Math.min(...clocks)).toBe(seenUpTo)
    expect(noteTexts(r.doc)).toEqual(['new', 'seen'])
  })

  it('does not pass on the text of an edit that lands in a note deleted meanwhile', () => {
    const { room: r, appended } = room()
    const [author, deleter, reader] = [fakePeer(), fakePeer(), fakePeer()]
    for (const p of [author, deleter, reader]) r.attach(p)
    const a = writerDoc(14)
    addNotes(a.doc, ['to be deleted'])
    r.receive(author, wire.update(a.last()))
    const d = writerDoc(15)
    Y.applyUpdate(d.doc, Y.encodeStateAsUpdate(r.doc))
    const id = [...d.ideas.keys()][0] as string
    d.ideas.delete(id)
    r.receive(deleter, wire.update(d.last()))
    // The author has not heard of the deletion and edits the note: its text, and a new field.
    const mark = reader.frames.length
    const sent: Uint8Array[] = []
    for (const [key, text] of [
      ['text', 'written into a deleted note'],
      ['extra', 'a new field of a deleted note'],
    ]) {
      a.ideas.get(id)?.set(key as string, text)
      sent.push(a.last())
      r.receive(author, wire.update(a.last()))
    }
    r.flush()
    const said = (bytes: Uint8Array) => /deleted note/.test(new TextDecoder().decode(bytes))
    expect(sent.every(said)).toBe(true)
    expect(payloads(reader, mark).some(said)).toBe(false)
    expect(appended.some(said)).toBe(false)
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

/** One turn of the event loop: what the room starts in the background has begun by then. */
const turn = () => new Promise((resolve) => setImmediate(resolve))

describe('compaction in a room', () => {
  it('compacts after the configured number of updates into the live document’s state', async () => {
    const { room: r, compacted } = room({ compactAfterUpdates: 3 })
    const writer = fakePeer()
    r.attach(writer)
    for (const text of ['a', 'b']) r.receive(writer, wire.update(notesUpdate([text])))
    await turn()
    expect(compacted).toHaveLength(0)
    // The third update starts it while the room is in use, not only its unload: a busy board's
    // log would otherwise grow for as long as anyone is connected.
    r.receive(writer, wire.update(notesUpdate(['c'])))
    await turn()
    expect(compacted).toHaveLength(1)
    await r.settle()
    expect(compacted).toHaveLength(1)
    const copy = new Y.Doc()
    Y.applyUpdate(copy, compacted[0] as Uint8Array)
    expect(noteTexts(copy)).toEqual(['a', 'b', 'c'])
  })
  it('relays the update that reaches the threshold before the document is encoded for it', async () => {
    const { room: r, store } = room({ compactAfterUpdates: 2 })
    const [writer, reader] = [fakePeer(), fakePeer()]
    r.attach(writer)
    r.attach(reader)
    const order: string[] = []
    const compact = store.compact
    store.compact = (name, state) => {
      order.push('encoded')
      return compact(name, state)
    }
    const send = reader.send
    reader.send = (frame) => {
      if (readMessageKind(frame).type === 'sync') order.push('relayed')
      send(frame)
    }
    r.receive(writer, wire.update(notesUpdate(['a'])))
    r.receive(writer, wire.update(notesUpdate(['b'])))
    await turn()
    expect(order).toEqual(['relayed', 'relayed', 'encoded'])
  })

  it('compacts once the log since the last snapshot holds the configured bytes', async () => {
    const { room: r, compacted } = room({ compactAfterUpdates: 1000, compactAfterBytes: 1000 })
    const writer = fakePeer()
    r.attach(writer)
    r.receive(writer, wire.update(notesUpdate(['a'.repeat(300)])))
    await turn()
    expect(compacted).toHaveLength(0)
    r.receive(writer, wire.update(notesUpdate(['b'.repeat(400), 'c'.repeat(400)])))
    await turn()
    expect(compacted).toHaveLength(1)
    const copy = new Y.Doc()
    Y.applyUpdate(copy, compacted[0] as Uint8Array)
    expect(noteTexts(copy)).toEqual(['a'.repeat(300), 'b'.repeat(400), 'c'.repeat(400)])
  })
})
