import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { createTestDatabase } from '../testing/postgres.js'
import { docOf, havePostgres, rowCount, storeBackends, storesOn } from '../testing/storeBackends.js'
import { addNotes, notesUpdate, noteTexts } from '../testing/sync.js'
import { createDocStore } from './docStore.js'
import { migrate } from './migrations.js'
import { openPostgres } from './postgres.js'
import type { SqlDb } from './sql.js'

// Compaction: the log folded into one snapshot, with what is pending, what was deleted and
// what another instance wrote meanwhile.

describe.each(storeBackends)('the $name store', (backend) => {
  const skip = backend.name === 'postgres' && !havePostgres
  const { open, cleanups } = storesOn(backend)

  describe.skipIf(skip)('DocStore', () => {
    it('compacts the log into one snapshot and keeps later updates after it', async () => {
      const { store, db } = await open({ flushIntervalMs: 10 })
      const live = new Y.Doc()
      live.on('update', (u: Uint8Array) => store.append('board:e:a', u))
      for (let i = 0; i < 20; i++) addNotes(live, [`note ${i}`])
      await store.written('board:e:a')
      expect(await rowCount(db, 'doc_update', 'board:e:a')).toBeGreaterThan(0)

      await store.compact('board:e:a', Y.encodeStateAsUpdate(live))
      expect(await rowCount(db, 'doc_update', 'board:e:a')).toBe(0)
      expect(await rowCount(db, 'doc_snapshot', 'board:e:a')).toBe(1)
      addNotes(live, ['after the snapshot'])
      await store.written('board:e:a')
      const stored = await store.load('board:e:a')
      expect(stored.snapshot).not.toBeNull()
      expect(stored.updates).toHaveLength(1)
      expect(noteTexts(docOf(stored))).toEqual(noteTexts(live))
    })

    it('writes a document’s pending updates with its compaction', async () => {
      const { store, db } = await open({ flushIntervalMs: 60_000 })
      const live = new Y.Doc()
      live.on('update', (u: Uint8Array) => store.append('board:e:a', u))
      addNotes(live, ['pending', 'also pending'])
      store.append('board:e:other', notesUpdate(['another document']))
      await store.compact('board:e:a', Y.encodeStateAsUpdate(live))
      expect(await rowCount(db, 'doc_update', 'board:e:a')).toBe(0)
      expect(noteTexts(docOf(await store.load('board:e:a')))).toEqual(['also pending', 'pending'])
      // Another document's pending update is not touched by this compaction.
      expect(await rowCount(db, 'doc_update', 'board:e:other')).toBe(0)
      await store.flush()
      expect(await rowCount(db, 'doc_update', 'board:e:other')).toBe(1)
    })

    it('resolves written() for pending updates that a compaction wrote', async () => {
      const { store } = await open({ flushIntervalMs: 60_000 })
      const live = new Y.Doc()
      live.on('update', (u: Uint8Array) => store.append('board:e:a', u))
      addNotes(live, ['pending'])
      let resolved = false
      const written = store.written('board:e:a').then(() => {
        resolved = true
      })
      await store.compact('board:e:a', Y.encodeStateAsUpdate(live))
      await Promise.race([written, new Promise((r) => setTimeout(r, 1_000))])
      expect(resolved).toBe(true)
    })

    it('garbage-collects deleted content when compacting', async () => {
      const { store } = await open({ flushIntervalMs: 10 })
      const live = new Y.Doc({ gc: true })
      live.on('update', (u: Uint8Array) => store.append('board:e:a', u))
      const text = live.getText('t')
      for (let i = 0; i < 100; i++) text.insert(0, 'x'.repeat(500))
      text.delete(0, text.length)
      await store.written('board:e:a')
      const log = await store.load('board:e:a')
      // Merging the log keeps every deleted character; the live gc document keeps none.
      expect(Y.mergeUpdates(log.updates).byteLength).toBeGreaterThan(50_000)
      await store.compact('board:e:a', Y.encodeStateAsUpdate(live))
      const compacted = await store.load('board:e:a')
      expect(compacted.updates).toEqual([])
      // What is left is the structure of 100 deleted insertions, about ten bytes each.
      expect(compacted.snapshot?.byteLength).toBeLessThan(2_000)
      expect(docOf(compacted).getText('t').toString()).toBe('')
    })

    it('keeps another instance’s updates that the compacting document does not have yet', async () => {
      const { store: storeA, database } = await open({ flushIntervalMs: 10, sharedLog: true })
      const rawB = database.connect()
      cleanups.push(() => rawB.close())
      const storeB = createDocStore(rawB, { flushIntervalMs: 10, sharedLog: true })
      cleanups.push(() => storeB.close())
      // Two instances, each with its own live copy; the bus has not brought B's note to A yet.
      const liveA = new Y.Doc()
      const liveB = new Y.Doc()
      liveA.on('update', (u: Uint8Array) => storeA.append('board:e:a', u))
      liveB.on('update', (u: Uint8Array) => storeB.append('board:e:a', u))
      addNotes(liveB, ['from B, before'])
      await storeB.written('board:e:a')
      addNotes(liveA, ['from A'])

      await storeA.compact('board:e:a', Y.encodeStateAsUpdate(liveA))
      expect(noteTexts(liveA)).toEqual(['from A'])
      expect(noteTexts(docOf(await storeA.load('board:e:a')))).toEqual(['from A', 'from B, before'])

      // B compacts next with a copy that lacks A's note, which is in A's snapshot alone now.
      addNotes(liveB, ['from B, after'])
      await storeB.compact('board:e:a', Y.encodeStateAsUpdate(liveB))
      const stored = await storeB.load('board:e:a')
      expect(stored.updates).toEqual([])
      expect(noteTexts(docOf(stored))).toEqual(['from A', 'from B, after', 'from B, before'])
    })
  })
})

describe.skipIf(!havePostgres)('the postgres store shared by several instances', () => {
  it('loads a complete document while another instance compacts it', async () => {
    const database = await createTestDatabase()
    const loaderDb = openPostgres(database.url)
    const compactorDb = openPostgres(database.url)
    try {
      await migrate(loaderDb)
      const compactor = createDocStore(compactorDb, { flushIntervalMs: 10 })
      const live = new Y.Doc()
      live.on('update', (u: Uint8Array) => compactor.append('board:e:a', u))
      addNotes(live, ['one', 'two', 'three'])
      await compactor.written('board:e:a')

      // The compaction commits between the loader's two reads.
      let compacted = false
      const between: SqlDb = {
        ...loaderDb,
        transaction: (fn) =>
          loaderDb.transaction((tx) =>
            fn({
              ...tx,
              async all(sql, params) {
                const rows = await tx.all(sql, params)
                if (!compacted) {
                  compacted = true
                  await compactor.compact('board:e:a', Y.encodeStateAsUpdate(live))
                }
                return rows as never
              },
            }),
          ),
      }
      const loader = createDocStore(between)
      const loaded = await loader.load('board:e:a')
      expect(compacted).toBe(true)
      expect(noteTexts(docOf(loaded))).toEqual(['one', 'three', 'two'])
      await loader.close()
      await compactor.close()
    } finally {
      await loaderDb.close()
      await compactorDb.close()
      await database.drop()
    }
  })
})
