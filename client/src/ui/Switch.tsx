import type { ReactNode } from 'react'
import { Switch as AriaSwitch } from 'react-aria-components'
import '../styles/controls.css'

export interface SwitchProps {
  children: ReactNode
  isSelected: boolean
  onChange(isSelected: boolean): void
  isDisabled?: boolean
  /** A line under the label that says what the switch does. */
  description?: ReactNode
}

/**
 * An on/off setting: a checkbox with role=switch underneath, so screen readers say "on" or
 * "off"; on screen the thumb's position says it as a shape, not only as a colour.
 */
export function Switch({ children, isSelected, onChange, isDisabled, description }: SwitchProps) {
  return (
    <AriaSwitch
      className="switch"
      isSelected={isSelected}
      onChange={onChange}
      isDisabled={isDisabled}
    >
      <span className="switch__track" aria-hidden="true">
        <span className="switch__thumb" />
      </span>
      <span className="switch__text">
        <span className="switch__label">{children}</span>
        {description ? <span className="switch__description">{description}</span> : null}
      </span>
    </AriaSwitch>
  )
}
