import { useCallback, useEffect, useState } from 'react'
import { type EventLinks, fetchLinks } from '../../api/organiser'
import type { OrganiserAccess } from './access'
import { errorCodeOf } from './useAction'

export type EventLinksState =
  | { state: 'loading' }
  | { state: 'ready'; links: EventLinks }
  | { state: 'failed'; code: string }

/** `GET /api/events/{id}/links`: the live role links, each with its token after `#`. */
export function useEventLinks({ eventId, token }: OrganiserAccess) {
  const [current, setCurrent] = useState<EventLinksState>({ state: 'loading' })
  const [attempt, setAttempt] = useState(0)

  // biome-ignore lint/correctness/useExhaustiveDependencies: `attempt` re-runs the request on retry.
  useEffect(() => {
    const abort = new AbortController()
    setCurrent({ state: 'loading' })
    fetchLinks(eventId, token, abort.signal).then(
      (links) => setCurrent({ state: 'ready', links }),
      (error: unknown) => {
        if (!abort.signal.aborted) setCurrent({ state: 'failed', code: errorCodeOf(error) })
      },
    )
    return () => abort.abort()
  }, [eventId, token, attempt])

  const replace = useCallback((links: EventLinks) => setCurrent({ state: 'ready', links }), [])
  const retry = useCallback(() => setAttempt((n) => n + 1), [])
  return { current, replace, retry }
}

/** The address of the home page where the code is typed: the links' own origin. */
/** The presenter view for the Teams share: the viewer's token on `/e/{id}/present`. */
export function presenterLinkOf(links: EventLinks): string {
  const url = new URL(links.links.viewer)
  url.pathname = url.pathname.replace(/\/viewer$/, '/present')
  return url.toString()
}

export function homeAddressOf(links: EventLinks): string {
  try {
    return new URL(links.links.join).origin
  } catch {
    return window.location.origin
  }
}
