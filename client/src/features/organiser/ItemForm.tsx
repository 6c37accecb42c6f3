import { type FormEvent, type ReactNode, useRef, useState } from 'react'
import { FormattedMessage, useIntl } from 'react-intl'
import { errorMessage } from '../../i18n/errorMessages'
import { Button } from '../../ui/Button'
import { focusFirstInvalid } from '../../ui/focusFirstInvalid'
import { Notice } from '../../ui/Notice'

/** What the console's small add/edit forms (a group, an agenda item) are given. */
export interface ItemFormProps<Values> {
  initial: Values
  submitLabel: ReactNode
  /** Resolves true when saved (an add form then empties itself). */
  onSubmit(values: Values): Promise<boolean>
  onCancel?: () => void
  failure: string | null
  busy: boolean
  /** Takes focus to the first field when the form opens for editing. */
  autoFocus?: boolean
  resetOnSave?: boolean
}

type Errors<Values> = Partial<Record<keyof Values, string>>

/**
 * The state of such a form: checked with the same rules as the server before it is sent, the
 * first field in error takes focus, a field's error goes once it is changed.
 */
export function useItemForm<Values extends { [K in keyof Values]: string }>(
  { initial, onSubmit, resetOnSave }: ItemFormProps<Values>,
  check: (values: Values) => Errors<Values>,
) {
  const intl = useIntl()
  const [values, setValues] = useState(initial)
  const [errors, setErrors] = useState<Errors<Values>>({})
  const formRef = useRef<HTMLFormElement>(null)
  const error = (field: keyof Values) => {
    const code = errors[field]
    return code ? intl.formatMessage(errorMessage(code)) : null
  }
  const change = (field: keyof Values) => (value: string) => {
    setValues((prev) => ({ ...prev, [field]: value }))
    setErrors((prev) => ({ ...prev, [field]: undefined }))
  }
  const submit = async (event: FormEvent) => {
    event.preventDefault()
    // These forms sit inside the console's own forms and lists: the outer one must not submit.
    event.stopPropagation()
    const found = check(values)
    setErrors(found)
    if (Object.keys(found).length > 0) {
      focusFirstInvalid(formRef.current)
      return
    }
    const ok = await onSubmit(values)
    if (ok && resetOnSave) setValues(initial)
  }
  return { values, error, change, submit, formRef }
}

/** The server's refusal, if any, then save and cancel. */
export function ItemFormActions({
  failure,
  busy,
  submitLabel,
  onCancel,
}: Pick<ItemFormProps<unknown>, 'failure' | 'busy' | 'submitLabel' | 'onCancel'>) {
  return (
    <>
      {failure ? (
        <Notice tone="error" announce>
          <FormattedMessage {...errorMessage(failure)} />
        </Notice>
      ) : null}
      <div className="button-row">
        <Button type="submit" variant="primary">
          {busy ? <FormattedMessage id="organiser.saving" /> : submitLabel}
        </Button>
        {onCancel ? (
          <Button variant="secondary" onPress={onCancel}>
            <FormattedMessage id="organiser.cancel" />
          </Button>
        ) : null}
      </div>
    </>
  )
}
