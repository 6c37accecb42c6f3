import { describe, expect, it } from 'vitest'
import { memoryStore } from '../../device/storage'
import { DEFAULT_SETTINGS, layoutFor, readSettings, writeSettings } from './settings'

describe('board settings', () => {
  it('start with announcements on, shortcuts off and the view left to the screen', () => {
    const store = memoryStore()
    expect(readSettings(store)).toEqual(DEFAULT_SETTINGS)
    expect(layoutFor(DEFAULT_SETTINGS, true)).toBe('canvas')
    expect(layoutFor(DEFAULT_SETTINGS, false)).toBe('lane')
  })

  it('remember the chosen view, order and switches', () => {
    const store = memoryStore()
    const chosen = { layout: 'outline', order: 'cluster', announceEdits: false, shortcuts: true }
    writeSettings(store, chosen as typeof DEFAULT_SETTINGS)
    expect(readSettings(store)).toEqual(chosen)
    expect(layoutFor(readSettings(store), true)).toBe('outline')
  })

  it('drop values they do not know', () => {
    const store = memoryStore()
    store.setItem(
      'hytepaja:board-settings:v1',
      JSON.stringify({ layout: 'map', order: 'random', announceEdits: 'yes', shortcuts: 1 }),
    )
    expect(readSettings(store)).toEqual(DEFAULT_SETTINGS)
  })
})
