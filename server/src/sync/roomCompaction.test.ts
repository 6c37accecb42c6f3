import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { destroyRooms, fakePeer, room } from '../testing/roomFixture.js'
import { addNotes, notesUpdate, noteTexts, wire } from '../testing/sync.js'
import { DEFAULT_LIMITS } from './roomLimits.js'

afterEach(destroyRooms)

/** About 4 KB of notes in one update. */
const large = (text: string) => Array.from({ length: 8 }, () => text.repeat(450))

/** One turn of the event loop: a compaction the room asked for has begun by then. */
const turn = () => new Promise((resolve) => setImmediate(resolve))

/** A board of `notes` notes of `chars` characters each, encoded whole (as a stored snapshot). */
function boardState(notes: number, chars: number): Uint8Array {
  const doc = new Y.Doc()
  addNotes(
    doc,
    Array.from({ length: notes }, (_, i) => `${i} `.padEnd(chars, 'x')),
  )
  return Y.encodeStateAsUpdate(doc)
}

/** A room loaded with a stored board, and a writer in it. */
function loadedRoom(snapshot: Uint8Array, limits = {}) {
  const fixture = room(limits)
  fixture.room.hydrate(snapshot, [], 0)
  const writer = fakePeer()
  fixture.room.attach(writer)
  const write = (texts: string[]) => {
    const update = notesUpdate(texts)
    fixture.room.receive(writer, wire.update(update))
    return update.byteLength
  }
  return { ...fixture, write }
}

describe('when a room compacts', () => {
  it('waits on a large board until the log holds as many bytes as the document', async () => {
    const snapshot = boardState(400, 500)
    const { room: r, compacted, write } = loadedRoom(snapshot)
    const documentBytes = Y.encodeStateAsUpdate(r.doc).byteLength
    expect(documentBytes).toBeGreaterThan(DEFAULT_LIMITS.compactAfterBytesFloor)

    // 600 small edits: past the old fixed count (500), below the document's size.
    let logBytes = 0
    for (let i = 0; i < 600; i++) logBytes += write([`edit ${i}`])
    await turn()
    expect(compacted).toHaveLength(0)
    expect(logBytes).toBeLessThan(documentBytes)

    // Larger notes until the log reaches the document's size: the update that does starts it.
    while (logBytes < documentBytes) {
      expect(compacted).toHaveLength(0)
      logBytes += write(large('y'))
      await turn()
    }
    expect(compacted).toHaveLength(1)
    const copy = new Y.Doc()
    Y.applyUpdate(copy, compacted[0] as Uint8Array)
    expect(noteTexts(copy)).toEqual(noteTexts(r.doc))
    expect(noteTexts(copy)).toContain('edit 599')
  })

  it('judges the log against the document as measured at its last compaction', async () => {
    const { room: r, compacted, write } = loadedRoom(boardState(200, 500))
    let logBytes = 0
    while (compacted.length === 0) {
      logBytes += write(large('z'))
      await turn()
    }
    const compactedBytes = (compacted[0] as Uint8Array).byteLength
    expect(compactedBytes).toBeGreaterThan(logBytes)
    // The document grew by the log it folded: the next compaction waits for that much more.
    logBytes = 0
    while (logBytes + 5_000 < compactedBytes) {
      logBytes += write(large('w'))
      await turn()
    }
    expect(compacted).toHaveLength(1)
    await r.settle()
    expect(compacted).toHaveLength(2)
  })

  it('compacts a small board after its floor of log bytes, whatever the count', async () => {
    const { compacted, write } = loadedRoom(boardState(10, 100))
    let logBytes = 0
    while (logBytes < DEFAULT_LIMITS.compactAfterBytesFloor - 4_200) {
      logBytes += write(large('v'))
      await turn()
    }
    expect(compacted).toHaveLength(0)
    write(large('v'))
    write(large('v'))
    await turn()
    expect(compacted).toHaveLength(1)
  })

  it('compacts after the backstop count of updates however small they are', async () => {
    const { compacted, write } = loadedRoom(boardState(10, 100), { compactAfterUpdates: 50 })
    for (let i = 0; i < 49; i++) write([`${i}`])
    await turn()
    expect(compacted).toHaveLength(0)
    write(['the 50th'])
    await turn()
    expect(compacted).toHaveLength(1)
  })

  it('asked to compact soon, folds even a short log, and again after a running one', async () => {
    const { room: r, compacted, store, write } = loadedRoom(boardState(10, 100))
    write(['a note to withhold'])
    // A compaction that is under way when the request comes encoded the document before it.
    let finish = () => {}
    const compact = store.compact
    store.compact = (name, state) =>
      new Promise<void>((resolve) => {
        finish = () => compact(name, state).then(resolve)
      })
    const running = r.compact()
    write(['written while it ran'])
    r.compactSoon()
    await turn()
    expect(compacted).toHaveLength(0)
    store.compact = compact
    finish()
    await running
    await turn()
    await turn()
    expect(compacted).toHaveLength(2)
    const copy = new Y.Doc()
    Y.applyUpdate(copy, compacted[1] as Uint8Array)
    expect(noteTexts(copy)).toContain('written while it ran')
  })
})
