import type { ReactNode } from 'react'
import {
  TextField as AriaTextField,
  FieldError,
  Input,
  Label,
  Text,
  TextArea,
} from 'react-aria-components'

interface FieldProps {
  label: ReactNode
  value: string
  onChange(value: string): void
  description?: ReactNode
  /** Shown under the field and read out with it; also marks the field invalid. */
  errorMessage?: string | null
  isRequired?: boolean
  isDisabled?: boolean
  maxLength?: number
  name?: string
  autoFocus?: boolean
  /** A short note beside the label, such as "(vapaaehtoinen)". */
  labelNote?: ReactNode
}

export interface TextFieldProps extends FieldProps {
  /** The input's type; date and time give phones their native pickers. */
  type?: 'text' | 'url' | 'email' | 'date' | 'time'
  autoComplete?: string
  inputMode?: 'text' | 'numeric'
  placeholder?: string
  pattern?: string
  /** The language of what is typed, when it is not the page's (a Swedish name on a Finnish page). */
  lang?: string
}

function FieldLabel({ label, labelNote }: Pick<FieldProps, 'label' | 'labelNote'>) {
  return (
    <Label className="field__label">
      {label}
      {labelNote ? <span className="field__label-note"> {labelNote}</span> : null}
    </Label>
  )
}

export function TextField({
  label,
  labelNote,
  description,
  errorMessage,
  autoComplete,
  inputMode,
  placeholder,
  pattern,
  lang,
  ...props
}: TextFieldProps) {
  return (
    <AriaTextField
      {...props}
      className="field"
      isInvalid={Boolean(errorMessage)}
      validationBehavior="aria"
    >
      <FieldLabel label={label} labelNote={labelNote} />
      {description ? (
        <Text slot="description" className="field__description">
          {description}
        </Text>
      ) : null}
      <Input
        className="field__input"
        autoComplete={autoComplete}
        inputMode={inputMode}
        placeholder={placeholder}
        pattern={pattern}
        lang={lang}
      />
      <FieldError className="field__error">{errorMessage}</FieldError>
    </AriaTextField>
  )
}

export interface TextAreaFieldProps extends FieldProps {
  /** The live character count, already worded ("120 / 500 merkkiä"). */
  counter?: ReactNode
  overLimit?: boolean
  rows?: number
  lang?: string
}

/** A multi-line field with a visible character counter that is part of its description. */
export function TextAreaField({
  label,
  labelNote,
  description,
  errorMessage,
  counter,
  overLimit = false,
  rows = 5,
  lang,
  // Not passed on: like GOV.UK's character count, the field lets people type past the limit
  // and says by how much, instead of silently cutting pasted text.
  maxLength: _limit,
  ...props
}: TextAreaFieldProps) {
  return (
    <AriaTextField
      {...props}
      className="field"
      isInvalid={Boolean(errorMessage) || overLimit}
      validationBehavior="aria"
    >
      <FieldLabel label={label} labelNote={labelNote} />
      <TextArea className="field__input field__textarea" rows={rows} lang={lang} />
      {description || counter ? (
        <Text slot="description" className="field__meta">
          {description ? <span className="field__description">{description}</span> : null}
          {counter ? (
            <span className={overLimit ? 'field__counter field__counter--over' : 'field__counter'}>
              {counter}
            </span>
          ) : null}
        </Text>
      ) : null}
      <FieldError className="field__error">{errorMessage}</FieldError>
    </AriaTextField>
  )
}
