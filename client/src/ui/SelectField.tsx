import { type ReactNode, useId } from 'react'

export interface SelectOption<T extends string> {
  value: T
  label: string
}

export interface SelectFieldProps<T extends string> {
  label: ReactNode
  value: T
  options: SelectOption<T>[]
  onChange(value: T): void
  description?: ReactNode
  name?: string
}

/**
 * The browser's own select: on phones it opens the system picker, which every screen reader
 * and switch device already knows. Styled like the text fields.
 */
export function SelectField<T extends string>({
  label,
  value,
  options,
  onChange,
  description,
  name,
}: SelectFieldProps<T>) {
  const id = useId()
  const descriptionId = `${id}-description`
  return (
    <div className="field">
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      {description ? (
        <span id={descriptionId} className="field__description">
          {description}
        </span>
      ) : null}
      <select
        id={id}
        name={name}
        className="field__input field__select"
        value={value}
        aria-describedby={description ? descriptionId : undefined}
        onChange={(event) => onChange(event.target.value as T)}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  )
}
