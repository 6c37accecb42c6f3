import { afterEach, describe, expect, it, vi } from 'vitest'
import { preloadable, whenIdle } from './preloadable'

const Component = () => null

describe('preloadable', () => {
  it('loads once however often it is asked', async () => {
    const load = vi.fn(() => Promise.resolve({ default: Component }))
    const editor = preloadable(load)
    const [first, second] = await Promise.all([editor.preload(), editor.preload()])
    expect(first).toBe(second)
    expect(load).toHaveBeenCalledTimes(1)
  })

  it('tries again after a failed load (a phone that was offline a moment)', async () => {
    const load = vi
      .fn<() => Promise<{ default: typeof Component }>>()
      .mockRejectedValueOnce(new Error('offline'))
      .mockResolvedValue({ default: Component })
    const editor = preloadable(load)
    await expect(editor.preload()).rejects.toThrow('offline')
    await expect(editor.preload()).resolves.toEqual({ default: Component })
    expect(load).toHaveBeenCalledTimes(2)
  })
})

describe('whenIdle', () => {
  afterEach(() => {
    vi.useRealTimers()
    vi.unstubAllGlobals()
  })

  it('runs the task when the browser is idle, and not once cancelled', () => {
    const callbacks: Array<() => void> = []
    vi.stubGlobal('requestIdleCallback', (callback: () => void) => callbacks.push(callback))
    vi.stubGlobal('cancelIdleCallback', (id: number) => {
      callbacks[id - 1] = () => {}
    })
    const kept = vi.fn()
    const cancelled = vi.fn()
    whenIdle(kept)
    whenIdle(cancelled)()
    for (const callback of callbacks) callback()
    expect(kept).toHaveBeenCalledTimes(1)
    expect(cancelled).not.toHaveBeenCalled()
  })

  it('falls back to a timer where there are no idle callbacks', () => {
    vi.useFakeTimers()
    vi.stubGlobal('requestIdleCallback', undefined)
    const task = vi.fn()
    const cancelled = vi.fn()
    whenIdle(task)
    whenIdle(cancelled)()
    vi.runAllTimers()
    expect(task).toHaveBeenCalledTimes(1)
    expect(cancelled).not.toHaveBeenCalled()
  })
})
