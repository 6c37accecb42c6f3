import { boardDocName } from '@hytepaja/shared/doc/names'
import { afterEach, describe, expect, it } from 'vitest'
import { createTestEvent } from '../testing/accessFixture.js'
import {
  addNotes,
  Clients,
  noteTexts,
  readStoredDoc,
  startSyncServer,
  storedRows,
  type TestServer,
  waitFor,
} from '../testing/sync.js'

const clients = new Clients()
const servers: TestServer[] = []

afterEach(async () => {
  clients.destroyAll()
  await Promise.all(servers.splice(0).map((s) => s.dispose()))
})

const texts = (prefix: string, count: number, chars = 0) =>
  Array.from({ length: count }, (_, i) => `${prefix} ${i}`.padEnd(chars, '.'))

describe('compaction judged against the document’s size, on the real store', () => {
  it('keeps a large board’s small edits in the log, folds at its size, loads every edit', async () => {
    const first = await startSyncServer()
    servers.push(first)
    const event = await createTestEvent(first)
    const groupId = event.groups[0]?.id as string
    const token = event.tokens.facilitators[groupId] as string
    const board = boardDocName(event.id, groupId)
    const writer = clients.connect(first, board, token)
    await writer.synced()
    const room = await first.ctx.rooms.loaded(board)
    if (!room) throw new Error('the board is not loaded')
    const written: string[] = []
    const write = async (batch: string[]) => {
      for (const text of batch) addNotes(writer.doc, [text])
      written.push(...batch)
      await waitFor(() => noteTexts(room.doc).length === written.length, 'the server to catch up')
      await first.ctx.docs.flush()
    }

    await write(texts('large', 500, 450))
    await room.compact()
    const large = storedRows(first.dataDir, board)
    expect(large.updates).toBe(0)
    expect(large.snapshotBytes).toBeGreaterThan(200_000)

    // 600 small edits (the old rule compacted after 500): their bytes are far below the board's.
    await write(texts('small', 600))
    const afterSmall = storedRows(first.dataDir, board)
    // (The board's rules may add an update of their own to a note.)
    expect(afterSmall.updates).toBeGreaterThanOrEqual(600)
    expect(afterSmall.snapshotBytes).toBe(large.snapshotBytes)

    // Larger notes until the log reaches the board's size: then it is folded, not before.
    let logBytes = afterSmall.updateBytes
    let bigNotes = 0
    while (storedRows(first.dataDir, board).snapshotBytes === large.snapshotBytes) {
      logBytes = storedRows(first.dataDir, board).updateBytes
      expect(logBytes).toBeLessThan(large.snapshotBytes)
      await write(texts(`big ${bigNotes}`, 10, 450))
      bigNotes += 10
    }
    // Each batch of ten adds about 6 KB: the fold came within two of the board's size.
    expect(logBytes).toBeGreaterThan(large.snapshotBytes - 12_000)

    // What the store holds (snapshot and log) replays into every note, and so does a restart.
    await write(texts('after', 50))
    expect(storedRows(first.dataDir, board).updates).toBeGreaterThan(0)
    expect(noteTexts(readStoredDoc(first.dataDir, board))).toEqual([...written].sort())
    writer.destroy()
    await first.dispose({ keepData: true })
    const second = await startSyncServer({}, first.dataDir)
    servers.push(second)
    const reader = clients.connect(second, board, token)
    await reader.synced()
    expect(noteTexts(reader.doc)).toEqual([...written].sort())
  })
})
