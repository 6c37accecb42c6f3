import {
  MAX_ORGANISATION_NAME,
  ORGANISATION_KINDS,
  type OrganisationKind,
} from '@hytepaja/shared/register/organisations'
import { type FormEvent, useState } from 'react'
import { FormattedMessage, useIntl } from 'react-intl'
import { type Organisation, register } from '../../api/register'
import { Button } from '../../ui/Button'
import { Disclosure } from '../../ui/Disclosure'
import { Notice } from '../../ui/Notice'
import { SelectField } from '../../ui/SelectField'
import { TextField } from '../../ui/TextField'
import { useAction } from '../organiser/useAction'
import { ORGANISATION_KIND_LABEL } from '../session/organisationKinds'
import { yearCycleError } from './yearCycleErrors'

export interface RegisterChange {
  /** What to say politely once the register shows the change. */
  said: string
}

/**
 * One organisation of the register: its name and kind as they stand, the names merged into
 * it, and (behind "Muokkaa") its correction and its merge into another entry.
 */
export function OrganisationRow({
  token,
  organisation,
  others,
  onChanged,
}: {
  token: string
  organisation: Organisation
  /** The entries it can be merged into (unmerged, itself left out), by name. */
  others: Organisation[]
  onChanged(change: RegisterChange): void
}) {
  const intl = useIntl()
  const kindLabel = (kind: OrganisationKind) => intl.formatMessage(ORGANISATION_KIND_LABEL[kind])
  const [name, setName] = useState(organisation.name)
  const [kind, setKind] = useState<OrganisationKind>(organisation.kind)
  const [target, setTarget] = useState('')
  const [open, setOpen] = useState(false)
  const edit = useAction()
  const merge = useAction()

  const save = async (submitted: FormEvent) => {
    submitted.preventDefault()
    const saved = await edit.run(() =>
      register.editOrganisation(token, organisation.id, { name, kind }),
    )
    if (saved)
      onChanged({ said: intl.formatMessage({ id: 'yearCycle.org.saved' }, { name: saved.name }) })
  }
  const mergeInto = async (submitted: FormEvent) => {
    submitted.preventDefault()
    const into = others.find((o) => o.id === target)
    if (!into) return
    const done = await merge.run(() => register.merge(token, organisation.id, into.id))
    if (done)
      onChanged({
        said: intl.formatMessage(
          { id: 'yearCycle.merge.done' },
          { source: organisation.name, target: into.name },
        ),
      })
  }

  return (
    <li className="org-row">
      <div className="org-row__head">
        <span className="org-row__name">{organisation.name}</span>
        <span className="org-row__kind">{kindLabel(organisation.kind)}</span>
      </div>
      <p className="org-row__meta">
        <FormattedMessage
          id="yearCycle.org.participants"
          values={{ count: organisation.participants }}
        />
        {organisation.aliases.length > 0 ? (
          <>
            {' · '}
            <FormattedMessage
              id="yearCycle.org.aliases"
              values={{ names: intl.formatList(organisation.aliases) }}
            />
          </>
        ) : null}
      </p>
      <Disclosure
        level={3}
        title={intl.formatMessage({ id: 'yearCycle.org.edit' }, { name: organisation.name })}
        isExpanded={open}
        onExpandedChange={setOpen}
      >
        {/* Drawn only when open: each merge list names every other entry, and a county's
            register has hundreds (a list of lists would weigh n² options). */}
        {open ? (
          <>
            <form className="stack" onSubmit={save} noValidate>
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
                options={ORGANISATION_KINDS.map((value) => ({ value, label: kindLabel(value) }))}
                onChange={(value) => setKind(value as OrganisationKind)}
              />
              {edit.failure ? (
                <Notice tone="error" announce>
                  <FormattedMessage {...yearCycleError(edit.failure)} />
                </Notice>
              ) : null}
              <div>
                <Button type="submit" variant="primary">
                  <FormattedMessage id="yearCycle.org.save" />
                </Button>
              </div>
            </form>
            {others.length > 0 ? (
              <form className="stack org-row__merge" onSubmit={mergeInto} noValidate>
                <SelectField
                  label={intl.formatMessage(
                    { id: 'yearCycle.merge.into' },
                    { name: organisation.name },
                  )}
                  description={intl.formatMessage({ id: 'yearCycle.merge.help' })}
                  value={target}
                  options={[
                    { value: '', label: intl.formatMessage({ id: 'yearCycle.merge.choose' }) },
                    ...others.map((o) => ({
                      value: o.id,
                      label: `${o.name} (${kindLabel(o.kind)})`,
                    })),
                  ]}
                  onChange={setTarget}
                />
                {merge.failure ? (
                  <Notice tone="error" announce>
                    <FormattedMessage {...yearCycleError(merge.failure)} />
                  </Notice>
                ) : null}
                <div>
                  <Button type="submit" isDisabled={!target}>
                    <FormattedMessage id="yearCycle.merge.submit" />
                  </Button>
                </div>
              </form>
            ) : null}
          </>
        ) : null}
      </Disclosure>
    </li>
  )
}
