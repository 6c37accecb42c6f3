import { useEffect, useState } from 'react'
import { type OrganisationSuggestion, suggestOrganisations } from '../../api/endpoints'

/** Long enough that a fast typist sends one request per pause, short enough to feel live. */
const PAUSE_MS = 200

/**
 * The register's organisations for what is typed in the join form, asked for after each pause
 * in typing (an earlier question still on its way is dropped). A failure only means no
 * suggestions: the field works without them.
 */
export function useOrganisationSuggestions(
  eventId: string,
  token: string,
  typed: string,
): OrganisationSuggestion[] {
  const [found, setFound] = useState<OrganisationSuggestion[]>([])
  useEffect(() => {
    const query = typed.trim()
    if (!query) {
      setFound([])
      return
    }
    const abort = new AbortController()
    const timer = setTimeout(() => {
      suggestOrganisations(eventId, token, query, abort.signal).then(
        (organisations) => setFound(organisations),
        () => {
          if (!abort.signal.aborted) setFound([])
        },
      )
    }, PAUSE_MS)
    return () => {
      clearTimeout(timer)
      abort.abort()
    }
  }, [eventId, token, typed])
  return found
}
