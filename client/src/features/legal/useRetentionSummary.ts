import { useEffect, useState } from 'react'
import { fetchRetentionSummary, type RetentionSummary } from '../../api/settings'
import { credentials } from '../../sync/credentials'

export type SummaryState =
  | { state: 'none' }
  | { state: 'loading' }
  | { state: 'ready'; summary: RetentionSummary }
  | { state: 'failed' }

/**
 * When an event's personal data is erased, asked with any link this device holds for the
 * event (every link may read it) or the console key. Without either there is nothing to ask
 * with: the notice then gives the general rule only.
 */
export function useRetentionSummary(eventId: string | null): SummaryState {
  const [result, setResult] = useState<SummaryState>({ state: eventId ? 'loading' : 'none' })

  useEffect(() => {
    if (!eventId) return
    const token = credentials.list(eventId)[0]?.token ?? credentials.consoleKey()
    if (!token) {
      setResult({ state: 'none' })
      return
    }
    const abort = new AbortController()
    setResult({ state: 'loading' })
    fetchRetentionSummary(eventId, token, abort.signal).then(
      (summary) => setResult({ state: 'ready', summary }),
      () => {
        if (!abort.signal.aborted) setResult({ state: 'failed' })
      },
    )
    return () => abort.abort()
  }, [eventId])

  return result
}
