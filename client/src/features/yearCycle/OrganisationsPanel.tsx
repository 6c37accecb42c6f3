import {
  MAX_ORGANISATION_NAME,
  ORGANISATION_KINDS,
  type OrganisationKind,
} from '@hytepaja/shared/register/organisations'
import { type FormEvent, useState } from 'react'
import { FormattedMessage, useIntl } from 'react-intl'
import { type Organisation, register } from '../../api/register'
import { Button } from '../../ui/Button'
import { Notice } from '../../ui/Notice'
import { SelectField } from '../../ui/SelectField'
import { TextField } from '../../ui/TextField'
import { useAction } from '../organiser/useAction'
import { ORGANISATION_KIND_LABEL } from '../session/organisationKinds'
import { OrganisationRow, type RegisterChange } from './OrganisationRow'
import { yearCycleError } from './yearCycleErrors'

const byName = (a: Organisation, b: Organisation) => a.name.localeCompare(b.name, 'fi')

/** The register's organisations: a new one by hand, a search, and each entry's corrections. */
export function OrganisationsPanel({
  token,
  organisations,
  onChanged,
}: {
  token: string
  organisations: Organisation[]
  onChanged(change: RegisterChange): void
}) {
  const intl = useIntl()
  const [search, setSearch] = useState('')
  const standing = organisations.filter((o) => !o.mergedInto).sort(byName)
  const wanted = search.trim().toLocaleLowerCase('fi')
  const shown = wanted
    ? standing.filter((o) =>
        [o.name, ...o.aliases].some((n) => n.toLocaleLowerCase('fi').includes(wanted)),
      )
    : standing

  return (
    <div className="stack">
      <h2>
        <FormattedMessage id="yearCycle.org.heading" />
      </h2>
      <NewOrganisationForm token={token} onChanged={onChanged} />
      <TextField
        label={intl.formatMessage({ id: 'yearCycle.org.search' })}
        value={search}
        onChange={setSearch}
        type="text"
      />
      <p className="hint" aria-live="polite">
        <FormattedMessage
          id="yearCycle.org.count"
          values={{ shown: shown.length, total: standing.length }}
        />
      </p>
      <ul className="org-list">
        {shown.map((organisation) => (
          <OrganisationRow
            // A row starts its form from the entry as the server last said it.
            key={`${organisation.id}:${organisation.name}:${organisation.kind}`}
            token={token}
            organisation={organisation}
            others={standing.filter((o) => o.id !== organisation.id)}
            onChanged={onChanged}
          />
        ))}
      </ul>
    </div>
  )
}

function NewOrganisationForm({
  token,
  onChanged,
}: {
  token: string
  onChanged(change: RegisterChange): void
}) {
  const intl = useIntl()
  const [name, setName] = useState('')
  const [kind, setKind] = useState<OrganisationKind | ''>('')
  const action = useAction()
  const submit = async (submitted: FormEvent) => {
    submitted.preventDefault()
    const made = await action.run(() =>
      register.createOrganisation(token, { name, ...(kind ? { kind } : {}) }),
    )
    if (!made) return
    setName('')
    setKind('')
    onChanged({ said: intl.formatMessage({ id: 'yearCycle.org.created' }, { name: made.name }) })
  }
  return (
    <form className="card stack" onSubmit={submit} noValidate>
      <h3>
        <FormattedMessage id="yearCycle.org.new" />
      </h3>
      <div className="field-row">
        <TextField
          label={intl.formatMessage({ id: 'yearCycle.org.name' })}
          value={name}
          onChange={setName}
          maxLength={MAX_ORGANISATION_NAME}
          isRequired
        />
        <SelectField
          label={intl.formatMessage({ id: 'yearCycle.org.kind' })}
          value={kind}
          options={[
            { value: '', label: intl.formatMessage({ id: 'yearCycle.org.kindGuess' }) },
            ...ORGANISATION_KINDS.map((value) => ({
              value,
              label: intl.formatMessage(ORGANISATION_KIND_LABEL[value]),
            })),
          ]}
          onChange={(value) => setKind(value as OrganisationKind | '')}
        />
      </div>
      {action.failure ? (
        <Notice tone="error" announce>
          <FormattedMessage {...yearCycleError(action.failure)} />
        </Notice>
      ) : null}
      <div>
        <Button type="submit" variant="primary">
          <FormattedMessage id="yearCycle.org.add" />
        </Button>
      </div>
    </form>
  )
}
