import type { Language } from '@hytepaja/shared/doc/schema/event'
import { useIntl } from 'react-intl'
import { TextAreaField, TextField } from '../../ui/TextField'
import { checkGroupForm, type GroupFormValues } from './groupInput'
import { ItemFormActions, type ItemFormProps, useItemForm } from './ItemForm'
import { VersionFields } from './VersionFields'

export type GroupFormProps = ItemFormProps<GroupFormValues> & { eventLanguage: Language }

/** Name, short description and facilitators of one workshop group. */
export function GroupForm(props: GroupFormProps) {
  const intl = useIntl()
  const { values, error, change, submit, formRef } = useItemForm(props, checkGroupForm)
  return (
    <form className="stack" onSubmit={submit} noValidate ref={formRef}>
      <TextField
        label={intl.formatMessage({ id: 'organiser.group.name.label' })}
        value={values.name}
        onChange={change('name')}
        errorMessage={error('name')}
        maxLength={100}
        isRequired
        autoFocus={props.autoFocus}
        name="groupName"
      />
      <VersionFields
        field="name"
        label={intl.formatMessage({ id: 'organiser.group.name.label' })}
        values={values}
        errors={{ nameFi: error('nameFi'), nameSv: error('nameSv') }}
        onChange={(name, value) => change(name)(value)}
        eventLanguage={props.eventLanguage}
        maxLength={100}
        name="groupName"
      />
      <TextAreaField
        label={intl.formatMessage({ id: 'organiser.group.description.label' })}
        labelNote={intl.formatMessage({ id: 'form.optional' })}
        description={intl.formatMessage({ id: 'organiser.group.description.help' })}
        value={values.description}
        onChange={change('description')}
        errorMessage={error('description')}
        rows={2}
        name="groupDescription"
      />
      <VersionFields
        field="description"
        label={intl.formatMessage({ id: 'organiser.group.description.short' })}
        values={values}
        errors={{ descriptionFi: error('descriptionFi'), descriptionSv: error('descriptionSv') }}
        onChange={(name, value) => change(name)(value)}
        eventLanguage={props.eventLanguage}
        maxLength={500}
        multiline
        withHelp={false}
        name="groupDescription"
      />
      <TextField
        label={intl.formatMessage({ id: 'organiser.group.facilitators.label' })}
        labelNote={intl.formatMessage({ id: 'form.optional' })}
        description={intl.formatMessage({ id: 'organiser.group.facilitators.help' })}
        value={values.facilitators}
        onChange={change('facilitators')}
        errorMessage={error('facilitators')}
        name="groupFacilitators"
      />
      <ItemFormActions {...props} />
    </form>
  )
}
