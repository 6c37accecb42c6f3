import { type ReactNode, useEffect, useId, useRef } from 'react'
import { FormattedMessage, useIntl } from 'react-intl'
import type * as Y from 'yjs'
import { mapSelection, type TextDelta } from './mapSelection'

export interface SharedTextFieldProps {
  /** The Y.Text the field shows; null until the document is there. */
  text: Y.Text | null
  label: ReactNode
  description?: ReactNode
  /** Writes a new value through the domain (minimal edit); returns an error code or null. */
  onEdit(value: string): string | null
  errorMessage?: string | null
  /** Others in this field right now, by name. */
  occupants: string[]
  onFocusChange(focused: boolean): void
  readOnly: boolean
  maxLength: number
  multiline?: boolean
  lang?: string
  className?: string
}

type Field = HTMLInputElement | HTMLTextAreaElement

/**
 * A plain input bound to a Y.Text that others type into at the same time. The input is
 * uncontrolled: a remote change rewrites its value and maps the caret through the change, so
 * the person typing here keeps their place; a local change goes to the Y.Text as the smallest
 * edit, so both people's letters survive.
 */
export function SharedTextField({
  text,
  label,
  description,
  onEdit,
  errorMessage,
  occupants,
  onFocusChange,
  readOnly,
  maxLength,
  multiline = false,
  lang,
  className,
}: SharedTextFieldProps) {
  const intl = useIntl()
  const id = useId()
  const ref = useRef<Field>(null)
  const composing = useRef(false)
  const stale = useRef(false)

  useEffect(() => {
    const field = ref.current
    if (!text || !field) return
    field.value = text.toString()
    const observer = (event: Y.YTextEvent, transaction: Y.Transaction) => {
      // This client's own typing is in the field already.
      if (transaction.local) return
      if (composing.current) {
        stale.current = true
        return
      }
      const focused = document.activeElement === field
      const selection = {
        start: field.selectionStart ?? 0,
        end: field.selectionEnd ?? 0,
      }
      field.value = text.toString()
      if (focused) {
        const moved = mapSelection(selection, event.delta as TextDelta)
        field.setSelectionRange(moved.start, moved.end)
      }
    }
    text.observe(observer)
    return () => text.unobserve(observer)
  }, [text])

  const onInput = () => {
    const field = ref.current
    if (!field || !text) return
    const failure = onEdit(field.value)
    if (failure) field.value = text.toString()
  }

  const describedBy = [
    description ? `${id}-description` : null,
    errorMessage ? `${id}-error` : null,
  ]
    .filter(Boolean)
    .join(' ')
  const props = {
    id,
    className: multiline ? 'field__input field__textarea' : 'field__input',
    readOnly,
    maxLength,
    lang,
    'aria-describedby': describedBy || undefined,
    'aria-invalid': errorMessage ? true : undefined,
    disabled: !text,
    onInput,
    onFocus: () => onFocusChange(true),
    onBlur: () => onFocusChange(false),
    onCompositionStart: () => {
      composing.current = true
    },
    onCompositionEnd: () => {
      composing.current = false
      onInput()
      if (stale.current && text && ref.current) ref.current.value = text.toString()
      stale.current = false
    },
  }

  return (
    <div className={['field', 'shared-field', className].filter(Boolean).join(' ')}>
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      {description ? (
        <p className="field__description" id={`${id}-description`}>
          {description}
        </p>
      ) : null}
      {multiline ? (
        <textarea ref={ref as React.RefObject<HTMLTextAreaElement>} rows={2} {...props} />
      ) : (
        <input ref={ref as React.RefObject<HTMLInputElement>} type="text" {...props} />
      )}
      {occupants.length > 0 ? (
        <p className="shared-field__occupants">
          <span className="shared-field__dot" aria-hidden="true" />
          <FormattedMessage
            id="proposal.field.occupants"
            values={{ names: intl.formatList(occupants), count: occupants.length }}
          />
        </p>
      ) : null}
      {errorMessage ? (
        <p className="field__error" id={`${id}-error`}>
          {errorMessage}
        </p>
      ) : null}
    </div>
  )
}
