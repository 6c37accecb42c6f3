import { useEffect, useRef } from 'react'
import { FormattedMessage, useIntl } from 'react-intl'
import { Button } from '../../ui/Button'

export interface MoveButtonsProps {
  index: number
  count: number
  /** Names the row in the buttons' accessible names ("§3 Asialistan hyväksyminen"). */
  name: string
  onMove(index: number): void
}

/**
 * "Siirrä ylös" / "Siirrä alas": reordering without dragging. When a row reaches the top or
 * the bottom, the pressed button is disabled, so focus moves to the other one instead of
 * being lost.
 */
export function MoveButtons({ index, count, name, onMove }: MoveButtonsProps) {
  const intl = useIntl()
  const wrap = useRef<HTMLSpanElement>(null)
  const pressed = useRef<'up' | 'down' | null>(null)

  useEffect(() => {
    const which = pressed.current
    if (!which) return
    pressed.current = null
    const [up, down] = wrap.current?.querySelectorAll('button') ?? []
    if (which === 'up' && index === 0) down?.focus()
    if (which === 'down' && index === count - 1) up?.focus()
  }, [index, count])

  return (
    <span className="move-buttons" ref={wrap}>
      <Button
        size="small"
        isDisabled={index === 0}
        aria-label={intl.formatMessage({ id: 'organiser.moveUpNamed' }, { name })}
        onPress={() => {
          pressed.current = 'up'
          onMove(index - 1)
        }}
      >
        <span aria-hidden="true">↑</span> <FormattedMessage id="organiser.moveUp" />
      </Button>
      <Button
        size="small"
        isDisabled={index === count - 1}
        aria-label={intl.formatMessage({ id: 'organiser.moveDownNamed' }, { name })}
        onPress={() => {
          pressed.current = 'down'
          onMove(index + 1)
        }}
      >
        <span aria-hidden="true">↓</span> <FormattedMessage id="organiser.moveDown" />
      </Button>
    </span>
  )
}
