import type { ReactNode } from 'react'
import { FieldError, Label, Radio, RadioGroup, Text } from 'react-aria-components'

export interface RadioCardOption {
  value: string
  title: ReactNode
  description?: ReactNode
}

export interface RadioCardsProps {
  label: ReactNode
  description?: ReactNode
  options: RadioCardOption[]
  value: string | null
  onChange(value: string): void
  isRequired?: boolean
  errorMessage?: string | null
}

/** One choice out of a few, each a large card with a title and an explanation. */
export function RadioCards({
  label,
  description,
  options,
  value,
  onChange,
  isRequired,
  errorMessage,
}: RadioCardsProps) {
  return (
    <RadioGroup
      className="radio-cards"
      value={value}
      onChange={onChange}
      isRequired={isRequired}
      isInvalid={Boolean(errorMessage)}
      validationBehavior="aria"
    >
      <Label className="field__label">{label}</Label>
      {description ? (
        <Text slot="description" className="field__description">
          {description}
        </Text>
      ) : null}
      <div className="radio-cards__list">
        {options.map((option) => (
          <Radio key={option.value} value={option.value} className="radio-card">
            <span className="radio-card__mark" aria-hidden="true" />
            <span className="radio-card__body">
              <span className="radio-card__title">{option.title}</span>
              {option.description ? (
                <span className="radio-card__description">{option.description}</span>
              ) : null}
            </span>
          </Radio>
        ))}
      </div>
      <FieldError className="field__error">{errorMessage}</FieldError>
    </RadioGroup>
  )
}
