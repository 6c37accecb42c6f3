import { useIntl } from 'react-intl'
import { TextAreaField, TextField } from '../../ui/TextField'
import { checkGroupForm, type GroupFormValues } from './groupInput'
import { ItemFormActions, type ItemFormProps, useItemForm } from './ItemForm'

export type GroupFormProps = ItemFormProps<GroupFormValues>

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
