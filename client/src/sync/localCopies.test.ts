import { describe, expect, it } from 'vitest'
import { memoryStore } from '../device/storage'
import { createLocalCopies } from './localCopies'

describe('offline copies this device keeps', () => {
  it('knows of a copy once one was begun, for that document only', () => {
    const copies = createLocalCopies(memoryStore())
    expect(copies.kept('board:e1:g1')).toBe(false)
    copies.begin('board:e1:g1')
    expect(copies.kept('board:e1:g1')).toBe(true)
    expect(copies.kept('board:e1:g2')).toBe(false)
  })

  it('forgets a mark that turned out to stand over an empty copy', () => {
    const copies = createLocalCopies(memoryStore())
    copies.begin('board:e1:g1')
    copies.begin('board:e1:g2')
    copies.forget('board:e1:g1')
    expect(copies.kept('board:e1:g1')).toBe(false)
    expect(copies.kept('board:e1:g2')).toBe(true)
  })

  it('carries on when the storage is full', () => {
    const full = {
      ...memoryStore(),
      setItem: () => {
        throw new Error('QuotaExceededError')
      },
    }
    const copies = createLocalCopies(full)
    expect(() => copies.begin('board:e1:g1')).not.toThrow()
    expect(copies.kept('board:e1:g1')).toBe(false)
  })
})
