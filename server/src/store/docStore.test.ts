import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { docOf, havePostgres, rowCount, storeBackends, storesOn } from '../testing/storeBackends.js'
import { notesUpdate, noteTexts } from '../testing/sync.js'
import { createDocStore } from './docStore.js'

// Writing: batched appends, retries after a failed transaction, flush and close, deletion.
// Compaction is in docStoreCompaction.test.ts.

describe.each(storeBackends)('the $name store', (backend) => {
  const skip = backend.name === 'postgres' && !havePostgres
  const { open } = storesOn(backend)

  describe.skipIf(skip)('DocStore', () => {
    it('commits the updates appended within one interval in one transaction', async () => {
      const { store, stats, db } = await open({ flushIntervalMs: 50 })
      const names = ['board:e:a', 'board:e:b', 'proposal:e:a:decision']
      for (let i = 0; i < 10; i++) {
        store.append(names[i % 3] as string, notesUpdate([`note ${i}`]))
      }
      await Promise.all(names.map((n) => store.written(n)))
      expect(stats.transactions).toBe(1)
      // SQLite: one row per update (an insert costs less than merging them); PostgreSQL: one
      // merged row per document (each insert is a round trip).
      for (const name of names) {
        expect(await rowCount(db, 'doc_update', name)).toBe(
          backend.name === 'sqlite' ? [4, 3, 3][names.indexOf(name)] : 1,
        )
      }
      const texts = await Promise.all(names.map(async (n) => noteTexts(docOf(await store.load(n)))))
      expect(texts.flat().sort()).toEqual(Array.from({ length: 10 }, (_, i) => `note ${i}`).sort())
    })

    it('retries a failed write and loses nothing', async () => {
      const { store, stats, db, errors } = await open({ flushIntervalMs: 20 })
      stats.failNext = true
      store.append('board:e:a', notesUpdate(['first']))
      store.append('board:e:b', notesUpdate(['second']))
      await Promise.all([store.written('board:e:a'), store.written('board:e:b')])
      expect(errors).toHaveLength(1)
      expect(stats.transactions).toBeGreaterThanOrEqual(2)
      // The failed transaction rolled back: exactly one row each, from the retry.
      expect(await rowCount(db, 'doc_update', 'board:e:a')).toBe(1)
      expect(await rowCount(db, 'doc_update', 'board:e:b')).toBe(1)
      expect(noteTexts(docOf(await store.load('board:e:a')))).toEqual(['first'])
      expect(noteTexts(docOf(await store.load('board:e:b')))).toEqual(['second'])
    })

    it('keeps updates appended while a failed batch waits for its retry', async () => {
      const { store, stats } = await open({ flushIntervalMs: 20 })
      stats.failNext = true
      store.append('board:e:a', notesUpdate(['one']))
      const first = store.written('board:e:a')
      store.append('board:e:a', notesUpdate(['two']))
      await first
      store.append('board:e:a', notesUpdate(['three']))
      await store.written('board:e:a')
      expect(noteTexts(docOf(await store.load('board:e:a')))).toEqual(['one', 'three', 'two'])
    })

    it('reads its own pending updates on load', async () => {
      const { store } = await open({ flushIntervalMs: 60_000 })
      store.append('board:e:a', notesUpdate(['not yet flushed']))
      expect(noteTexts(docOf(await store.load('board:e:a')))).toEqual(['not yet flushed'])
    })

    it('writes everything pending on flush and on close', async () => {
      const { store, db, raw } = await open({ flushIntervalMs: 60_000 })
      store.append('board:e:a', notesUpdate(['flushed']))
      await store.flush('board:e:a')
      expect(await rowCount(db, 'doc_update', 'board:e:a')).toBe(1)
      store.append('board:e:b', notesUpdate(['closed']))
      await store.close()
      const other = createDocStore(raw)
      expect(noteTexts(docOf(await other.load('board:e:b')))).toEqual(['closed'])
      await other.close()
    })

    it('deletes documents by prefix, pending updates included, and nothing else', async () => {
      const { store, db } = await open({ flushIntervalMs: 60_000 })
      for (const name of ['event:a', 'board:a:x', 'board:b:y', 'board:ab:z']) {
        store.append(name, notesUpdate([name]))
      }
      await store.flush()
      await store.compact('board:a:x', Y.encodeStateAsUpdate(docOf(await store.load('board:a:x'))))
      store.append('board:a:x', notesUpdate(['pending when deleted']))
      await store.deleteDocs(['event:a', 'board:a:'])
      await store.flush()
      for (const name of ['event:a', 'board:a:x']) {
        expect(await rowCount(db, 'doc_update', name)).toBe(0)
        expect(await rowCount(db, 'doc_snapshot', name)).toBe(0)
        expect(await store.load(name)).toEqual({ snapshot: null, updates: [], tailBytes: 0 })
      }
      expect(noteTexts(docOf(await store.load('board:b:y')))).toEqual(['board:b:y'])
      expect(noteTexts(docOf(await store.load('board:ab:z')))).toEqual(['board:ab:z'])
    })

    it('resolves written() at once for a document with nothing pending', async () => {
      const { store } = await open({ flushIntervalMs: 60_000 })
      await expect(store.written('board:e:none')).resolves.toBeUndefined()
    })
  })
})
