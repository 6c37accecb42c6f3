import type { Idea } from '@hytepaja/shared/doc/schema'
import { useCallback, useEffect, useRef, useState } from 'react'
import { useIntl } from 'react-intl'
import { createAdditionTracker, createBatcher } from './announcements'

const BATCH_MS = 2000

/**
 * The text of the board's polite live region: other people's new ideas in batches, and
 * anything else the board wants said (`say`). Focus is never moved for any of it. Other
 * people's notes can be muted in the board's settings.
 */
export function useAnnouncer(
  ideas: Idea[],
  selfId: string,
  ready: boolean,
  options: { anonymous: boolean; announceEdits: boolean },
) {
  const intl = useIntl()
  const [message, setMessage] = useState('')
  const tracker = useRef(createAdditionTracker(selfId))
  // The batcher lives as long as the board; it reads the current language and mode when it speaks.
  const current = useRef({ intl, ...options })
  current.current = { intl, ...options }

  // The same sentence twice must be heard twice: empty the region first, then speak.
  const say = useCallback((text: string) => {
    setMessage('')
    setTimeout(() => setMessage(text), 50)
  }, [])

  const [batcher] = useState(() =>
    createBatcher<Idea>(BATCH_MS, (added) => {
      const [first] = added
      const { intl, anonymous, announceEdits } = current.current
      // The person turned these off; what the facilitator changes is still said.
      if (!announceEdits) return
      const named = Boolean(first?.authorName) && !anonymous
      say(
        intl.formatMessage(
          { id: 'board.announce.added' },
          {
            count: added.length,
            name: named ? first?.authorName : '',
            named: named ? 'yes' : 'no',
          },
        ),
      )
    }),
  )
  useEffect(() => () => batcher.dispose(), [batcher])

  useEffect(() => {
    if (ready) batcher.add(tracker.current.next(ideas))
  }, [ideas, ready, batcher])

  return { message, say }
}
