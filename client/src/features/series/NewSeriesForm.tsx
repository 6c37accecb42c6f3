import { type FormEvent, useState } from 'react'
import { FormattedMessage, useIntl } from 'react-intl'
import { useLocation } from 'wouter'
import { createSeries } from '../../api/series'
import { errorMessage } from '../../i18n/errorMessages'
import { Button } from '../../ui/Button'
import { Notice } from '../../ui/Notice'
import { SelectField } from '../../ui/SelectField'
import { TextAreaField, TextField } from '../../ui/TextField'
import { useAction } from '../organiser/useAction'
import {
  checkSeriesForm,
  EMPTY_SERIES_FORM,
  type SeriesFormValues,
  seriesInput,
} from './seriesForm'

/** "Uusi kumppanuusryhmä": its name, cadence, themes, municipalities and members. */
export function NewSeriesForm({ consoleKey }: { consoleKey: string }) {
  const intl = useIntl()
  const [, navigate] = useLocation()
  const [values, setValues] = useState<SeriesFormValues>(EMPTY_SERIES_FORM)
  const [nameError, setNameError] = useState<string | null>(null)
  const action = useAction()
  const set = (field: keyof SeriesFormValues) => (value: string) =>
    setValues((v) => ({ ...v, [field]: value }))

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    const found = checkSeriesForm(values)
    setNameError(found.name ?? null)
    if (found.name) {
      document.querySelector<HTMLInputElement>('#series-form input[name="name"]')?.focus()
      return
    }
    const made = await action.run(() => createSeries(consoleKey, seriesInput(values)))
    if (made) navigate(`/admin/series/${made.id}`)
  }

  return (
    <form id="series-form" className="stack" onSubmit={submit} noValidate>
      <TextField
        name="name"
        label={<FormattedMessage id="series.form.name" />}
        value={values.name}
        onChange={set('name')}
        isRequired
        maxLength={120}
        errorMessage={nameError ? intl.formatMessage(errorMessage(nameError)) : null}
      />
      <SelectField
        label={<FormattedMessage id="series.form.cadence" />}
        value={values.cadence}
        onChange={set('cadence')}
        options={(['2', '3', '4'] as const).map((value) => ({
          value,
          label: intl.formatMessage({ id: 'series.cadence' }, { count: Number(value) }),
        }))}
      />
      <TextAreaField
        label={<FormattedMessage id="series.form.themes" />}
        description={<FormattedMessage id="series.form.themes.help" />}
        value={values.themes}
        onChange={set('themes')}
      />
      <TextAreaField
        label={<FormattedMessage id="series.form.municipalities" />}
        description={<FormattedMessage id="series.form.municipalities.help" />}
        value={values.municipalities}
        onChange={set('municipalities')}
      />
      <TextAreaField
        label={<FormattedMessage id="series.form.members" />}
        description={<FormattedMessage id="series.form.members.help" />}
        value={values.members}
        onChange={set('members')}
      />
      {action.failure ? (
        <Notice tone="error" announce>
          <FormattedMessage {...errorMessage(action.failure)} />
        </Notice>
      ) : null}
      <div>
        <Button type="submit" variant="primary" isDisabled={action.busy}>
          <FormattedMessage id="series.form.submit" />
        </Button>
      </div>
    </form>
  )
}
