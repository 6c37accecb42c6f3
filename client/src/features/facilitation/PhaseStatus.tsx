import type { GroupState } from '@hytepaja/shared/doc/schema/event'
import { useEffect, useRef } from 'react'
import { FormattedMessage, useIntl } from 'react-intl'
import { formatClock } from './clock'
import { phaseHelp, phaseName } from './labels'
import { useCountdown } from './useCountdown'

const LAST_MINUTE_MS = 60_000

/**
 * The phase, the time left and a lock, in words, on one line: "Vaihe: Äänestys · 4:32 jäljellä".
 * It sits in the board's sticky header, so it stays in view on a phone. The countdown is not
 * a live region (a screen reader would hear every second); `say` tells only "one minute
 * left" and "time is up", once each.
 */
export function PhaseLine({
  state,
  offset,
  say,
}: {
  state: GroupState
  offset: number
  say(text: string): void
}) {
  const intl = useIntl()
  const left = useCountdown(state.timer, offset)
  const running = state.timer?.running ?? false

  // Said once per timer: crossing into the last minute, and reaching zero.
  const spoken = useRef({ key: '', minute: false, up: false })
  const timer = state.timer
  const key = timer ? `${timer.durationMs}:${timer.running ? timer.endsAt : 'paused'}` : ''
  if (spoken.current.key !== key) spoken.current = { key, minute: false, up: false }
  useEffect(() => {
    if (left === null || !running) return
    const s = spoken.current
    if (left === 0 && !s.up) {
      s.up = true
      say(intl.formatMessage({ id: 'facilitation.timer.upAnnounce' }))
    } else if (left > 0 && left <= LAST_MINUTE_MS && !s.minute) {
      s.minute = true
      // A timer started with less than a minute does not need the warning.
      if ((state.timer?.durationMs ?? 0) > LAST_MINUTE_MS)
        say(intl.formatMessage({ id: 'facilitation.timer.minuteAnnounce' }))
    }
  }, [left, running, say, intl, state.timer?.durationMs])

  let time: string | null = null
  if (left !== null) {
    if (left === 0 && running) time = intl.formatMessage({ id: 'facilitation.timer.up' })
    else if (!running)
      time = intl.formatMessage({ id: 'facilitation.timer.paused' }, { time: formatClock(left) })
    else time = intl.formatMessage({ id: 'facilitation.timer.left' }, { time: formatClock(left) })
  }

  return (
    <h2 id="phase-heading" className={`phase-line phase-line--${state.phase}`}>
      <span>
        <FormattedMessage
          id="facilitation.phase.current"
          values={{ phase: intl.formatMessage(phaseName[state.phase]) }}
        />
      </span>
      {time ? (
        <span className={`phase-line__time${left === 0 ? ' is-up' : ''}`}>
          {' · '}
          {time}
        </span>
      ) : null}
      {state.locked ? (
        <span className="phase-line__locked">
          {' · '}
          <FormattedMessage id="facilitation.lockedShort" />
        </span>
      ) : null}
    </h2>
  )
}

/** What the phase means for this person: dots left and what to do now. */
export function PhaseCard({
  state,
  remainingDots,
  showHelp,
}: {
  state: GroupState
  /** The participant's dots left in the voting phase; null for everyone else. */
  remainingDots: number | null
  showHelp: boolean
}) {
  if (remainingDots === null && !showHelp) return null
  return (
    <section
      className={`phase-status phase-status--${state.phase}`}
      aria-labelledby="phase-heading"
    >
      {remainingDots !== null ? (
        <p className="phase-status__dots">
          <FormattedMessage id="vote.remaining" values={{ count: remainingDots }} />
        </p>
      ) : null}
      {showHelp ? (
        <p className="phase-status__help">
          <FormattedMessage {...phaseHelp[state.phase]} />
        </p>
      ) : null}
    </section>
  )
}
