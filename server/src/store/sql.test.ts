import { describe, expect, it } from 'vitest'
import { havePostgres, rowCount, storeBackends, storesOn } from '../testing/storeBackends.js'

// What the store asks of both databases: blobs kept exactly, transactions that roll back and
// keep other statements out.

describe.each(storeBackends)('the $name store', (backend) => {
  const skip = backend.name === 'postgres' && !havePostgres
  const { open } = storesOn(backend)

  describe.skipIf(skip)('SqlDb', () => {
    it('stores blobs byte for byte', async () => {
      const { raw } = await open()
      const bytes = new Uint8Array(256).map((_, i) => i)
      const view = new Uint8Array(bytes.buffer, 16, 32)
      await raw.run('INSERT INTO doc_update (name, data) VALUES (?, ?)', ['a', bytes])
      await raw.run('INSERT INTO doc_update (name, data) VALUES (?, ?)', ['b', view])
      const rows = await raw.all<{ name: string; data: Uint8Array }>(
        'SELECT name, data FROM doc_update ORDER BY seq',
      )
      expect(new Uint8Array(rows[0]?.data as Uint8Array)).toEqual(bytes)
      expect(new Uint8Array(rows[1]?.data as Uint8Array)).toEqual(new Uint8Array(view))
    })

    it('rolls a transaction back when its function throws', async () => {
      const { raw } = await open()
      await expect(
        raw.transaction(async (tx) => {
          await tx.run('INSERT INTO doc_update (name, data) VALUES (?, ?)', [
            'a',
            new Uint8Array([1]),
          ])
          throw new Error('no')
        }),
      ).rejects.toThrow('no')
      expect(await rowCount(raw, 'doc_update', 'a')).toBe(0)
      const { changes } = await raw.run('INSERT INTO doc_update (name, data) VALUES (?, ?)', [
        'a',
        new Uint8Array([1]),
      ])
      expect(changes).toBe(1)
    })

    it('keeps other callers’ statements out of an open transaction', async () => {
      const { raw } = await open()
      let release: () => void = () => undefined
      const gate = new Promise<void>((resolve) => {
        release = resolve
      })
      const tx = raw.transaction(async (t) => {
        await t.run('INSERT INTO doc_update (name, data) VALUES (?, ?)', [
          'in',
          new Uint8Array([1]),
        ])
        await gate
        throw new Error('rolled back')
      })
      const outside = raw.run('INSERT INTO doc_update (name, data) VALUES (?, ?)', [
        'out',
        new Uint8Array([2]),
      ])
      release()
      await expect(tx).rejects.toThrow('rolled back')
      await outside
      expect(await rowCount(raw, 'doc_update', 'in')).toBe(0)
      expect(await rowCount(raw, 'doc_update', 'out')).toBe(1)
    })
  })
})
