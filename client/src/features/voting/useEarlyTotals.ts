import { useEffect, useState } from 'react'
import type { FacilitationApi } from '../../api/board'

/**
 * The totals a facilitator sees before they are public, to steer the discussion. Asked again
 * whenever the public count of dots changes (it arrives live in the event document).
 */
export function useEarlyTotals(
  api: FacilitationApi | null,
  votesCast: number,
): Record<string, number> | null {
  const [totals, setTotals] = useState<Record<string, number> | null>(null)
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new count of dots means new totals.
  useEffect(() => {
    if (!api) {
      setTotals(null)
      return
    }
    const abort = new AbortController()
    api.totals(abort.signal).then(
      (answer) => setTotals(answer.totals),
      () => {},
    )
    return () => abort.abort()
  }, [api, votesCast])
  return totals
}
