import { useCallback, useEffect, useRef, useState } from 'react'
import { useIntl } from 'react-intl'
import { addToBatch, type NewIdeasByGroup } from './newIdeas'

/** How long new ideas are gathered before one sentence about them is said. */
const BATCH_MS = 3000

/**
 * Remote changes are announced politely and in batches (DESIGN: "announced politely, batched"):
 * a screen reader hears "Arjen turvallisuus: 3 uutta ideaa" once, not every note as it lands.
 */
export function useBatchedAnnouncer() {
  const intl = useIntl()
  const [message, setMessage] = useState('')
  const batch = useRef<NewIdeasByGroup[]>([])
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null)

  useEffect(() => () => void (timer.current && clearTimeout(timer.current)), [])

  const add = useCallback(
    (group: string, count: number) => {
      batch.current = addToBatch(batch.current, group, count)
      if (timer.current || batch.current.length === 0) return
      timer.current = setTimeout(() => {
        timer.current = null
        const said = batch.current
          .map((entry) =>
            intl.formatMessage(
              { id: 'viewer.announce.new' },
              { group: entry.group, count: entry.count },
            ),
          )
          .join(' ')
        batch.current = []
        setMessage(said)
      }, BATCH_MS)
    },
    [intl],
  )

  return { message, add }
}
