import { type ReactNode, useId } from 'react'

/**
 * The join form's fields in the browser's own elements, with the markup and classes of
 * `TextField` and `RadioCards`: a phone opening a join link on venue wifi waits for every byte,
 * and React Aria's field and radio code is ~10 kB it does not need there (a native input and
 * native radios already do what those add: labels, descriptions, arrow keys between radios).
 */

interface NativeFieldBase {
  label: ReactNode
  description?: ReactNode
  /** Shown under the field and read out with it; also marks the field invalid. */
  errorMessage?: string | null
  isRequired?: boolean
}

export interface NativeTextFieldProps extends NativeFieldBase {
  value: string
  onChange(value: string): void
  /** A short note beside the label, such as "(vapaaehtoinen)". */
  labelNote?: ReactNode
  name?: string
  maxLength?: number
  autoComplete?: string
  inputMode?: 'text' | 'numeric'
  placeholder?: string
}

/** The ids that tie a field's description and error to it, in reading order. */
export function describedBy(
  ids: { description: string; error: string },
  has: { description: boolean; error: boolean },
): string | undefined {
  const list = [has.description && ids.description, has.error && ids.error].filter(Boolean)
  return list.length > 0 ? list.join(' ') : undefined
}

export function NativeTextField({
  label,
  labelNote,
  description,
  errorMessage,
  isRequired,
  value,
  onChange,
  ...input
}: NativeTextFieldProps) {
  const id = useId()
  const ids = { description: `${id}-description`, error: `${id}-error` }
  const invalid = Boolean(errorMessage)
  return (
    <div className="field" data-invalid={invalid || undefined}>
      <label className="field__label" htmlFor={id}>
        {label}
        {labelNote ? <span className="field__label-note"> {labelNote}</span> : null}
      </label>
      {description ? (
        <span className="field__description" id={ids.description}>
          {description}
        </span>
      ) : null}
      <input
        {...input}
        id={id}
        type="text"
        className="field__input"
        value={value}
        onChange={(changed) => onChange(changed.target.value)}
        aria-required={isRequired || undefined}
        aria-invalid={invalid || undefined}
        data-invalid={invalid || undefined}
        aria-describedby={describedBy(ids, { description: Boolean(description), error: invalid })}
      />
      {invalid ? (
        <span className="field__error" id={ids.error}>
          {errorMessage}
        </span>
      ) : null}
    </div>
  )
}

export interface NativeRadioCardOption {
  value: string
  title: ReactNode
  description?: ReactNode
}

export interface NativeRadioCardsProps extends NativeFieldBase {
  /** The radios' shared `name`: the browser moves between them with the arrow keys. */
  name: string
  options: NativeRadioCardOption[]
  value: string | null
  onChange(value: string): void
}

/** One choice out of a few, each a large card with a title and an explanation. */
export function NativeRadioCards({
  label,
  description,
  errorMessage,
  isRequired,
  name,
  options,
  value,
  onChange,
}: NativeRadioCardsProps) {
  const id = useId()
  const ids = { description: `${id}-description`, error: `${id}-error` }
  const invalid = Boolean(errorMessage)
  return (
    // The group is named by its label; `focusFirstInvalid` finds its first radio by
    // `data-invalid`, so the group itself carries no aria-invalid to be focused instead.
    <div
      className="radio-cards"
      role="radiogroup"
      aria-labelledby={`${id}-label`}
      aria-describedby={describedBy(ids, { description: Boolean(description), error: invalid })}
      aria-required={isRequired || undefined}
      data-invalid={invalid || undefined}
    >
      <span className="field__label" id={`${id}-label`}>
        {label}
      </span>
      {description ? (
        <span className="field__description" id={ids.description}>
          {description}
        </span>
      ) : null}
      <div className="radio-cards__list">
        {options.map((option) => (
          <label
            key={option.value}
            className="radio-card"
            data-selected={option.value === value || undefined}
          >
            <input
              type="radio"
              className="visually-hidden"
              name={name}
              value={option.value}
              checked={option.value === value}
              onChange={() => onChange(option.value)}
            />
            <span className="radio-card__mark" aria-hidden="true" />
            <span className="radio-card__body">
              <span className="radio-card__title">{option.title}</span>
              {option.description ? (
                <span className="radio-card__description">{option.description}</span>
              ) : null}
            </span>
          </label>
        ))}
      </div>
      {invalid ? (
        <span className="field__error" id={ids.error}>
          {errorMessage}
        </span>
      ) : null}
    </div>
  )
}
