import { type DependencyList, useCallback, useEffect, useState } from 'react'
import { errorCodeOf } from '../organiser/useAction'

export type Loaded<T> =
  | { state: 'loading'; data?: T }
  | { state: 'ready'; data: T }
  | { state: 'failed'; code: string; data?: T }

/**
 * Data a page reads from the server, read again when `deps` change or `reload()` is called.
 * The last data stays while the next arrives, so a list does not blink away under a person's
 * focus after each change.
 */
export function useLoaded<T>(
  load: (signal: AbortSignal) => Promise<T>,
  deps: DependencyList,
): Loaded<T> & { reload(): void } {
  const [attempt, setAttempt] = useState(0)
  const [loaded, setLoaded] = useState<Loaded<T>>({ state: 'loading' })

  // biome-ignore lint/correctness/useExhaustiveDependencies: `deps` stand for what `load` reads; `attempt` re-runs it.
  useEffect(() => {
    const abort = new AbortController()
    setLoaded((prev) => ({ state: 'loading', data: prev.data }))
    load(abort.signal).then(
      (data) => {
        if (!abort.signal.aborted) setLoaded({ state: 'ready', data })
      },
      (error: unknown) => {
        if (abort.signal.aborted) return
        setLoaded((prev) => ({ state: 'failed', code: errorCodeOf(error), data: prev.data }))
      },
    )
    return () => abort.abort()
  }, [...deps, attempt])

  const reload = useCallback(() => setAttempt((n) => n + 1), [])
  return { ...loaded, reload }
}
