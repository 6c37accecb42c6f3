import { useCallback, useEffect, useState } from 'react'
import { fetchPublicSettings, type PublicSettings } from '../../api/settings'

export type SettingsState =
  | { state: 'loading' }
  | { state: 'ready'; settings: PublicSettings }
  | { state: 'failed'; retry(): void }

/** The service's public settings, which the statement and the notice print. */
export function useServiceSettings(): SettingsState {
  const [attempt, setAttempt] = useState(0)
  const [result, setResult] = useState<SettingsState>({ state: 'loading' })
  const retry = useCallback(() => setAttempt((n) => n + 1), [])

  // biome-ignore lint/correctness/useExhaustiveDependencies: `attempt` re-runs the request on retry.
  useEffect(() => {
    const abort = new AbortController()
    setResult({ state: 'loading' })
    fetchPublicSettings(abort.signal).then(
      (settings) => setResult({ state: 'ready', settings }),
      () => {
        if (!abort.signal.aborted) setResult({ state: 'failed', retry })
      },
    )
    return () => abort.abort()
  }, [attempt, retry])

  return result
}
