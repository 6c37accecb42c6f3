import { type ReactNode, useContext, useEffect, useRef } from 'react'
import {
  ComboBox,
  ComboBoxStateContext,
  FieldError,
  Input,
  Label,
  ListBox,
  ListBoxItem,
  Popover,
  Text,
} from 'react-aria-components'
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
  description?: ReactNode
  labelNote?: ReactNode
  errorMessage?: string | null
  maxLength?: number
  name?: string
  autoComplete?: string
}

/**
 * A text field that suggests (ARIA 1.2 combobox with a listbox popup, React Aria): people may
 * type anything, and may pick a suggestion with the arrow keys and Enter, a tap or a screen
 * reader's list. The popup opens while typing only, so a phone's keyboard is never covered by
 * a list nobody asked for.
 */
export function ComboBoxField({
  label,
  value,
  onChange,
  options,
  description,
  labelNote,
  errorMessage,
  maxLength,
  name,
  autoComplete,
}: ComboBoxFieldProps) {
  return (
    <ComboBox
      className="field combobox"
      allowsCustomValue
      allowsEmptyCollection={false}
      menuTrigger="input"
      inputValue={value}
      onInputChange={onChange}
      onSelectionChange={(key) => {
        if (key !== null) onChange(String(key))
      }}
      items={options}
      isInvalid={Boolean(errorMessage)}
      validationBehavior="aria"
      name={name}
    >
      <Label className="field__label">
        {label}
        {labelNote ? <span className="field__label-note"> {labelNote}</span> : null}
      </Label>
      {description ? (
        <Text slot="description" className="field__description">
          {description}
        </Text>
      ) : null}
      <Input className="field__input" maxLength={maxLength} autoComplete={autoComplete} />
      <FieldError className="field__error">{errorMessage}</FieldError>
      <OpenWhenFound
        found={
          // A name just picked (or typed in full) asks for nothing more.
          options.some((option) => option.value === value)
            ? ''
            : options.map((option) => option.value).join('\n')
        }
      />
      <Popover className="popover combobox__popover" placement="bottom start" offset={4}>
        <ListBox className="menu" items={options}>
          {(option) => (
            <ListBoxItem
              id={option.value}
              textValue={option.value}
              className="menu__item combobox__option"
            >
              <span className="combobox__value">{option.value}</span>
              {option.note ? <span className="combobox__note">{option.note}</span> : null}
            </ListBoxItem>
          )}
        </ListBox>
      </Popover>
    </ComboBox>
  )
}

/**
 * Suggestions arrive from the server after the typing that asked for them; React Aria opens
 * the list only as the text changes, so the list opens here once they are in, while the
 * person is still in the field (never after they left it).
 */
function OpenWhenFound({ found }: { found: string }) {
  const state = useContext(ComboBoxStateContext)
  const latest = useRef(state)
  latest.current = state
  // Only new suggestions open it: a list closed with Escape stays closed until the next ones.
  useEffect(() => {
    const now = latest.current
    if (found && now?.isFocused && !now.isOpen) now.open(null, 'input')
  }, [found])
  return null
}
