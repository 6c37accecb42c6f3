import { AGE_GROUPS } from '@hytepaja/shared/doc/schema/board'
import { type FormEvent, useState } from 'react'
import { FormattedMessage, useIntl } from 'react-intl'
import type { MunicipalityGroup } from '../../api/register'
import { Button } from '../../ui/Button'
import { SelectField } from '../../ui/SelectField'
import { TextField } from '../../ui/TextField'
import { AGE_GROUP_LABEL } from './ActionFacts'
import { type SummaryForm, yearChoices } from './summaryFilter'

/**
 * The summary's choices: a year or a date range, one municipality group or all, and the
 * filters by theme, organisation and age group. Applied with one button, so moving through the
 * choices with the keyboard does not fetch a summary at each step.
 */
export function SummaryFilters({
  initial,
  groups,
  themes,
  organisations,
  onApply,
  withActionFilters = true,
}: {
  initial: SummaryForm
  groups: MunicipalityGroup[]
  themes: string[]
  organisations: Array<{ id: string; name: string }>
  onApply(form: SummaryForm): void
  withActionFilters?: boolean
}) {
  const intl = useIntl()
  const [form, setForm] = useState(initial)
  const set =
    <K extends keyof SummaryForm>(key: K) =>
    (value: SummaryForm[K]) =>
      setForm((prev) => ({ ...prev, [key]: value }))
  const all = intl.formatMessage({ id: 'yearCycle.filter.all' })
  const submit = (submitted: FormEvent) => {
    submitted.preventDefault()
    onApply(form)
  }
  // A theme or organisation chosen before stays choosable even when this range lacks it.
  const themeChoices = [...new Set([...themes, ...(form.theme ? [form.theme] : [])])]

  return (
    <form className="card stack summary-filters" onSubmit={submit} noValidate>
      <h2>
        <FormattedMessage id="yearCycle.filter.heading" />
      </h2>
      <SelectField
        label={intl.formatMessage({ id: 'yearCycle.filter.period' })}
        value={form.period}
        onChange={set('period')}
        options={[
          { value: 'year', label: intl.formatMessage({ id: 'yearCycle.filter.byYear' }) },
          { value: 'range', label: intl.formatMessage({ id: 'yearCycle.filter.byRange' }) },
        ]}
      />
      {form.period === 'year' ? (
        <SelectField
          label={intl.formatMessage({ id: 'yearCycle.filter.year' })}
          value={form.year}
          options={yearChoices(new Date().getFullYear(), form.year).map((y) => ({
            value: y,
            label: y,
          }))}
          onChange={set('year')}
        />
      ) : (
        <div className="field-row">
          <TextField
            type="date"
            label={intl.formatMessage({ id: 'yearCycle.filter.from' })}
            value={form.from}
            onChange={set('from')}
          />
          <TextField
            type="date"
            label={intl.formatMessage({ id: 'yearCycle.filter.to' })}
            value={form.to}
            onChange={set('to')}
          />
        </div>
      )}
      <SelectField
        label={intl.formatMessage({ id: 'yearCycle.filter.group' })}
        value={form.group}
        options={[
          { value: '', label: intl.formatMessage({ id: 'yearCycle.filter.allGroups' }) },
          ...groups.map((g) => ({ value: g.id, label: g.name })),
          { value: 'none', label: intl.formatMessage({ id: 'yearCycle.filter.noGroup' }) },
        ]}
        onChange={set('group')}
      />
      {withActionFilters ? (
        <div className="field-row field-row--three">
          <SelectField
            label={intl.formatMessage({ id: 'yearCycle.filter.theme' })}
            value={form.theme}
            options={[
              { value: '', label: all },
              ...themeChoices.map((t) => ({ value: t, label: t })),
            ]}
            onChange={set('theme')}
          />
          <SelectField
            label={intl.formatMessage({ id: 'yearCycle.filter.organisation' })}
            value={form.organisationId}
            options={[
              { value: '', label: all },
              ...organisations.map((o) => ({ value: o.id, label: o.name })),
            ]}
            onChange={set('organisationId')}
          />
          <SelectField
            label={intl.formatMessage({ id: 'yearCycle.filter.ageGroup' })}
            value={form.ageGroup}
            options={[
              { value: '', label: all },
              ...AGE_GROUPS.map((a) => ({
                value: a,
                label: intl.formatMessage(AGE_GROUP_LABEL[a]),
              })),
            ]}
            onChange={(value) => set('ageGroup')(value as SummaryForm['ageGroup'])}
          />
        </div>
      ) : null}
      <div>
        <Button type="submit" variant="primary">
          <FormattedMessage id="yearCycle.filter.apply" />
        </Button>
      </div>
    </form>
  )
}
