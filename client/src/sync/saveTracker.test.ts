import { MESSAGE_SAVED } from '@hytepaja/shared/protocol/saved'
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { createSaveTracker, readSavedClocks, SERVER_WRITES_WITHIN_MS } from './saveTracker'

/** The frame the server sends (server/src/sync/protocol.ts encodeSaved). */
function savedFrame(clocks: Array<[number, number]>): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MESSAGE_SAVED)
  encoding.writeVarUint(encoder, clocks.length)
  for (const [clientId, clock] of clocks) {
    encoding.writeVarUint(encoder, clientId)
    encoding.writeVarUint(encoder, clock)
  }
  return encoding.toUint8Array(encoder)
}

function write(doc: Y.Doc, text: string) {
  doc.getMap('ideas').set(text, text)
}

describe('saved acknowledgements', () => {
  it('decodes client ids and clocks, large ids included', () => {
    const decoder = decoding.createDecoder(
      savedFrame([
        [2 ** 31 + 5, 3],
        [7, 120],
      ]),
    )
    expect(decoding.readVarUint(decoder)).toBe(MESSAGE_SAVED)
    expect(readSavedClocks(decoder)).toEqual([
      { clientId: 2 ** 31 + 5, clock: 3 },
      { clientId: 7, clock: 120 },
    ])
  })

  it('tells which single change the server has: a note written later is not on it yet', () => {
    const doc = new Y.Doc()
    const tracker = createSaveTracker(doc)
    const ideas = doc.getMap<Y.Map<string>>('ideas')
    const add = (id: string) => {
      const note = new Y.Map<string>()
      ideas.set(id, note)
      return note._item?.id as Y.ID
    }
    const first = add('a')
    tracker.acknowledge([{ clientId: doc.clientID, clock: Y.getState(doc.store, doc.clientID) }])
    const seen = tracker.confirmations()
    const second = add('b')
    expect(tracker.hasItem(first)).toBe(true)
    expect(tracker.hasItem(second)).toBe(false)
    tracker.acknowledge([{ clientId: doc.clientID, clock: Y.getState(doc.store, doc.clientID) }])
    expect(tracker.hasItem(second)).toBe(true)
    expect(tracker.confirmations()).toBeGreaterThan(seen)
  })

  it('reports unsaved changes until the server acknowledges our clock', () => {
    const doc = new Y.Doc()
    const tracker = createSaveTracker(doc)
    expect(tracker.hasUnsaved()).toBe(false)
    write(doc, 'a')
    write(doc, 'b')
    expect(tracker.hasUnsaved()).toBe(true)
    tracker.acknowledge([{ clientId: doc.clientID, clock: 1 }])
    expect(tracker.hasUnsaved()).toBe(true)
    tracker.acknowledge([{ clientId: doc.clientID, clock: Y.getState(doc.store, doc.clientID) }])
    expect(tracker.hasUnsaved()).toBe(false)
  })

  it('counts what the server relayed to us as already there', () => {
    const remote = new Y.Doc()
    write(remote, 'from someone else')
    const doc = new Y.Doc()
    const tracker = createSaveTracker(doc)
    const update = Y.encodeStateAsUpdate(remote)
    Y.applyUpdate(doc, update)
    tracker.observeServerUpdate(update)
    expect(tracker.hasUnsaved()).toBe(false)
  })

  it('counts incremental updates relayed by the server, not only a first one', () => {
    const remote = new Y.Doc()
    const doc = new Y.Doc()
    const tracker = createSaveTracker(doc)
    write(remote, 'first')
    const first = Y.encodeStateAsUpdate(remote)
    Y.applyUpdate(doc, first)
    tracker.observeServerUpdate(first)
    const before = Y.encodeStateVector(remote)
    write(remote, 'second')
    const incremental = Y.encodeStateAsUpdate(remote, before)
    Y.applyUpdate(doc, incremental)
    tracker.observeServerUpdate(incremental)
    expect(tracker.hasUnsaved()).toBe(false)
  })

  it('keeps offline notes of an earlier visit unsaved until the server has them', () => {
    const earlierVisit = new Y.Doc()
    write(earlierVisit, 'written offline yesterday')
    const doc = new Y.Doc()
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(earlierVisit))
    const tracker = createSaveTracker(doc)
    tracker.observeServerState(new Map())
    expect(tracker.hasUnsaved()).toBe(true)
    tracker.acknowledge([{ clientId: earlierVisit.clientID, clock: 1 }])
    expect(tracker.hasUnsaved()).toBe(false)
  })

  it('trusts durable acknowledgements across a reconnect, but not the old server memory', () => {
    const doc = new Y.Doc()
    const tracker = createSaveTracker(doc)
    write(doc, 'a')
    tracker.observeServerState(new Map([[doc.clientID, 1]]))
    expect(tracker.hasUnsaved()).toBe(false)
    tracker.connectionLost()
    expect(tracker.hasUnsaved()).toBe(true)
    tracker.acknowledge([{ clientId: doc.clientID, clock: 1 }])
    tracker.connectionLost()
    expect(tracker.hasUnsaved()).toBe(false)
  })

  it('counts the whole state fetched before the socket as on the server, through its connecting', () => {
    const otherDevice = new Y.Doc()
    const notes = otherDevice.getMap<Y.Map<string>>('ideas')
    notes.set('from the laptop', new Y.Map<string>())
    const laptopNote = notes.get('from the laptop')?._item?.id as Y.ID
    const doc = new Y.Doc()
    const tracker = createSaveTracker(doc)
    const seen = tracker.confirmations()
    tracker.applyFetchedState(() => Y.applyUpdate(doc, Y.encodeStateAsUpdate(otherDevice)))
    expect(tracker.hasItem(laptopNote)).toBe(true)
    expect(tracker.hasUnsaved()).toBe(false)
    expect(tracker.confirmations()).toBeGreaterThan(seen)
    // The socket starts connecting only now: that forgets nothing the fetch taught.
    tracker.connectionLost()
    expect(tracker.hasUnsaved()).toBe(false)
    // Written before the server has spoken on the socket: not on the server yet.
    write(doc, 'written on the phone at once')
    expect(tracker.hasUnsaved()).toBe(true)
    expect(tracker.hasItem(laptopNote)).toBe(true)
    tracker.observeServerState(Y.decodeStateVector(Y.encodeStateVector(otherDevice)))
    expect(tracker.hasUnsaved()).toBe(true)
    tracker.acknowledge([{ clientId: doc.clientID, clock: Y.getState(doc.store, doc.clientID) }])
    expect(tracker.hasUnsaved()).toBe(false)
  })

  it('does not count a note written before the fetched state arrived as on the server', () => {
    const otherDevice = new Y.Doc()
    write(otherDevice, 'from the laptop')
    const doc = new Y.Doc()
    const tracker = createSaveTracker(doc)
    const early = doc.getMap<Y.Map<string>>('ideas')
    early.set('early', new Y.Map<string>())
    const earlyNote = early.get('early')?._item?.id as Y.ID
    tracker.applyFetchedState(() => Y.applyUpdate(doc, Y.encodeStateAsUpdate(otherDevice)))
    expect(tracker.hasItem(earlyNote)).toBe(false)
    expect(tracker.hasUnsaved()).toBe(true)
  })

  it('forgets what the fetch taught with the first connection on which the server spoke', () => {
    const otherDevice = new Y.Doc()
    write(otherDevice, 'from the laptop')
    const doc = new Y.Doc()
    const tracker = createSaveTracker(doc)
    tracker.applyFetchedState(() => Y.applyUpdate(doc, Y.encodeStateAsUpdate(otherDevice)))
    tracker.observeServerState(new Map())
    expect(tracker.hasUnsaved()).toBe(false)
    tracker.connectionLost()
    expect(tracker.hasUnsaved()).toBe(true)
  })

  describe('when the connection ends', () => {
    /** A note by another device, as the server relays it to us; its id. */
    const relayNote = (
      doc: Y.Doc,
      tracker: ReturnType<typeof createSaveTracker>,
      other: Y.Doc,
      text: string,
    ) => {
      const before = Y.encodeStateVector(doc)
      const note = new Y.Map<string>()
      other.getMap<Y.Map<string>>('ideas').set(text, note)
      const update = Y.encodeStateAsUpdate(other, before)
      Y.applyUpdate(doc, update)
      tracker.observeServerUpdate(update)
      return note._item?.id as Y.ID
    }

    /** A phone's tracker on a connection where the server has spoken, on a clock the test turns. */
    const connected = () => {
      const time = { now: 0 }
      const doc = new Y.Doc()
      const tracker = createSaveTracker(doc, () => time.now)
      tracker.observeServerState(new Map())
      return { time, doc, tracker, laptop: new Y.Doc() }
    }

    it('keeps as saved what the server showed longer ago than it takes to write it', () => {
      const { time, doc, tracker, laptop } = connected()
      const fromLaptop = relayNote(doc, tracker, laptop, 'my note from the laptop')
      time.now += SERVER_WRITES_WITHIN_MS
      tracker.connectionLost()
      expect(tracker.hasItem(fromLaptop)).toBe(true)
      expect(tracker.hasUnsaved()).toBe(false)
    })

    it('forgets what the server showed in its last moments: it may not have written it', () => {
      const { time, doc, tracker, laptop } = connected()
      const older = relayNote(doc, tracker, laptop, 'written a while ago')
      time.now += SERVER_WRITES_WITHIN_MS + 500
      const recent = relayNote(doc, tracker, laptop, 'written just now')
      time.now += 500
      tracker.connectionLost()
      expect(tracker.hasItem(older)).toBe(true)
      expect(tracker.hasItem(recent)).toBe(false)
      expect(tracker.hasUnsaved()).toBe(true)
      // The next connection's step 1 says the server has it after all.
      tracker.observeServerState(Y.decodeStateVector(Y.encodeStateVector(laptop)))
      expect(tracker.hasItem(recent)).toBe(true)
    })

    it('keeps the fetched whole state once the server has held it long enough', () => {
      let clock = 0
      const laptop = new Y.Doc()
      const notes = laptop.getMap<Y.Map<string>>('ideas')
      notes.set('from the laptop', new Y.Map<string>())
      const laptopNote = notes.get('from the laptop')?._item?.id as Y.ID
      const doc = new Y.Doc()
      const tracker = createSaveTracker(doc, () => clock)
      tracker.applyFetchedState(() => Y.applyUpdate(doc, Y.encodeStateAsUpdate(laptop)))
      tracker.observeServerState(Y.decodeStateVector(Y.encodeStateVector(laptop)))
      clock += 60_000
      tracker.connectionLost()
      expect(tracker.hasItem(laptopNote)).toBe(true)
      expect(tracker.hasUnsaved()).toBe(false)
    })
  })
})
