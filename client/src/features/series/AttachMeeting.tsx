import { type FormEvent, useEffect, useId, useRef, useState } from 'react'
import { FormattedMessage, useIntl } from 'react-intl'
import { type EventListing, listEvents } from '../../api/endpoints'
import { attachMeeting, type SeriesPage } from '../../api/series'
import { errorMessage } from '../../i18n/errorMessages'
import { Button } from '../../ui/Button'
import { Notice } from '../../ui/Notice'
import { SelectField } from '../../ui/SelectField'
import { useAction } from '../organiser/useAction'

const OPTION = {
  own: { id: 'series.attach.option' },
  /** A meeting of another partnership group, which would move here. */
  other: { id: 'series.attach.optionOther' },
} as const

interface Props {
  consoleKey: string
  page: SeriesPage
  day(iso: string): string
  /** The series page as the server answers it after the event joined. */
  onAttached(page: SeriesPage, title: string): void
}

/**
 * Makes an event that already exists a meeting of this series: one made before the series
 * was, or by hand from the console. A meeting of another partnership group moves here (the
 * option says so). Its minutes and actions then show on this page, and the next meeting
 * follows up its open actions.
 */
export function AttachMeeting({ consoleKey, page, day, onAttached }: Props) {
  const intl = useIntl()
  const [events, setEvents] = useState<EventListing[] | null>(null)
  const [chosen, setChosen] = useState('')
  const [unchosen, setUnchosen] = useState(false)
  const action = useAction()
  const formId = useId()
  const formRef = useRef<HTMLFormElement>(null)
  const seriesId = page.series.id
  // biome-ignore lint/correctness/useExhaustiveDependencies: the list is read again after each change of the meetings.
  useEffect(() => {
    const abort = new AbortController()
    listEvents(consoleKey, abort.signal).then(setEvents, () => {
      if (!abort.signal.aborted) setEvents([])
    })
    return () => abort.abort()
  }, [consoleKey, page.meetings.length])

  const candidates = (events ?? [])
    .filter((event) => event.seriesId !== seriesId)
    .sort((a, b) => b.startsAt.localeCompare(a.startsAt))

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    const picked = candidates.find((c) => c.id === chosen)
    if (!picked) {
      setUnchosen(true)
      formRef.current?.querySelector('select')?.focus()
      return
    }
    setUnchosen(false)
    const answer = await action.run(() => attachMeeting(consoleKey, seriesId, picked.id))
    if (!answer) return
    setChosen('')
    onAttached(answer, picked.title)
  }

  if (events === null) return null
  return (
    <section className="card stack" aria-labelledby={`${formId}-heading`}>
      <h2 id={`${formId}-heading`}>
        <FormattedMessage id="series.attach.heading" />
      </h2>
      <p>
        <FormattedMessage id="series.attach.lead" />
      </p>
      {candidates.length === 0 ? (
        <p>
          <FormattedMessage id="series.attach.none" />
        </p>
      ) : (
        <form ref={formRef} className="stack" onSubmit={submit} noValidate>
          <SelectField
            name="event"
            label={<FormattedMessage id="series.attach.event" />}
            description={<FormattedMessage id="series.attach.otherHelp" />}
            value={chosen}
            onChange={(value) => {
              setChosen(value)
              setUnchosen(false)
            }}
            options={[
              { value: '', label: intl.formatMessage({ id: 'series.attach.choose' }) },
              ...candidates.map((event) => ({
                value: event.id,
                label: intl.formatMessage(event.seriesId ? OPTION.other : OPTION.own, {
                  title: event.title,
                  day: day(event.startsAt),
                }),
              })),
            ]}
          />
          {unchosen ? (
            <Notice tone="error" announce>
              <FormattedMessage id="series.attach.chooseFirst" />
            </Notice>
          ) : null}
          {action.failure ? (
            <Notice tone="error" announce>
              <FormattedMessage {...errorMessage(action.failure)} />
            </Notice>
          ) : null}
          <div>
            <Button type="submit" isDisabled={action.busy}>
              <FormattedMessage id="series.attach.button" />
            </Button>
          </div>
        </form>
      )}
    </section>
  )
}
