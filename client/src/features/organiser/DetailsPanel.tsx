import { type FormEvent, useRef, useState } from 'react'
import { FormattedMessage, useIntl } from 'react-intl'
import { type ManagedEvent, updateEvent } from '../../api/organiser'
import { errorMessage } from '../../i18n/errorMessages'
import { Button } from '../../ui/Button'
import { focusFirstInvalid } from '../../ui/focusFirstInvalid'
import { Notice } from '../../ui/Notice'
import type { OrganiserAccess } from './access'
import { EventFields } from './EventFields'
import {
  checkEventForm,
  type EventFormErrors,
  type EventFormValues,
  eventPatch,
  formFromMeta,
} from './eventForm'
import { useAction } from './useAction'

/** Perustiedot: the event's title, municipalities, time, place, remote link and language. */
export function DetailsPanel({
  access,
  event,
  onSaved,
}: {
  access: OrganiserAccess
  event: ManagedEvent
  onSaved(meta: Partial<ManagedEvent>): void
}) {
  const intl = useIntl()
  const [values, setValues] = useState<EventFormValues>(() => formFromMeta(event))
  const [errors, setErrors] = useState<EventFormErrors>({})
  const [saved, setSaved] = useState(false)
  const action = useAction()
  const formRef = useRef<HTMLFormElement>(null)

  const submit = async (submitted: FormEvent) => {
    submitted.preventDefault()
    const found = checkEventForm(values)
    setErrors(found)
    setSaved(false)
    if (Object.keys(found).length > 0) {
      focusFirstInvalid(formRef.current)
      return
    }
    const meta = await action.run(() =>
      updateEvent(access.eventId, access.token, eventPatch(values)),
    )
    if (meta) {
      onSaved(meta)
      setValues(formFromMeta(meta))
      setSaved(true)
    }
  }

  return (
    <form className="stack" onSubmit={submit} noValidate ref={formRef}>
      <h2>
        <FormattedMessage id="organiser.tab.details" />
      </h2>
      <EventFields
        values={values}
        errors={errors}
        withPreAssignment
        onChange={(field, value) => {
          setValues((prev) => ({ ...prev, [field]: value }))
          setErrors((prev) => ({ ...prev, [field]: undefined }))
          setSaved(false)
        }}
      />
      {action.failure ? (
        <Notice tone="error" announce>
          <FormattedMessage {...errorMessage(action.failure)} />
        </Notice>
      ) : null}
      <div className="form-actions">
        <Button type="submit" variant="primary">
          {action.busy ? (
            <FormattedMessage id="organiser.saving" />
          ) : (
            <FormattedMessage id="organiser.details.save" />
          )}
        </Button>
        <p className="form-actions__status" role="status">
          {saved ? intl.formatMessage({ id: 'organiser.saved' }) : ''}
        </p>
      </div>
    </form>
  )
}
