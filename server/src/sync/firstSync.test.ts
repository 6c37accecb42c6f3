import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { destroyRooms, fakePeer, room } from '../testing/roomFixture.js'
import {
  addNotes,
  Clients,
  notesUpdate,
  noteTexts,
  startWithEvent,
  type TestServer,
  waitFor,
  wire,
} from '../testing/sync.js'
import { FirstSync } from './firstSync.js'
import { decodeFrame } from './protocol.js'

const clients = new Clients()
const servers: TestServer[] = []

afterEach(async () => {
  destroyRooms()
  clients.destroyAll()
  await Promise.all(servers.splice(0).map((s) => s.dispose()))
})

/** What a reader holds after applying the answer to its sync step 1. */
function readAnswer(frame: Uint8Array): string[] {
  const message = decodeFrame(frame)
  if (message.type !== 'update') throw new Error(`expected sync step 2, got ${message.type}`)
  const doc = new Y.Doc()
  Y.applyUpdate(doc, message.update)
  const texts = noteTexts(doc)
  doc.destroy()
  return texts
}

const EMPTY = Y.encodeStateVector(new Y.Doc())

describe('the first sync of a joiner', () => {
  it('shows every joiner the board as it is when they join, edits since the last joiner included', async () => {
    const ctx = await startWithEvent()
    servers.push(ctx.server)
    const writer = clients.connect(ctx.server, ctx.board, ctx.facilitator)
    await writer.synced()
    addNotes(
      writer.doc,
      Array.from({ length: 200 }, (_, i) => `note ${i}`),
    )

    // The writer stays connected, so the room (and what it keeps for joiners) stays loaded.
    const first = clients.connect(ctx.server, ctx.board, ctx.facilitator)
    await waitFor(() => noteTexts(first.doc).length === 200, 'the first joiner to see 200 notes')
    const second = clients.connect(ctx.server, ctx.board, ctx.facilitator)
    await waitFor(() => noteTexts(second.doc).length === 200, 'the second joiner to see 200 notes')

    addNotes(writer.doc, ['written after two joins'])
    await waitFor(
      () => noteTexts(first.doc).includes('written after two joins'),
      'the first joiner to get the new note live',
    )
    const third = clients.connect(ctx.server, ctx.board, ctx.facilitator)
    await third.synced()
    expect(noteTexts(third.doc)).toHaveLength(201)
    expect(noteTexts(third.doc)).toContain('written after two joins')
  })

  it('answers a joiner after any update with that update in it, from whichever origin', () => {
    const { room: r } = room()
    const joiner = fakePeer(false)
    r.attach(joiner)
    const answer = () => {
      r.receive(joiner, wire.syncStep1(EMPTY))
      return joiner.frames.at(-1) as Uint8Array
    }
    addNotes(r.doc, ['first'])
    expect(readAnswer(answer())).toEqual(['first'])
    // The same answer while nothing changed.
    expect(answer()).toBe(answer())

    // A server command, another instance, a peer (its update kept as sent): each changes it.
    r.doc.transact(() => addNotes(r.doc, ['from a command']), 'command')
    expect(readAnswer(answer())).toEqual(['first', 'from a command'])
    r.applyRemoteUpdate(notesUpdate(['from another instance']))
    expect(readAnswer(answer())).toEqual(['first', 'from a command', 'from another instance'])
    const writer = fakePeer()
    r.attach(writer)
    r.receive(writer, wire.update(notesUpdate(['from a peer'])))
    expect(readAnswer(answer())).toEqual([
      'first',
      'from a command',
      'from a peer',
      'from another instance',
    ])
  })

  it("greets every joiner with the room's state vector as it is when they join", () => {
    const { room: r } = room()
    const stateVectorSent = (joiner: ReturnType<typeof fakePeer>) => {
      const message = decodeFrame(joiner.frames[0] as Uint8Array)
      if (message.type !== 'syncStep1') throw new Error(`expected sync step 1, got ${message.type}`)
      return Y.decodeStateVector(message.stateVector)
    }
    const joinNow = () => {
      const joiner = fakePeer(false)
      r.attach(joiner)
      return stateVectorSent(joiner)
    }
    addNotes(r.doc, ['first'])
    expect(joinNow()).toEqual(Y.decodeStateVector(Y.encodeStateVector(r.doc)))
    expect(joinNow()).toEqual(Y.decodeStateVector(Y.encodeStateVector(r.doc)))
    // A server command, another instance, a peer (its update kept as sent): each changes it.
    r.doc.transact(() => addNotes(r.doc, ['from a command']), 'command')
    expect(joinNow()).toEqual(Y.decodeStateVector(Y.encodeStateVector(r.doc)))
    r.applyRemoteUpdate(notesUpdate(['from another instance']))
    expect(joinNow()).toEqual(Y.decodeStateVector(Y.encodeStateVector(r.doc)))
    const writer = fakePeer()
    r.attach(writer)
    r.receive(writer, wire.update(notesUpdate(['from a peer'])))
    const after = joinNow()
    expect(after).toEqual(Y.decodeStateVector(Y.encodeStateVector(r.doc)))
    // The room's own client (the notes and the command), another instance's, the peer's.
    expect(after.size).toBe(3)
  })

  it('sends a reconnecting reader only what it lacks', () => {
    const doc = new Y.Doc()
    const answers = new FirstSync(doc)
    addNotes(doc, ['seen before'])
    const reader = new Y.Doc()
    Y.applyUpdate(reader, Y.encodeStateAsUpdate(doc))
    addNotes(doc, ['new while away'])

    const message = decodeFrame(answers.answer(Y.encodeStateVector(reader)))
    if (message.type !== 'update') throw new Error('expected sync step 2')
    expect(message.update.byteLength).toBeLessThan(Y.encodeStateAsUpdate(doc).byteLength)
    Y.applyUpdate(reader, message.update)
    expect(noteTexts(reader)).toEqual(['new while away', 'seen before'])
    answers.destroy()
    doc.destroy()
    reader.destroy()
  })
})
