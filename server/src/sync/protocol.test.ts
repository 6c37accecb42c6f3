import { MESSAGE_SAVED } from '@hytepaja/shared/protocol/saved'
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import { describe, expect, it } from 'vitest'
import * as awarenessProtocol from 'y-protocols/awareness'
import * as syncProtocol from 'y-protocols/sync'
import * as Y from 'yjs'
import { addNotes, notesUpdate, noteTexts, wire } from '../testing/sync.js'
import {
  BadFrame,
  decodeFrame,
  encodeAwareness,
  encodeAwarenessEntries,
  encodeSaved,
  encodeSyncStep1,
  encodeSyncStep2,
  encodeUpdate,
  savedClocks,
} from './protocol.js'
import { readUpdateHeaders } from './updateHeaders.js'

const namedBy = (update: Uint8Array) => readUpdateHeaders(update).named

function docWith(texts: string[]): Y.Doc {
  const doc = new Y.Doc()
  addNotes(doc, texts)
  return doc
}

describe('decodeFrame on what y-websocket clients send', () => {
  it('reads sync step 1 with its state vector', () => {
    const doc = docWith(['a'])
    const encoder = encoding.createEncoder()
    encoding.writeVarUint(encoder, 0)
    syncProtocol.writeSyncStep1(encoder, doc)
    const message = decodeFrame(encoding.toUint8Array(encoder))
    expect(message).toEqual({ type: 'syncStep1', stateVector: Y.encodeStateVector(doc) })
  })

  it('reads sync step 2 and update alike, as an update to apply', () => {
    const doc = docWith(['a', 'b'])
    const step2 = encoding.createEncoder()
    encoding.writeVarUint(step2, 0)
    syncProtocol.writeSyncStep2(step2, doc)
    const update = notesUpdate(['c'])
    for (const [frame, payload] of [
      [encoding.toUint8Array(step2), Y.encodeStateAsUpdate(doc)],
      [wire.update(update), update],
    ] as const) {
      const message = decodeFrame(frame)
      expect(message).toMatchObject({ type: 'update', update: payload })
    }
  })

  it('tells which roots and root-map keys an update writes, without applying it', () => {
    const base = docWith(['a'])
    const doc = new Y.Doc()
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(base))
    const before = Y.encodeStateVector(doc)
    doc.getMap('ideas').set('new-note', 1)
    doc.getArray('junk').push(['x'])
    doc.getText('more').insert(0, 'y')
    const message = decodeFrame(wire.update(Y.encodeStateAsUpdate(doc, before)))
    expect(message.type === 'update' && message.writes).toEqual({
      roots: new Set(['ideas', 'junk', 'more']),
      keys: new Map([['ideas', new Set(['new-note'])]]),
    })
  })

  it('reads awareness with the client, clock and removal of every entry', () => {
    const doc = new Y.Doc()
    const awareness = new awarenessProtocol.Awareness(doc)
    awareness.setLocalState({ user: { name: 'Aino' } })
    const update = awarenessProtocol.encodeAwarenessUpdate(awareness, [doc.clientID])
    expect(decodeFrame(wire.awarenessRaw(update))).toEqual({
      type: 'awareness',
      update,
      clients: [doc.clientID],
      entries: [
        {
          client: doc.clientID,
          clock: 1,
          removed: false,
          state: '{"user":{"name":"Aino"}}',
          value: { user: { name: 'Aino' } },
        },
      ],
    })
    awareness.setLocalState(null)
    const removal = awarenessProtocol.encodeAwarenessUpdate(awareness, [doc.clientID])
    expect(decodeFrame(wire.awarenessRaw(removal))).toMatchObject({
      entries: [{ client: doc.clientID, clock: 2, removed: true, state: 'null' }],
    })
    awareness.destroy()
  })

  it('reads a query for awareness', () => {
    expect(decodeFrame(wire.queryAwareness())).toEqual({ type: 'queryAwareness' })
  })

  it('reads the empty update a client sends when it has nothing new', () => {
    const message = decodeFrame(wire.syncStep2(Y.encodeStateAsUpdate(new Y.Doc())))
    expect(message.type).toBe('update')
  })
})

