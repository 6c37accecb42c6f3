import { type FormEvent, useState } from 'react'
import { FormattedMessage, useIntl } from 'react-intl'
import { Link } from 'wouter'
import { type ManagedEvent, setEventMunicipalityGroup } from '../../api/organiser'
import { register } from '../../api/register'
import { errorMessage } from '../../i18n/errorMessages'
import { Button } from '../../ui/Button'
import { Notice } from '../../ui/Notice'
import { SelectField } from '../../ui/SelectField'
import { useLoaded } from '../yearCycle/useLoaded'
import type { OrganiserAccess } from './access'
import { useAction } from './useAction'

/**
 * The event's municipality group (kuntaryhmä): which summary it counts in and which follow-up
 * it takes part in. The groups are the county's register, so only the console key chooses.
 */
export function MunicipalityGroupForm({
  access,
  event,
  onSaved,
}: {
  access: OrganiserAccess
  event: ManagedEvent
  onSaved(municipalityGroupId: string | null): void
}) {
  const intl = useIntl()
  const groups = useLoaded((signal) => register.groups(access.token, signal), [access.token])
  const [chosen, setChosen] = useState(event.municipalityGroupId ?? '')
  const [saved, setSaved] = useState(false)
  const action = useAction()

  const submit = async (submitted: FormEvent) => {
    submitted.preventDefault()
    setSaved(false)
    const answer = await action.run(() =>
      setEventMunicipalityGroup(access.eventId, access.token, chosen || null),
    )
    if (!answer) return
    onSaved(answer.municipalityGroupId)
    setSaved(true)
  }

  return (
    <form className="stack card" onSubmit={submit} noValidate aria-labelledby="event-group-heading">
      <h3 id="event-group-heading">
        <FormattedMessage id="organiser.group.heading" />
      </h3>
      <SelectField
        label={intl.formatMessage({ id: 'organiser.group.label' })}
        description={intl.formatMessage({ id: 'organiser.group.help' })}
        value={chosen}
        options={[
          { value: '', label: intl.formatMessage({ id: 'organiser.group.none' }) },
          ...(groups.data ?? []).map((g) => ({ value: g.id, label: g.name })),
        ]}
        onChange={(value) => {
          setChosen(value)
          setSaved(false)
        }}
      />
      <p>
        <Link href="/admin/register?tab=groups" className="standalone-link">
          <FormattedMessage id="organiser.group.manage" />
        </Link>
      </p>
      {groups.state === 'failed' || action.failure ? (
        <Notice tone="error" announce>
          <FormattedMessage
            {...errorMessage(action.failure ?? (groups.state === 'failed' ? groups.code : ''))}
          />
        </Notice>
      ) : null}
      <div className="form-actions">
        <Button type="submit">
          <FormattedMessage id="organiser.group.save" />
        </Button>
        <p className="form-actions__status" role="status">
          {saved ? intl.formatMessage({ id: 'organiser.saved' }) : ''}
        </p>
      </div>
    </form>
  )
}
