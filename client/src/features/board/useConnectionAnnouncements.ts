import { useEffect, useRef } from 'react'
import { useIntl } from 'react-intl'
import type { ConnectionSummary } from '../../sync/connectionState'

/** Says "connection lost" and "connection back" once each, not every saving blink. */
export function useConnectionAnnouncements(
  summary: ConnectionSummary,
  say: (text: string) => void,
) {
  const intl = useIntl()
  const previous = useRef(summary)
  useEffect(() => {
    const was = previous.current
    previous.current = summary
    if (summary === 'offline' && was !== 'offline' && was !== 'connecting') {
      say(intl.formatMessage({ id: 'sync.announce.offline' }))
    } else if (
      was === 'offline' &&
      (summary === 'saved' || summary === 'saving' || summary === 'live')
    ) {
      say(intl.formatMessage({ id: 'sync.announce.online' }))
    }
  }, [summary, say, intl])
}
