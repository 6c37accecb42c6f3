import { useEffect, useRef } from 'react'
import { FormattedMessage } from 'react-intl'
import { errorMessage } from '../../i18n/errorMessages'
import { NativeButton } from '../../ui/NativeButton'
import type { BallotState } from '../voting/useBallot'

/** The words every disabled "Äänestä" button is described by. */
export const SPENT_REASON_ID = 'vote-spent-reason'

/** Every dot is used (and the ballot has arrived: before that the budget reads 0). */
export function ballotSpent(ballot: BallotState): boolean {
  return ballot.budget > 0 && ballot.remaining === 0
}

/**
 * What stays at the thumb on a phone: the large "Lisää idea" button, or in the voting phase the
 * dots left and why the last vote was refused. Dots on an idea that has since been deleted or
 * hidden can be taken back here (the idea is no longer on the board to take them from).
 */
export function BottomBar({
  onAdd,
  ballot,
  stranded,
}: {
  onAdd: (() => void) | null
  ballot: BallotState | null
  /** Ideas in this person's ballot that are no longer shown. */
  stranded: string[]
}) {
  const bar = useRef<HTMLDivElement>(null)
  const shown = Boolean(onAdd || ballot)
  // The bar covers the page's foot: the page keeps that much room below its last note, and
  // whatever the keyboard moves to stops above the bar (WCAG 2.4.11), however tall it grows.
  useEffect(() => {
    const element = bar.current
    if (!shown || !element) return
    const root = document.documentElement
    const observer = new ResizeObserver(() => {
      root.style.setProperty('--add-bar-height', `${element.getBoundingClientRect().height}px`)
    })
    observer.observe(element)
    return () => {
      observer.disconnect()
      root.style.removeProperty('--add-bar-height')
    }
  }, [shown])

  if (!shown) return null
  const spent = ballot ? ballotSpent(ballot) : false
  return (
    <div className="add-bar" ref={bar}>
      {ballot ? (
        <div className="vote-bar">
          <p className="vote-bar__left">
            <FormattedMessage id="vote.remaining" values={{ count: ballot.remaining }} />
          </p>
          {spent ? (
            <p className="vote-bar__reason" id={SPENT_REASON_ID}>
              <FormattedMessage id="vote.spentReason" />
            </p>
          ) : null}
          {stranded.length > 0 ? (
            <NativeButton size="small" onClick={() => ballot.retract(stranded[0] as string)}>
              <FormattedMessage id="vote.stranded" values={{ count: stranded.length }} />
            </NativeButton>
          ) : null}
          {ballot.error ? (
            <p className="vote-bar__error" role="alert">
              <FormattedMessage {...errorMessage(ballot.error)} />
            </p>
          ) : null}
        </div>
      ) : null}
      {onAdd ? (
        <NativeButton variant="primary" size="large" wide onClick={onAdd}>
          <FormattedMessage id="board.addIdea" />
        </NativeButton>
      ) : null}
    </div>
  )
}
