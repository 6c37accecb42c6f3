import type { Ballot } from '@hytepaja/shared/domain/votes'
import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { type BallotView, votesApi } from '../../api/board'
import { ApiError } from '../../api/http'

export interface BallotState {
  ballot: Ballot
  budget: number
  remaining: number
  /** The note a vote is on its way for. */
  pending: string | null
  /** The code of the last refusal (`vote.budgetSpent`, …), until the next vote. */
  error: string | null
  cast(ideaId: string): void
  retract(ideaId: string): void
  dismissError(): void
}

const codeOf = (error: unknown) => (error instanceof ApiError ? error.code : 'unexpected')

/**
 * A participant's own dots. Votes are server commands: the server keeps the ballot secret and
 * holds the budget; this hook only shows what the server answered. `reload` changes (phase,
 * budget, lock) make it ask again.
 */
export function useBallot(
  board: { eventId: string; groupId: string; token: string },
  enabled: boolean,
  reload: string,
  /** Told once per vote the server took, with the dots left (for the screen reader's line). */
  onVoted?: (kind: 'cast' | 'retract', remaining: number) => void,
): BallotState | null {
  const { eventId, groupId, token } = board
  const api = useMemo(
    () => (enabled ? votesApi(eventId, groupId, token) : null),
    [enabled, eventId, groupId, token],
  )
  const [view, setView] = useState<BallotView | null>(null)
  const [pending, setPending] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  const busy = useRef(false)
  const voted = useRef(onVoted)
  voted.current = onVoted

  // biome-ignore lint/correctness/useExhaustiveDependencies: `reload` is the signal to ask again.
  useEffect(() => {
    if (!api) return
    const abort = new AbortController()
    api.mine(abort.signal).then(setView, () => {
      // Offline or not voting: keep what we knew; the next vote will say what is wrong.
    })
    return () => abort.abort()
  }, [api, reload])

  const send = useCallback(
    (kind: 'cast' | 'retract', ideaId: string, run: (id: string) => Promise<BallotView>) => {
      if (busy.current) return
      busy.current = true
      setPending(ideaId)
      setError(null)
      run(ideaId)
        .then(
          (next) => {
            setView(next)
            voted.current?.(kind, next.remaining)
          },
          (e: unknown) => setError(codeOf(e)),
        )
        .finally(() => {
          busy.current = false
          setPending(null)
        })
    },
    [],
  )

  if (!api) return null
  return {
    ballot: view?.ballot ?? {},
    budget: view?.budget ?? 0,
    remaining: view?.remaining ?? 0,
    pending,
    error,
    cast: (ideaId) => send('cast', ideaId, api.cast),
    retract: (ideaId) => send('retract', ideaId, api.retract),
    dismissError: () => setError(null),
  }
}
