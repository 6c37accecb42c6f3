import type { Timer } from '@hytepaja/shared/doc/schema/event'
import { useRef, useState } from 'react'
import { FormattedMessage, useIntl } from 'react-intl'
import type { TimerCommand } from '../../api/board'
import { Button } from '../../ui/Button'
import { NumberField } from '../../ui/NumberField'
import { useFocusRescue } from './rescueFocus'

const PRESETS = [5, 10, 15]
const MINUTE = 60_000

/** Start a countdown (5, 10, 15 minutes or any), pause, resume, clear. */
export function TimerControls({
  timer,
  onCommand,
}: {
  timer: Timer | null
  onCommand(command: TimerCommand): void
}) {
  const intl = useIntl()
  const [minutes, setMinutes] = useState(20)
  const card = useRef<HTMLDivElement>(null)
  // Clearing the timer removes its buttons; focus goes to the first preset.
  useFocusRescue(card, timer === null, () => card.current?.querySelector<HTMLElement>('button'))
  const start = (m: number) => onCommand({ action: 'start', durationMs: Math.round(m * MINUTE) })
  return (
    <div className="control-card" ref={card}>
      <h3 className="control-card__title">
        <FormattedMessage id="facilitation.timer.heading" />
      </h3>
      <div className="button-row">
        {PRESETS.map((m) => (
          <Button
            key={m}
            size="small"
            aria-label={intl.formatMessage({ id: 'facilitation.timer.startNamed' }, { minutes: m })}
            onPress={() => start(m)}
          >
            <FormattedMessage id="facilitation.timer.minutes" values={{ minutes: m }} />
          </Button>
        ))}
      </div>
      <div className="control-card__inline">
        <NumberField
          label={intl.formatMessage({ id: 'facilitation.timer.custom' })}
          value={minutes}
          minValue={1}
          maxValue={240}
          onChange={setMinutes}
          decrementLabel={intl.formatMessage({ id: 'facilitation.timer.less' })}
          incrementLabel={intl.formatMessage({ id: 'facilitation.timer.more' })}
        />
        <Button size="small" onPress={() => start(minutes)}>
          <FormattedMessage id="facilitation.timer.start" />
        </Button>
      </div>
      {timer ? (
        <div className="button-row">
          {timer.running ? (
            <Button size="small" onPress={() => onCommand({ action: 'pause' })}>
              <FormattedMessage id="facilitation.timer.pause" />
            </Button>
          ) : (
            <Button size="small" onPress={() => onCommand({ action: 'resume' })}>
              <FormattedMessage id="facilitation.timer.resume" />
            </Button>
          )}
          <Button size="small" onPress={() => onCommand({ action: 'clear' })}>
            <FormattedMessage id="facilitation.timer.clear" />
          </Button>
        </div>
      ) : null}
    </div>
  )
}
