import { useCallback, useEffect, useState } from 'react'
import { ApiError } from '../../api/http'
import { fetchEvent, type ManagedEvent } from '../../api/organiser'
import { credentials } from '../../sync/credentials'
import { clearLinkToken } from '../session/linkToken'
import type { OrganiserAccess } from './access'

export type ManagedEventState =
  | { state: 'loading' }
  | { state: 'ready'; event: ManagedEvent }
  | { state: 'failed'; code: string; status: number }

export interface ManagedEventHandle {
  current: ManagedEventState
  /** Replaces the loaded copy with what a command answered. */
  update(change: (event: ManagedEvent) => ManagedEvent): void
  /** Loads the event again (after commands whose answer holds only a part of it). */
  reload(): Promise<void>
}

/**
 * The event as `GET /api/events/{id}` describes it. Management pages work over HTTP only: the
 * console key opens no documents, and every change is a server command that answers with the
 * changed part.
 */
export function useManagedEvent({ eventId, via, token }: OrganiserAccess): ManagedEventHandle {
  const [current, setCurrent] = useState<ManagedEventState>({ state: 'loading' })

  const load = useCallback(
    async (signal?: AbortSignal) => {
      try {
        const event = await fetchEvent(eventId, token, signal)
        if (via === 'console') {
          credentials.rememberConsoleKey(token)
          clearLinkToken()
        }
        setCurrent({ state: 'ready', event })
      } catch (error) {
        if (signal?.aborted) return
        const code = error instanceof ApiError ? error.code : 'unexpected'
        const status = error instanceof ApiError ? error.status : 0
        if (via === 'console' && status === 401) credentials.rememberConsoleKey(null)
        if (via === 'link' && (status === 401 || status === 404)) credentials.forget(eventId, token)
        setCurrent({ state: 'failed', code, status })
      }
    },
    [eventId, via, token],
  )

  useEffect(() => {
    const abort = new AbortController()
    load(abort.signal)
    return () => abort.abort()
  }, [load])

  const update = useCallback((change: (event: ManagedEvent) => ManagedEvent) => {
    setCurrent((prev) => (prev.state === 'ready' ? { ...prev, event: change(prev.event) } : prev))
  }, [])
  const reload = useCallback(() => load(), [load])

  return { current, update, reload }
}
