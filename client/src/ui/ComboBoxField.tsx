import { type KeyboardEvent, type ReactNode, useEffect, useId, useRef, useState } from 'react'
import { describedBy } from './NativeFields'
import '../styles/controls.css'

export interface ComboBoxOption {
  /** What is put in the field when chosen (also the option's key). */
  value: string
  /** A second line, such as the kind of an organisation. */
  note?: string
}

export interface ComboBoxFieldProps {
  label: ReactNode
  value: string
  onChange(value: string): void
  /** The suggestions for what is typed now; the field accepts any text as well. */
  options: ComboBoxOption[]
  /** Said politely when the list opens: how many suggestions there are, in words. */
  announceCount(count: number): string
  description?: ReactNode
  labelNote?: ReactNode
  errorMessage?: string | null
  maxLength?: number
  name?: string
  autoComplete?: string
}

/**
 * A text field that suggests: the ARIA 1.2 combobox pattern (an `input` with
 * `role="combobox"` that owns a listbox popup, the active option named by
 * `aria-activedescendant`), written with the browser's own elements. It sits on the join page,
 * the first page a phone opens on venue wifi, where React Aria's combobox (collections,
 * popover, overlays) cost ~35 kB. People may type anything, and may pick a suggestion with the
 * arrow keys and Enter, a tap or a screen reader's list. The list opens while typing only
 * (as the text changes and when suggestions for it arrive), so a phone's keyboard is never
 * covered by a list nobody asked for; Escape closes it until the next keystroke.
 */
export function ComboBoxField({
  label,
  value,
  onChange,
  options,
  announceCount,
  description,
  labelNote,
  errorMessage,
  ...input
}: ComboBoxFieldProps) {
  const id = useId()
  const ids = { description: `${id}-description`, error: `${id}-error` }
  const listId = `${id}-list`
  const optionId = (index: number) => `${id}-option-${index}`
  const field = useRef<HTMLInputElement>(null)
  const [open, setOpen] = useState(false)
  const [active, setActive] = useState(-1)
  const invalid = Boolean(errorMessage)
  // A name just picked (or typed in full) asks for nothing more.
  const found = options.some((option) => option.value === value)
    ? ''
    : options.map((option) => option.value).join('\n')

  // Suggestions arrive from the server after the typing that asked for them: the list opens
  // when new ones are in, while the person is still in the field (never after they left it).
  useEffect(() => {
    setActive(-1)
    setOpen(found !== '' && document.activeElement === field.current)
  }, [found])

  const shown = open && options.length > 0
  const list = useRef<HTMLDivElement>(null)
  // On a phone the field is often near the bottom of what shows above the keyboard: the list
  // that opens under it is brought into view.
  useEffect(() => {
    if (shown) list.current?.scrollIntoView({ block: 'nearest' })
  }, [shown])
  const pick = (option: ComboBoxOption) => {
    onChange(option.value)
    setOpen(false)
    setActive(-1)
  }

  const keys = (event: KeyboardEvent<HTMLInputElement>) => {
    const last = options.length - 1
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      if (options.length === 0) return
      event.preventDefault()
      const down = event.key === 'ArrowDown'
      if (!shown) {
        setOpen(true)
        setActive(down ? 0 : last)
        return
      }
      setActive((now) => (down ? (now >= last ? 0 : now + 1) : now <= 0 ? last : now - 1))
    } else if (event.key === 'Enter' && shown && active >= 0) {
      // Enter picks the suggestion; it does not send the form.
      event.preventDefault()
      const chosen = options[active]
      if (chosen) pick(chosen)
    } else if (event.key === 'Escape' && shown) {
      event.preventDefault()
      setOpen(false)
      setActive(-1)
    }
  }

  return (
    <div className="field combobox" data-invalid={invalid || undefined}>
      <label className="field__label" htmlFor={id} id={`${id}-label`}>
        {label}
        {labelNote ? <span className="field__label-note"> {labelNote}</span> : null}
      </label>
      {description ? (
        <span className="field__description" id={ids.description}>
          {description}
        </span>
      ) : null}
      <div className="combobox__anchor">
        <input
          {...input}
          ref={field}
          id={id}
          type="text"
          className="field__input"
          role="combobox"
          aria-autocomplete="list"
          aria-expanded={shown}
          aria-controls={shown ? listId : undefined}
          aria-activedescendant={shown && active >= 0 ? optionId(active) : undefined}
          aria-invalid={invalid || undefined}
          data-invalid={invalid || undefined}
          aria-describedby={describedBy(ids, { description: Boolean(description), error: invalid })}
          value={value}
          onChange={(changed) => {
            // Typing opens the list again (after Escape, after a pick) once there is any.
            onChange(changed.target.value)
            setOpen(true)
            setActive(-1)
          }}
          onKeyDown={keys}
          onBlur={() => {
            setOpen(false)
            setActive(-1)
          }}
        />
        {shown ? (
          <div
            className="menu combobox__list"
            ref={list}
            role="listbox"
            id={listId}
            aria-labelledby={`${id}-label`}
          >
            {options.map((option, index) => (
              // The keys are the field's (aria-activedescendant): an option only needs the tap.
              // biome-ignore lint/a11y/useKeyWithClickEvents: keyboard picks through the field
              // biome-ignore lint/a11y/useFocusableInteractive: the focus stays in the field
              <div
                key={option.value}
                id={optionId(index)}
                role="option"
                aria-selected={index === active}
                data-focused={index === active || undefined}
                className="menu__item combobox__option"
                // The field keeps the focus (and a phone its keyboard) while an option is tapped.
                onMouseDown={(pressed) => pressed.preventDefault()}
                onClick={() => pick(option)}
              >
                <span className="combobox__value">{option.value}</span>
                {option.note ? <span className="combobox__note">{option.note}</span> : null}
              </div>
            ))}
          </div>
        ) : null}
      </div>
      {invalid ? (
        <span className="field__error" id={ids.error}>
          {errorMessage}
        </span>
      ) : null}
      <span className="visually-hidden" role="status">
        {shown ? announceCount(options.length) : ''}
      </span>
    </div>
  )
}
