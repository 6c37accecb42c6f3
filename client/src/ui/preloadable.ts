import { type ComponentType, type LazyExoticComponent, lazy } from 'react'

// biome-ignore lint/suspicious/noExplicitAny: React.lazy's own signature takes any props.
export interface Preloadable<C extends ComponentType<any>> {
  /** Renders once the code is here (inside a `Suspense`), loading it first if need be. */
  Component: LazyExoticComponent<C>
  /** Starts loading now; a second call shares the first, and a failed load is tried again. */
  preload(): Promise<unknown>
}

/**
 * `React.lazy` whose code can also be fetched ahead of its first use: a control the person may
 * press at any moment loads when the page is idle, so the first screen does not wait for it
 * and a press rarely does.
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
  return { Component: lazy(preload), preload }
}

/**
 * Runs `task` once the browser has nothing more urgent to do (at the latest after `timeout`
 * ms); returns a function that cancels it. Safari before 18 has no idle callbacks: a timer.
 */
export function whenIdle(task: () => void, timeout = 2000): () => void {
  if (typeof requestIdleCallback === 'function') {
    const id = requestIdleCallback(task, { timeout })
    return () => cancelIdleCallback(id)
  }
  const id = setTimeout(task, 200)
  return () => clearTimeout(id)
}
