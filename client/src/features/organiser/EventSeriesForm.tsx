import { type FormEvent, useState } from 'react'
import { FormattedMessage, useIntl } from 'react-intl'
import { Link } from 'wouter'
import type { ManagedEvent } from '../../api/organiser'
import { attachMeeting, detachMeeting, listSeries } from '../../api/series'
import { errorMessage } from '../../i18n/errorMessages'
import { Button } from '../../ui/Button'
import { Notice } from '../../ui/Notice'
import { SelectField } from '../../ui/SelectField'
import { useLoaded } from '../yearCycle/useLoaded'
import type { OrganiserAccess } from './access'
import { useAction } from './useAction'

/**
 * The partnership group (kumppanuusryhmä) this event is a meeting of, chosen on the event's own
 * page: its minutes and open actions then show on the series' page, and the series' next
 * meeting follows up its actions. A meeting of another series moves here; none takes it out
 * (the event itself stays). The series are the county's, so only the console key chooses.
 */
export function EventSeriesForm({
  access,
  event,
  onSaved,
}: {
  access: OrganiserAccess
  event: ManagedEvent
  onSaved(seriesId: string | null): void
}) {
  const intl = useIntl()
  const series = useLoaded((signal) => listSeries(access.token, signal), [access.token])
  const current = event.seriesId ?? null
  const [chosen, setChosen] = useState(current ?? '')
  const [saved, setSaved] = useState(false)
  const action = useAction()

  const submit = async (submitted: FormEvent) => {
    submitted.preventDefault()
    setSaved(false)
    if ((chosen || null) === current) {
      setSaved(true)
      return
    }
    const done = await action.run(async () => {
      if (chosen) await attachMeeting(access.token, chosen, access.eventId)
      else if (current) await detachMeeting(access.token, current, access.eventId)
      return true
    })
    if (!done) return
    onSaved(chosen || null)
    setSaved(true)
  }

  const own = (series.data ?? []).find((s) => s.id === current)
  return (
    <form
      className="stack card"
      onSubmit={submit}
      noValidate
      aria-labelledby="event-series-heading"
    >
      <h3 id="event-series-heading">
        <FormattedMessage id="organiser.series.heading" />
      </h3>
      <SelectField
        label={intl.formatMessage({ id: 'organiser.series.label' })}
        description={intl.formatMessage({ id: 'organiser.series.help' })}
        value={chosen}
        options={[
          { value: '', label: intl.formatMessage({ id: 'organiser.series.none' }) },
          ...(series.data ?? []).map((s) => ({ value: s.id, label: s.name })),
        ]}
        onChange={(value) => {
          setChosen(value)
          setSaved(false)
        }}
      />
      <p>
        {own ? (
          <Link href={`/admin/series/${own.id}`} className="standalone-link">
            <FormattedMessage id="organiser.series.open" values={{ name: own.name }} />
          </Link>
        ) : (
          <Link href="/admin/series" className="standalone-link">
            <FormattedMessage id="organiser.series.manage" />
          </Link>
        )}
      </p>
      {series.state === 'failed' || action.failure ? (
        <Notice tone="error" announce>
          <FormattedMessage
            {...errorMessage(action.failure ?? (series.state === 'failed' ? series.code : ''))}
          />
        </Notice>
      ) : null}
      <div className="form-actions">
        <Button type="submit">
          <FormattedMessage id="organiser.series.save" />
        </Button>
        <p className="form-actions__status" role="status">
          {saved ? intl.formatMessage({ id: 'organiser.saved' }) : ''}
        </p>
      </div>
    </form>
  )
}
