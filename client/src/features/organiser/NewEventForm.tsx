import type { Language } from '@hytepaja/shared/doc/schema/event'
import { defaultThemes } from '@hytepaja/shared/domain/groups'
import { type FormEvent, useRef, useState } from 'react'
import { FormattedMessage, useIntl } from 'react-intl'
import { useLocation } from 'wouter'
import { createEvent } from '../../api/organiser'
import { errorMessage } from '../../i18n/errorMessages'
import { useLocaleControl } from '../../i18n/LocaleProvider'
import { Button } from '../../ui/Button'
import { focusFirstInvalid } from '../../ui/focusFirstInvalid'
import { Notice } from '../../ui/Notice'
import { managePath } from './access'
import { EventFields } from './EventFields'
import {
  checkEventForm,
  EMPTY_EVENT_FORM,
  type EventFormErrors,
  type EventFormValues,
  eventPatch,
} from './eventForm'
import { checkGroupForm, type GroupFormErrors, groupPatch, groupVersionValues } from './groupInput'
import { type NewGroupDraft, NewGroupsFields } from './NewGroupsFields'
import { useAction } from './useAction'

let draftIds = 0
const themesOf = (language: Language): NewGroupDraft[] =>
  defaultThemes(language).map((theme) => ({
    key: `g${++draftIds}`,
    name: theme.name,
    description: theme.description,
    // The themes' Finnish and Swedish versions come with them, editable.
    ...groupVersionValues(theme),
    facilitators: '',
  }))

/** "Uusi neuvottelu": the description and the theme groups; the agenda comes from the template. */
export function NewEventForm({
  consoleKey,
  autoFocus,
}: {
  consoleKey: string
  /** Opened by a button press: the title field takes focus. */
  autoFocus?: boolean
}) {
  const intl = useIntl()
  const { locale } = useLocaleControl()
  const [, navigate] = useLocation()
  const [values, setValues] = useState<EventFormValues>({ ...EMPTY_EVENT_FORM, language: locale })
  const [errors, setErrors] = useState<EventFormErrors>({})
  const [groups, setGroups] = useState<NewGroupDraft[]>(() => themesOf(locale))
  const [groupErrors, setGroupErrors] = useState<Record<string, GroupFormErrors>>({})
  // The default themes follow the event's language until the organiser edits them.
  const [groupsTouched, setGroupsTouched] = useState(false)
  const action = useAction()
  const formRef = useRef<HTMLFormElement>(null)

  const submit = async (submitted: FormEvent) => {
    submitted.preventDefault()
    const found = checkEventForm(values)
    // The same rules as a group added later (name, description, facilitators).
    const foundInGroups: Record<string, GroupFormErrors> = {}
    for (const group of groups) {
      const errorsOfGroup = checkGroupForm(group)
      if (Object.keys(errorsOfGroup).length > 0) foundInGroups[group.key] = errorsOfGroup
    }
    setErrors(found)
    setGroupErrors(foundInGroups)
    if (Object.keys(found).length > 0 || Object.keys(foundInGroups).length > 0) {
      focusFirstInvalid(formRef.current)
      return
    }
    const { preAssignment: _unused, ...patch } = eventPatch(values)
    const created = await action.run(() =>
      createEvent(consoleKey, {
        ...patch,
        title: patch.title ?? '',
        municipalities: patch.municipalities ?? [],
        startsAt: patch.startsAt ?? '',
        groups: groups.map((group) => groupPatch(group, values.language)),
      }),
    )
    if (created) navigate(`${managePath('console', created.id)}?tab=links&created=1`)
  }

  return (
    <form className="stack" onSubmit={submit} noValidate ref={formRef}>
      <EventFields
        values={values}
        errors={errors}
        autoFocus={autoFocus}
        onChange={(field, value) => {
          setValues((prev) => ({ ...prev, [field]: value }))
          setErrors((prev) => ({ ...prev, [field]: undefined }))
          if (field === 'language' && !groupsTouched) setGroups(themesOf(value as Language))
        }}
      />
      <NewGroupsFields
        eventLanguage={values.language}
        groups={groups}
        errors={groupErrors}
        onChange={(next) => {
          setGroups(next)
          setGroupsTouched(true)
          setGroupErrors({})
        }}
      />
      {action.failure ? (
        <Notice tone="error" announce>
          <FormattedMessage {...errorMessage(action.failure)} />
        </Notice>
      ) : null}
      <Button type="submit" variant="primary" size="large" wide>
        {action.busy ? (
          <FormattedMessage id="console.create.busy" />
        ) : (
          <FormattedMessage id="console.create.submit" />
        )}
      </Button>
      <p className="hint">{intl.formatMessage({ id: 'console.create.after' })}</p>
    </form>
  )
}
