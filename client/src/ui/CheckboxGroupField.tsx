import type { ReactNode } from 'react'
import { Checkbox, CheckboxGroup, Label, Text } from 'react-aria-components'
import '../styles/controls.css'

export interface CheckboxOption<T extends string> {
  value: T
  label: string
}

export interface CheckboxGroupFieldProps<T extends string> {
  label: ReactNode
  description?: ReactNode
  options: CheckboxOption<T>[]
  value: T[]
  onChange(value: T[]): void
}

/** Several independent choices with one label (e.g. the age groups an idea concerns). */
export function CheckboxGroupField<T extends string>({
  label,
  description,
  options,
  value,
  onChange,
}: CheckboxGroupFieldProps<T>) {
  return (
    <CheckboxGroup
      className="checkbox-group"
      value={value}
      onChange={(next) => onChange(next as T[])}
    >
      <Label className="field__label">{label}</Label>
      {description ? (
        <Text slot="description" className="field__description">
          {description}
        </Text>
      ) : null}
      <div className="checkbox-group__list">
        {options.map((option) => (
          <Checkbox key={option.value} value={option.value} className="checkbox">
            <span className="checkbox__box" aria-hidden="true" />
            {option.label}
          </Checkbox>
        ))}
      </div>
    </CheckboxGroup>
  )
}
