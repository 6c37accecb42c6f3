import { AGENDA_KINDS } from '@hytepaja/shared/doc/schema'
import { type FormEvent, type ReactNode, useRef, useState } from 'react'
import { FormattedMessage, useIntl } from 'react-intl'
import { errorMessage } from '../../i18n/errorMessages'
import { Button } from '../../ui/Button'
import { focusFirstInvalid } from '../../ui/focusFirstInvalid'
import { Notice } from '../../ui/Notice'
import { SelectField } from '../../ui/SelectField'
import { TextField } from '../../ui/TextField'
import { type AgendaFormErrors, type AgendaFormValues, checkAgendaForm } from './agendaInput'
import { agendaKindName } from './agendaKinds'

export interface AgendaItemFormProps {
  initial: AgendaFormValues
  submitLabel: ReactNode
  onSubmit(values: AgendaFormValues): Promise<boolean>
  onCancel?: () => void
  failure: string | null
  busy: boolean
  autoFocus?: boolean
  resetOnSave?: boolean
}

/** Title, kind, start time and presenter of one agenda item. */
export function AgendaItemForm({
  initial,
  submitLabel,
  onSubmit,
  onCancel,
  failure,
  busy,
  autoFocus,
  resetOnSave,
}: AgendaItemFormProps) {
  const intl = useIntl()
  const [values, setValues] = useState(initial)
  const [errors, setErrors] = useState<AgendaFormErrors>({})
  const formRef = useRef<HTMLFormElement>(null)
  const error = (code: string | undefined) => (code ? intl.formatMessage(errorMessage(code)) : null)
  const change = (field: keyof AgendaFormValues) => (value: string) => {
    setValues((prev) => ({ ...prev, [field]: value }))
    setErrors((prev) => ({ ...prev, [field]: undefined }))
  }

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    const found = checkAgendaForm(values)
    setErrors(found)
    if (Object.keys(found).length > 0) {
      focusFirstInvalid(formRef.current)
      return
    }
    const ok = await onSubmit(values)
    if (ok && resetOnSave) setValues(initial)
  }

  return (
    <form className="stack agenda-form" onSubmit={submit} noValidate ref={formRef}>
      <TextField
        label={intl.formatMessage({ id: 'agenda.form.title.label' })}
        value={values.title}
        onChange={change('title')}
        errorMessage={error(errors.title)}
        maxLength={300}
        isRequired
        autoFocus={autoFocus}
        name="agendaTitle"
      />
      <div className="field-row">
        <SelectField
          label={intl.formatMessage({ id: 'agenda.form.kind.label' })}
          value={values.kind}
          onChange={change('kind')}
          name="agendaKind"
          options={AGENDA_KINDS.map((kind) => ({
            value: kind,
            label: intl.formatMessage(agendaKindName(kind)),
          }))}
        />
        <TextField
          type="time"
          label={intl.formatMessage({ id: 'agenda.form.startTime.label' })}
          labelNote={intl.formatMessage({ id: 'form.optional' })}
          value={values.startTime}
          onChange={change('startTime')}
          errorMessage={error(errors.startTime)}
          name="agendaTime"
        />
      </div>
      <TextField
        label={intl.formatMessage({ id: 'agenda.form.presenter.label' })}
        labelNote={intl.formatMessage({ id: 'form.optional' })}
        description={intl.formatMessage({ id: 'agenda.form.presenter.help' })}
        value={values.presenter}
        onChange={change('presenter')}
        errorMessage={error(errors.presenter)}
        maxLength={200}
        name="agendaPresenter"
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
