import type { ReactNode } from 'react'
import {
  Button as AriaButton,
  NumberField as AriaNumberField,
  FieldError,
  Group,
  Input,
  Label,
  Text,
} from 'react-aria-components'
import '../styles/controls.css'

export interface NumberFieldProps {
  label: ReactNode
  value: number
  onChange(value: number): void
  minValue?: number
  maxValue?: number
  description?: ReactNode
  errorMessage?: string | null
  /** Accessible names of the − and + buttons (React Aria's own are used when absent). */
  decrementLabel?: string
  incrementLabel?: string
}

/** A whole number with − and + buttons large enough for a thumb. */
export function NumberField({
  label,
  value,
  onChange,
  minValue,
  maxValue,
  description,
  errorMessage,
  decrementLabel,
  incrementLabel,
}: NumberFieldProps) {
  return (
    <AriaNumberField
      className="field number-field"
      value={value}
      onChange={(next) => {
        if (Number.isFinite(next)) onChange(next)
      }}
      minValue={minValue}
      maxValue={maxValue}
      step={1}
      isInvalid={Boolean(errorMessage)}
      validationBehavior="aria"
      formatOptions={{ maximumFractionDigits: 0 }}
    >
      <Label className="field__label">{label}</Label>
      {description ? (
        <Text slot="description" className="field__description">
          {description}
        </Text>
      ) : null}
      <Group className="number-field__group">
        <AriaButton slot="decrement" className="number-field__step" aria-label={decrementLabel}>
          −
        </AriaButton>
        <Input className="field__input number-field__input" />
        <AriaButton slot="increment" className="number-field__step" aria-label={incrementLabel}>
          +
        </AriaButton>
      </Group>
      <FieldError className="field__error">{errorMessage}</FieldError>
    </AriaNumberField>
  )
}
