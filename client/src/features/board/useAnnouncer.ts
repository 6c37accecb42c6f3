import type { Idea } from '@hytepaja/shared/doc/schema/board'
import { useCallback, useEffect, useRef, useState } from 'react'
import { useIntl } from 'react-intl'
import { type BoardChange, createBatcher, createChangeTracker } from './announcements'

const BATCH_MS = 2000

/**
 * The text of the board's polite live region: other people's new and removed ideas in
 * batches ("3 uutta ideaa taululla."), and anything else the board wants said (`say`). Focus is
 * never moved for any of it. Other people's notes can be muted in the board's settings.
 */
export function useAnnouncer(
  ideas: { shown: Idea[]; all: Idea[] },
  /** This person's author key on the board (null while it is not known). */
  selfKey: string | null,
  ready: boolean,
  options: {
    anonymous: boolean
    announceEdits: boolean
    authorNames: ReadonlyMap<string, string>
  },
) {
  const intl = useIntl()
  const [message, setMessage] = useState('')
  const tracker = useRef(createChangeTracker(selfKey))
  // The batcher lives as long as the board; it reads the current language and mode when it speaks.
  const current = useRef({ intl, ...options })
  current.current = { intl, ...options }

  // The same sentence twice must be heard twice: empty the region first, then speak.
  const say = useCallback((text: string) => {
    setMessage('')
    setTimeout(() => setMessage(text), 50)
  }, [])

  const [batcher] = useState(() =>
    createBatcher<BoardChange>(BATCH_MS, (changes) => {
      const { intl, anonymous, announceEdits, authorNames } = current.current
      // The person turned these off; what the facilitator changes is still said.
      if (!announceEdits) return
      const added = changes.filter((c) => c.kind === 'added').map((c) => c.idea)
      const removed = changes.filter((c) => c.kind === 'removed')
      const sentences: string[] = []
      if (added.length > 0) {
        const [first] = added
        const name = (!anonymous && first && authorNames.get(first.authorKey)) || ''
        const named = name !== ''
        sentences.push(
          intl.formatMessage(
            { id: 'board.announce.added' },
            {
              count: added.length,
              name,
              named: named ? 'yes' : 'no',
            },
          ),
        )
      }
      if (removed.length > 0) {
        sentences.push(
          intl.formatMessage({ id: 'board.announce.removed' }, { count: removed.length }),
        )
      }
      if (sentences.length > 0) say(sentences.join(' '))
    }),
  )
  useEffect(() => () => batcher.dispose(), [batcher])

  const { shown, all } = ideas
  useEffect(() => {
    if (ready) batcher.add(tracker.current.next(shown, all))
  }, [shown, all, ready, batcher])

  return { message, say }
}
