import { useCallback, useEffect, useState } from 'react'
import { type CheckerComment, fetchComments } from '../../api/plenary'

const REFRESH_MS = 20_000

/**
 * The minute-checkers' comments (kept by the server, not in the event document): asked for on
 * opening, every 20 seconds and when the window comes back into focus, so the secretary sees a
 * checker's comment soon after it is written. Null until the first answer.
 */
export function useComments(eventId: string, token: string) {
  const [comments, setComments] = useState<CheckerComment[] | null>(null)
  const [attempt, setAttempt] = useState(0)
  const reload = useCallback(() => setAttempt((n) => n + 1), [])

  // biome-ignore lint/correctness/useExhaustiveDependencies: `attempt` asks again.
  useEffect(() => {
    const abort = new AbortController()
    fetchComments(eventId, token, abort.signal).then(
      (answer) => setComments(answer.comments),
      () => {
        // Kept as they were: the next round asks again.
      },
    )
    return () => abort.abort()
  }, [eventId, token, attempt])

  useEffect(() => {
    const timer = setInterval(reload, REFRESH_MS)
    window.addEventListener('focus', reload)
    return () => {
      clearInterval(timer)
      window.removeEventListener('focus', reload)
    }
  }, [reload])

  return { comments, reload }
}

/** The comments on one agenda item (null: on the minutes as a whole), oldest first. */
export function commentsOn(comments: CheckerComment[] | null, itemId: string | null) {
  return (comments ?? []).filter((c) => c.itemId === itemId).sort((a, b) => a.at - b.at)
}