describe('decodeFrame on garbage', () => {
  const notJson = wire.awarenessRaw(
    wire.build((e) => {
      encoding.writeVarUint(e, 1)
      encoding.writeVarUint(e, 5)
      encoding.writeVarUint(e, 1)
      encoding.writeVarString(e, '{"unterminated": ')
    }),
  )
  const cases: Array<[string, Uint8Array]> = [
    ['an empty frame', new Uint8Array([])],
    ['a lone sync type', new Uint8Array([0])],
    ['a sync message without payload', new Uint8Array([0, 2])],
    ['a length prefix past the end of the frame', new Uint8Array([0, 2, 100, 1, 2, 3])],
    ['a varint that never ends', new Uint8Array(12).fill(0xff)],
    ['an unknown message type', new Uint8Array([7])],
    ['the auth message (clients may not send it)', new Uint8Array([2, 0])],
    ['an unknown sync message type', new Uint8Array([0, 3, 1, 0])],
    ['an update that is not a Yjs update', wire.update(new TextEncoder().encode('hello world'))],
    ['a step 2 that is not a Yjs update', wire.syncStep2(new Uint8Array([1, 2, 3]))],
    ['an update cut short', wire.update(notesUpdate(['x']).slice(0, 10))],
    ['a state vector that does not decode', wire.syncStep1(new Uint8Array([3, 1]))],
    ['awareness without an update', new Uint8Array([1])],
    [
      'awareness that promises more entries than it has',
      wire.awarenessRaw(new Uint8Array([3, 1, 1])),
    ],
    ['awareness whose state is not JSON', notJson],
  ]

  it.each(cases)('refuses %s with BadFrame', (_what, frame) => {
    expect(() => decodeFrame(frame)).toThrow(BadFrame)
  })
})

describe('encoders', () => {
  it('answers sync step 1 with exactly the missing part', () => {
    const server = docWith(['old'])
    const client = new Y.Doc()
    Y.applyUpdate(client, Y.encodeStateAsUpdate(server))
    addNotes(server, ['new'])
    const reply = decoding.createDecoder(encodeSyncStep2(server, Y.encodeStateVector(client)))
    expect(decoding.readVarUint(reply)).toBe(0)
    expect(decoding.readVarUint(reply)).toBe(syncProtocol.messageYjsSyncStep2)
    Y.applyUpdate(client, decoding.readVarUint8Array(reply))
    expect(noteTexts(client)).toEqual(['new', 'old'])
  })

  it('frames sync step 1 and updates the way y-protocols reads them', () => {
    const doc = docWith(['a'])
    expect(decodeFrame(encodeSyncStep1(doc))).toEqual({
      type: 'syncStep1',
      stateVector: Y.encodeStateVector(doc),
    })
    const update = notesUpdate(['b'])
    expect(decodeFrame(encodeUpdate(update))).toMatchObject({ type: 'update', update })
  })

  it('encodes awareness entries the way y-protocols does', () => {
    const a = new awarenessProtocol.Awareness(new Y.Doc())
    a.setLocalState({ name: 'a' })
    const update = awarenessProtocol.encodeAwarenessUpdate(a, [a.clientID])
    const message = decodeFrame(wire.awarenessRaw(update))
    if (message.type !== 'awareness') throw new Error('not awareness')
    expect(encodeAwarenessEntries(message.entries)).toEqual(update)
    const frame = encodeAwareness(a, [a.clientID])
    expect(decodeFrame(frame)).toMatchObject({ clients: [a.clientID] })
    a.doc.destroy()
  })

  it('acknowledges saved updates with the clock of each client', () => {
    const doc = docWith(['a', 'b'])
    const decoder = decoding.createDecoder(
      encodeSaved(savedClocks(doc, namedBy(Y.encodeStateAsUpdate(doc)))),
    )
    expect(decoding.readVarUint(decoder)).toBe(MESSAGE_SAVED)
    expect(decoding.readVarUint(decoder)).toBe(1)
    expect(decoding.readVarUint(decoder)).toBe(doc.clientID)
    expect(decoding.readVarUint(decoder)).toBe(Y.getState(doc.store, doc.clientID))
  })

  it('acknowledges an incremental update up to the document’s state of its client', () => {
    const client = new Y.Doc()
    const server = new Y.Doc()
    const updates: Uint8Array[] = []
    client.on('update', (u: Uint8Array) => updates.push(u))
    addNotes(client, ['first', 'second', 'third'])
    for (const u of updates) Y.applyUpdate(server, u)
    expect(updates).toHaveLength(3)
    expect(savedClocks(server, namedBy(updates[2] as Uint8Array))).toEqual(
      new Map([[client.clientID, Y.getState(client.store, client.clientID)]]),
    )
  })

  it('does not acknowledge what Yjs holds back for a missing earlier update', () => {
    const client = new Y.Doc()
    const server = new Y.Doc()
    const updates: Uint8Array[] = []
    client.on('update', (u: Uint8Array) => updates.push(u))
    addNotes(client, ['first', 'second'])
    Y.applyUpdate(server, updates[1] as Uint8Array)
    expect(savedClocks(server, namedBy(updates[1] as Uint8Array))).toEqual(
      new Map([[client.clientID, 0]]),
    )
  })
})
