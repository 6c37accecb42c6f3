import { LANGUAGES } from '@hytepaja/shared/doc/schema/event'
import { useIntl } from 'react-intl'
import { errorMessage } from '../../i18n/errorMessages'
import { LOCALE_NAMES } from '../../i18n/locales'
import { RadioCards } from '../../ui/RadioCards'
import { TextAreaField, TextField } from '../../ui/TextField'
import type { EventFormErrors, EventFormField, EventFormValues } from './eventForm'
import { VersionFields } from './VersionFields'

export interface EventFieldsProps {
  values: EventFormValues
  errors: EventFormErrors
  onChange(field: EventFormField, value: string): void
  /** The pre-assignment is set once the event exists (details tab). */
  withPreAssignment?: boolean
  autoFocus?: boolean
}

/** Title, municipalities, time, place, remote link and language of an event. */
export function EventFields({
  values,
  errors,
  onChange,
  withPreAssignment,
  autoFocus,
}: EventFieldsProps) {
  const intl = useIntl()
  const optional = intl.formatMessage({ id: 'form.optional' })
  const error = (field: EventFormField) => {
    const code = errors[field]
    return code ? intl.formatMessage(errorMessage(code)) : null
  }
  const field = (name: EventFormField) => ({
    name,
    value: values[name],
    onChange: (value: string) => onChange(name, value),
    errorMessage: error(name),
  })

  return (
    <>
      <TextField
        {...field('title')}
        label={intl.formatMessage({ id: 'organiser.event.title.label' })}
        description={intl.formatMessage({ id: 'organiser.event.title.help' })}
        maxLength={200}
        isRequired
        autoFocus={autoFocus}
      />
      <VersionFields
        field="title"
        label={intl.formatMessage({ id: 'organiser.event.title.label' })}
        values={values}
        errors={{ titleFi: error('titleFi'), titleSv: error('titleSv') }}
        onChange={onChange}
        eventLanguage={values.language}
        maxLength={200}
        name="eventTitle"
      />
      <TextField
        {...field('municipalities')}
        label={intl.formatMessage({ id: 'organiser.event.municipalities.label' })}
        description={intl.formatMessage({ id: 'organiser.event.municipalities.help' })}
      />
      <div className="field-row">
        <TextField
          {...field('date')}
          type="date"
          label={intl.formatMessage({ id: 'organiser.event.date.label' })}
          isRequired
        />
        <TextField
          {...field('startTime')}
          type="time"
          label={intl.formatMessage({ id: 'organiser.event.startTime.label' })}
          isRequired
        />
        <TextField
          {...field('endTime')}
          type="time"
          label={intl.formatMessage({ id: 'organiser.event.endTime.label' })}
          labelNote={optional}
        />
      </div>
      <TextField
        {...field('place')}
        label={intl.formatMessage({ id: 'organiser.event.place.label' })}
        labelNote={optional}
        description={intl.formatMessage({ id: 'organiser.event.place.help' })}
        maxLength={200}
      />
      <TextField
        {...field('remoteUrl')}
        type="url"
        label={intl.formatMessage({ id: 'organiser.event.remoteUrl.label' })}
        labelNote={optional}
        description={intl.formatMessage({ id: 'organiser.event.remoteUrl.help' })}
        placeholder="https://"
      />
      <RadioCards
        label={intl.formatMessage({ id: 'organiser.event.language.label' })}
        description={intl.formatMessage({ id: 'organiser.event.language.help' })}
        value={values.language}
        onChange={(value) => onChange('language', value)}
        options={LANGUAGES.map((language) => ({
          value: language,
          title: <span lang={language}>{LOCALE_NAMES[language]}</span>,
        }))}
      />
      {withPreAssignment ? (
        <TextAreaField
          {...field('preAssignment')}
          label={intl.formatMessage({ id: 'organiser.event.preAssignment.label' })}
          labelNote={optional}
          description={intl.formatMessage({ id: 'organiser.event.preAssignment.help' })}
          rows={4}
        />
      ) : null}
    </>
  )
}
