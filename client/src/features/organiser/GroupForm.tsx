import { type FormEvent, type ReactNode, useRef, useState } from 'react'
import { FormattedMessage, useIntl } from 'react-intl'
import { errorMessage } from '../../i18n/errorMessages'
import { Button } from '../../ui/Button'
import { focusFirstInvalid } from '../../ui/focusFirstInvalid'
import { Notice } from '../../ui/Notice'
import { TextAreaField, TextField } from '../../ui/TextField'
import { checkGroupForm, type GroupFormErrors, type GroupFormValues } from './groupInput'

export interface GroupFormProps {
  initial: GroupFormValues
  submitLabel: ReactNode
  /** Resolves true when saved (an add form then empties itself). */
  onSubmit(values: GroupFormValues): Promise<boolean>
  onCancel?: () => void
  failure: string | null
  busy: boolean
  /** Takes focus to the name field when the form opens for editing. */
  autoFocus?: boolean
  resetOnSave?: boolean
}

/** Name, short description and facilitators of one workshop group. */
export function GroupForm({
  initial,
  submitLabel,
  onSubmit,
  onCancel,
  failure,
  busy,
  autoFocus,
  resetOnSave,
}: GroupFormProps) {
  const intl = useIntl()
  const [values, setValues] = useState(initial)
  const [errors, setErrors] = useState<GroupFormErrors>({})
  const formRef = useRef<HTMLFormElement>(null)
  const error = (code: string | undefined) => (code ? intl.formatMessage(errorMessage(code)) : null)
  const change = (field: keyof GroupFormValues) => (value: string) => {
    setValues((prev) => ({ ...prev, [field]: value }))
    setErrors((prev) => ({ ...prev, [field]: undefined }))
  }

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    event.stopPropagation()
    const found = checkGroupForm(values)
    setErrors(found)
    if (Object.keys(found).length > 0) {
      focusFirstInvalid(formRef.current)
      return
    }
    const ok = await onSubmit(values)
    if (ok && resetOnSave) setValues(initial)
  }

  return (
    <form className="stack" onSubmit={submit} noValidate ref={formRef}>
      <TextField
        label={intl.formatMessage({ id: 'organiser.group.name.label' })}
        value={values.name}
        onChange={change('name')}
        errorMessage={error(errors.name)}
        maxLength={100}
        isRequired
        autoFocus={autoFocus}
        name="groupName"
      />
      <TextAreaField
        label={intl.formatMessage({ id: 'organiser.group.description.label' })}
        labelNote={intl.formatMessage({ id: 'form.optional' })}
        description={intl.formatMessage({ id: 'organiser.group.description.help' })}
        value={values.description}
        onChange={change('description')}
        errorMessage={error(errors.description)}
        rows={2}
        name="groupDescription"
      />
      <TextField
        label={intl.formatMessage({ id: 'organiser.group.facilitators.label' })}
        labelNote={intl.formatMessage({ id: 'form.optional' })}
        description={intl.formatMessage({ id: 'organiser.group.facilitators.help' })}
        value={values.facilitators}
        onChange={change('facilitators')}
        errorMessage={error(errors.facilitators)}
        name="groupFacilitators"
      />
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
    </form>
  )
}
