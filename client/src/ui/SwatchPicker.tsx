import type { ReactNode } from 'react'
import { Label, Radio, RadioGroup } from 'react-aria-components'
import '../styles/controls.css'

export interface Swatch<T extends string> {
  value: T
  label: string
  /** Any CSS colour, e.g. `var(--note-yellow)`. */
  color: string
}

/** A choice of colour where every colour also has its name in text (never colour alone). */
export function SwatchPicker<T extends string>({
  label,
  swatches,
  value,
  onChange,
}: {
  label: ReactNode
  swatches: Swatch<T>[]
  value: T
  onChange(value: T): void
}) {
  return (
    <RadioGroup
      className="swatches"
      value={value}
      onChange={(next) => onChange(next as T)}
      orientation="horizontal"
    >
      <Label className="field__label">{label}</Label>
      <div className="swatches__list">
        {swatches.map((swatch) => (
          <Radio key={swatch.value} value={swatch.value} className="swatch">
            <span
              className="swatch__chip"
              style={{ backgroundColor: swatch.color }}
              aria-hidden="true"
            />
            {swatch.label}
          </Radio>
        ))}
      </div>
    </RadioGroup>
  )
}
