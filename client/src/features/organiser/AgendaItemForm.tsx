import { AGENDA_KINDS, type Language } from '@hytepaja/shared/doc/schema/event'
import { useIntl } from 'react-intl'
import { SelectField } from '../../ui/SelectField'
import { TextField } from '../../ui/TextField'
import { type AgendaFormValues, checkAgendaForm } from './agendaInput'
import { agendaKindName } from './agendaKinds'
import { ItemFormActions, type ItemFormProps, useItemForm } from './ItemForm'
import { VersionFields } from './VersionFields'

export type AgendaItemFormProps = ItemFormProps<AgendaFormValues> & { eventLanguage: Language }

/** Title, kind, start time and presenter of one agenda item. */
export function AgendaItemForm(props: AgendaItemFormProps) {
  const intl = useIntl()
  const { values, error, change, submit, formRef } = useItemForm(props, checkAgendaForm)
  return (
    <form className="stack agenda-form" onSubmit={submit} noValidate ref={formRef}>
      <TextField
        label={intl.formatMessage({ id: 'agenda.form.title.label' })}
        value={values.title}
        onChange={change('title')}
        errorMessage={error('title')}
        maxLength={300}
        isRequired
        autoFocus={props.autoFocus}
        name="agendaTitle"
      />
      <VersionFields
        field="title"
        label={intl.formatMessage({ id: 'agenda.form.title.label' })}
        values={values}
        errors={{ titleFi: error('titleFi'), titleSv: error('titleSv') }}
        onChange={(name, value) => change(name)(value)}
        eventLanguage={props.eventLanguage}
        maxLength={300}
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
          errorMessage={error('startTime')}
          name="agendaTime"
        />
      </div>
      <TextField
        label={intl.formatMessage({ id: 'agenda.form.presenter.label' })}
        labelNote={intl.formatMessage({ id: 'form.optional' })}
        description={intl.formatMessage({ id: 'agenda.form.presenter.help' })}
        value={values.presenter}
        onChange={change('presenter')}
        errorMessage={error('presenter')}
        maxLength={200}
        name="agendaPresenter"
      />
      <ItemFormActions {...props} />
    </form>
  )
}
