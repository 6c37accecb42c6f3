import type { GroupState } from '@hytepaja/shared/doc/schema/event'
import { useEffect, useRef } from 'react'
import { useIntl } from 'react-intl'
import { phaseName } from './labels'

/**
 * Says what the facilitator changed, once, politely: a new phase, the board locked or opened,
 * anonymous mode, the votes revealed. Not what was there when the page opened.
 */
export function useGroupAnnouncements(
  state: GroupState,
  ready: boolean,
  say: (text: string) => void,
): void {
  const intl = useIntl()
  const previous = useRef<GroupState | null>(null)
  useEffect(() => {
    if (!ready) return
    const was = previous.current
    previous.current = state
    if (!was) return
    const said: string[] = []
    if (was.phase !== state.phase)
      said.push(
        intl.formatMessage(
          { id: 'facilitation.announce.phase' },
          { phase: intl.formatMessage(phaseName[state.phase]) },
        ),
      )
    if (was.locked !== state.locked)
      said.push(
        intl.formatMessage(
          state.locked
            ? { id: 'facilitation.announce.locked' }
            : { id: 'facilitation.announce.unlocked' },
        ),
      )
    if (was.anonymous !== state.anonymous)
      said.push(
        intl.formatMessage(
          state.anonymous
            ? { id: 'facilitation.announce.anonymousOn' }
            : { id: 'facilitation.announce.anonymousOff' },
        ),
      )
    if (!was.revealed && state.revealed)
      said.push(intl.formatMessage({ id: 'facilitation.announce.revealed' }))
    if (said.length > 0) say(said.join(' '))
  }, [state, ready, say, intl])
}
