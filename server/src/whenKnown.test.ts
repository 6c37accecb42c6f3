import { describe, expect, it } from 'vitest'
import { whenKnown } from './whenKnown.js'

describe('whenKnown', () => {
  it('goes on at once with a value that is here', () => {
    expect(whenKnown(2, (n) => n * 3)).toBe(6)
  })

  it('goes on after a value that is still coming, and passes its failure on', async () => {
    const later = whenKnown(Promise.resolve(2), (n) => n * 3)
    expect(later).toBeInstanceOf(Promise)
    expect(await later).toBe(6)
    await expect(whenKnown(Promise.reject(new Error('store')), () => 1)).rejects.toThrow('store')
  })
})
