import { useEffect, useState } from 'react'
import { type FollowUpItemAnswer, fetchFollowUpItem } from '../../api/followUpItem'
import { ApiError } from '../../api/http'

export type FollowUpItemLoad =
  | { state: 'loading' }
  | { state: 'ready'; answer: FollowUpItemAnswer }
  | { state: 'failed'; code: string }

/**
 * The event's follow-up item as this token may read it, fetched again whenever `version`
 * changes (the item was accepted or changed, it became the current item …), so the statuses
 * shown are the ones reported by then.
 */
export function useFollowUpItem(eventId: string, token: string, version: unknown) {
  const [load, setLoad] = useState<FollowUpItemLoad>({ state: 'loading' })
  const [attempt, setAttempt] = useState(0)
  // biome-ignore lint/correctness/useExhaustiveDependencies: `version` and `attempt` re-run the request.
  useEffect(() => {
    const abort = new AbortController()
    fetchFollowUpItem(eventId, token, abort.signal).then(
      (answer) => setLoad({ state: 'ready', answer }),
      (error: unknown) => {
        if (abort.signal.aborted) return
        setLoad({ state: 'failed', code: error instanceof ApiError ? error.code : 'unexpected' })
      },
    )
    return () => abort.abort()
  }, [eventId, token, version, attempt])
  return {
    load,
    retry: () => setAttempt((n) => n + 1),
    set: (answer: FollowUpItemAnswer) => setLoad({ state: 'ready', answer }),
  }
}
