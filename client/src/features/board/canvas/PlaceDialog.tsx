import { FormattedMessage, useIntl } from 'react-intl'
import { Button } from '../../../ui/Button'
import { ModalDialog } from '../../../ui/Dialog'
import { KEY_STEP_PX } from './CanvasNote'

/** One press moves four arrow-key steps: far enough to see, near enough to aim. */
const STEP = KEY_STEP_PX * 4

export interface Placing {
  /** The note's text or the cluster's name, for the title. */
  name: string
  move(by: { dx: number; dy: number }): void
}

/**
 * "Siirrä taululla…": a note or a cluster moved on the canvas by pressing buttons, for whoever
 * cannot drag (WCAG 2.5.7: a single pointer, no path). The dialog stays open while the person
 * presses, so the thing moves step by step under their eyes; "Valmis" closes it.
 */
export function PlaceDialog({ placing, onClose }: { placing: Placing | null; onClose(): void }) {
  const intl = useIntl()
  const steps = [
    {
      id: 'up',
      by: { dx: 0, dy: -STEP },
      label: intl.formatMessage({ id: 'canvas.place.up' }),
      arrow: '↑',
    },
    {
      id: 'left',
      by: { dx: -STEP, dy: 0 },
      label: intl.formatMessage({ id: 'canvas.place.left' }),
      arrow: '←',
    },
    {
      id: 'right',
      by: { dx: STEP, dy: 0 },
      label: intl.formatMessage({ id: 'canvas.place.right' }),
      arrow: '→',
    },
    {
      id: 'down',
      by: { dx: 0, dy: STEP },
      label: intl.formatMessage({ id: 'canvas.place.down' }),
      arrow: '↓',
    },
  ]
  return (
    <ModalDialog
      isOpen={placing !== null}
      onOpenChange={(open) => {
        if (!open) onClose()
      }}
      title={intl.formatMessage({ id: 'canvas.place.title' }, { name: placing?.name ?? '' })}
    >
      <p className="hint">
        <FormattedMessage id="canvas.place.help" />
      </p>
      <div className="place-pad">
        {steps.map((step) => (
          <Button key={step.id} size="large" onPress={() => placing?.move(step.by)}>
            <span aria-hidden="true">{step.arrow}</span> {step.label}
          </Button>
        ))}
      </div>
      <div className="button-row">
        <Button variant="primary" size="large" onPress={onClose}>
          <FormattedMessage id="canvas.place.done" />
        </Button>
      </div>
    </ModalDialog>
  )
}
