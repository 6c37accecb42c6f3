import type { Phase } from '@hytepaja/shared/doc/schema/event'
import { useRef } from 'react'
import { FormattedMessage, useIntl } from 'react-intl'
import { Button } from '../../ui/Button'
import { phaseName, WORKSHOP_PHASES } from './labels'
import { useFocusRescue } from './rescueFocus'

/** Ideas → clustering → voting → proposal: the current phase marked in words, any one a press away. */
export function PhaseStepper({ phase, onSet }: { phase: Phase; onSet(phase: Phase): void }) {
  const intl = useIntl()
  const index = (WORKSHOP_PHASES as readonly Phase[]).indexOf(phase)
  const next = WORKSHOP_PHASES[index + 1]
  const card = useRef<HTMLDivElement>(null)
  // The last phase has no "next" button: if it had focus, focus goes to the current step.
  useFocusRescue(card, phase, () => card.current?.querySelector<HTMLElement>('[aria-current]'))
  return (
    <div className="control-card" ref={card}>
      <h3 className="control-card__title">
        <FormattedMessage id="facilitation.phase.heading" />
      </h3>
      <ol className="stepper">
        {WORKSHOP_PHASES.map((step, i) => {
          const current = step === phase
          const name = intl.formatMessage(phaseName[step])
          return (
            <li key={step} className={`stepper__step${current ? ' is-current' : ''}`}>
              <Button
                size="small"
                variant={current ? 'primary' : 'secondary'}
                aria-current={current ? 'step' : undefined}
                onPress={() => {
                  if (!current) onSet(step)
                }}
              >
                {`${i + 1}. ${name}`}
                {current ? (
                  <span className="stepper__now">
                    {' '}
                    <FormattedMessage id="facilitation.phase.now" />
                  </span>
                ) : null}
              </Button>
            </li>
          )
        })}
      </ol>
      {next ? (
        <Button variant="primary" onPress={() => onSet(next)}>
          {phase === 'waiting' ? (
            <FormattedMessage id="facilitation.phase.start" />
          ) : (
            <FormattedMessage
              id="facilitation.phase.next"
              values={{ phase: intl.formatMessage(phaseName[next]) }}
            />
          )}
        </Button>
      ) : null}
    </div>
  )
}
