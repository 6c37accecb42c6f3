import { type ComponentType, type LazyExoticComponent, lazy } from 'react'

/** How long a render that found no code waits before it asks the network again. */
const RETRY_MS = 5000

// biome-ignore lint/suspicious/noExplicitAny: React.lazy's own signature takes any props.
export interface Preloadable<C extends ComponentType<any>> {
  /**
   * Renders once the code is here (inside a `Suspense`), loading it first if need be. A load
   * that fails (a phone offline) is tried again when the browser is back online, or after a
   * few seconds, instead of failing the render: `React.lazy` keeps a failure for good.
   */
  Component: LazyExoticComponent<C>
  /** Starts loading now; a second call shares the first, and a failed load is tried again. */
  preload(): Promise<unknown>
  /** Resolves once the code is here, however many tries it takes (what `Component` waits for). */
  loaded(): Promise<{ default: C }>
}

/**
 * `React.lazy` whose code can also be fetched ahead of its first use: a control the person may
 * press at any moment loads as soon as the page has drawn what it came for, so the first screen
 * does not wait for it and a press rarely does.
 */
// biome-ignore lint/suspicious/noExplicitAny: as above.
export function preloadable<C extends ComponentType<any>>(
  load: () => Promise<{ default: C }>,
): Preloadable<C> {
  let pending: Promise<{ default: C }> | null = null
  const preload = () => {
    pending ??= load().catch((error: unknown) => {
      pending = null
      throw error
    })
    return pending
  }
  const loaded = (): Promise<{ default: C }> =>
    preload().catch(() => onlineAgainOrLater().then(loaded))
  return { Component: lazy(loaded), preload, loaded }
}

/** The browser says it is online again, or `RETRY_MS` have passed (a server that failed once). */
function onlineAgainOrLater(): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer)
      globalThis.removeEventListener?.('online', done)
      resolve()
    }
    const timer = setTimeout(done, RETRY_MS)
    globalThis.addEventListener?.('online', done)
  })
}
