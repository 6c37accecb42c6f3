import { afterEach, describe, expect, it, vi } from 'vitest'
import { preloadable } from './preloadable'

const Component = () => null

function failingOnce() {
  return vi
    .fn<() => Promise<{ default: typeof Component }>>()
    .mockRejectedValueOnce(new Error('offline'))
    .mockResolvedValue({ default: Component })
}

describe('preloadable', () => {
  afterEach(() => {
    vi.useRealTimers()
    vi.unstubAllGlobals()
  })

  it('loads once however often it is asked', async () => {
    const load = vi.fn(() => Promise.resolve({ default: Component }))
    const editor = preloadable(load)
    const [first, second] = await Promise.all([editor.preload(), editor.preload()])
    expect(first).toBe(second)
    expect(load).toHaveBeenCalledTimes(1)
  })

  it('tries again after a failed load (a phone that was offline a moment)', async () => {
    const load = failingOnce()
    const editor = preloadable(load)
    await expect(editor.preload()).rejects.toThrow('offline')
    await expect(editor.preload()).resolves.toEqual({ default: Component })
    expect(load).toHaveBeenCalledTimes(2)
  })

  it('keeps a render waiting through a failed load and loads again once the browser is online', async () => {
    // The tests run in Node, whose global object is no EventTarget: the browser's window is one.
    const window = new EventTarget()
    vi.stubGlobal('addEventListener', window.addEventListener.bind(window))
    vi.stubGlobal('removeEventListener', window.removeEventListener.bind(window))
    const load = failingOnce()
    const editor = preloadable(load)
    let settled: unknown = null
    const waiting = editor.loaded().then((module) => {
      settled = module
    })
    await vi.waitFor(() => expect(load).toHaveBeenCalledTimes(1))
    await Promise.resolve()
    expect(settled).toBeNull()
    window.dispatchEvent(new Event('online'))
    await waiting
    expect(settled).toEqual({ default: Component })
    expect(load).toHaveBeenCalledTimes(2)
  })

  it('asks again after a few seconds when the browser never says it is offline', async () => {
    vi.useFakeTimers()
    const load = failingOnce()
    const editor = preloadable(load)
    const waiting = editor.loaded()
    await vi.advanceTimersByTimeAsync(4000)
    expect(load).toHaveBeenCalledTimes(1)
    await vi.advanceTimersByTimeAsync(1000)
    await expect(waiting).resolves.toEqual({ default: Component })
    expect(load).toHaveBeenCalledTimes(2)
  })
})
