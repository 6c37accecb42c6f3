import { useCallback, useEffect, useRef, useState } from 'react'
import { listParticipants, type ParticipantRow } from '../../api/organiser'
import type { OrganiserAccess } from './access'
import { errorCodeOf } from './useAction'

/** How often an open participants tab asks again: a join or a move shows within seconds. */
export const POLL_MS = 10_000

export type Listing =
  | { state: 'loading' }
  /** `staleCode`: the last refresh failed; the list shown is the one before it. */
  | { state: 'ready'; participants: ParticipantRow[]; at: number; staleCode: string | null }
  | { state: 'failed'; code: string }

export interface ParticipantsHandle {
  listing: Listing
  /** Asks again now (after the organiser's own change, or a retry). */
  refresh(): Promise<void>
  /** Shows the answer of a command before the next refresh confirms it. */
  update(change: (rows: ParticipantRow[]) => ParticipantRow[]): void
}

/**
 * The event's participants, kept fresh while the tab is open and the page visible (a hidden
 * tab does not poll; it asks again when it is shown). Only the newest answer is used, so a slow
 * poll cannot undo what the organiser just did.
 */
export function useParticipants({ eventId, token }: OrganiserAccess): ParticipantsHandle {
  const [listing, setListing] = useState<Listing>({ state: 'loading' })
  const latest = useRef(0)

  const load = useCallback(
    async (signal?: AbortSignal) => {
      const request = ++latest.current
      try {
        const participants = await listParticipants(eventId, token, signal)
        if (request !== latest.current) return
        setListing({ state: 'ready', participants, at: Date.now(), staleCode: null })
      } catch (error) {
        if (signal?.aborted || request !== latest.current) return
        const code = errorCodeOf(error)
        setListing((prev) =>
          prev.state === 'ready' ? { ...prev, staleCode: code } : { state: 'failed', code },
        )
      }
    },
    [eventId, token],
  )

  useEffect(() => {
    const abort = new AbortController()
    let timer: ReturnType<typeof setTimeout> | undefined
    let inFlight = false
    const poll = async () => {
      clearTimeout(timer)
      if (inFlight || document.visibilityState !== 'visible') return
      inFlight = true
      await load(abort.signal)
      inFlight = false
      if (!abort.signal.aborted) timer = setTimeout(poll, POLL_MS)
    }
    poll()
    document.addEventListener('visibilitychange', poll)
    return () => {
      abort.abort()
      clearTimeout(timer)
      document.removeEventListener('visibilitychange', poll)
    }
  }, [load])

  const refresh = useCallback(() => load(), [load])
  const update = useCallback((change: (rows: ParticipantRow[]) => ParticipantRow[]) => {
    // A poll on its way was asked before this change: its answer is not used.
    latest.current++
    setListing((prev) =>
      prev.state === 'ready' ? { ...prev, participants: change(prev.participants) } : prev,
    )
  }, [])

  return { listing, refresh, update }
}
