import { MAX_GROUP_NAME, MAX_MUNICIPALITIES } from '@hytepaja/shared/register/municipalityGroups'
import { type FormEvent, useRef, useState } from 'react'
import { FormattedMessage, useIntl } from 'react-intl'
import { type MunicipalityGroup, register } from '../../api/register'
import { Button } from '../../ui/Button'
import { ConfirmDialog } from '../../ui/ConfirmDialog'
import { Disclosure } from '../../ui/Disclosure'
import { Notice } from '../../ui/Notice'
import { TextAreaField, TextField } from '../../ui/TextField'
import { errorCodeOf, useAction } from '../organiser/useAction'
import type { RegisterChange } from './OrganisationRow'
import { yearCycleError } from './yearCycleErrors'

/** One municipality a line (commas work too): how people list them from a memo. */
export function municipalitiesOf(text: string): string[] {
  return text
    .split(/[\n,;]/)
    .map((name) => name.trim())
    .filter(Boolean)
}

/** Municipality groups (kuntaryhmät): named sets of the register's municipalities. */
export function MunicipalityGroupsPanel({
  token,
  groups,
  onChanged,
}: {
  token: string
  groups: MunicipalityGroup[]
  onChanged(change: RegisterChange): void
}) {
  const heading = useRef<HTMLHeadingElement>(null)
  return (
    <div className="stack">
      <h2 ref={heading} tabIndex={-1}>
        <FormattedMessage id="yearCycle.groups.heading" values={{ count: groups.length }} />
      </h2>
      <GroupForm token={token} onChanged={onChanged} />
      {groups.length === 0 ? (
        <p>
          <FormattedMessage id="yearCycle.groups.none" />
        </p>
      ) : (
        <ul className="org-list">
          {groups.map((group) => (
            <GroupRow
              key={`${group.id}:${group.name}:${group.municipalities.map((m) => m.id).join()}`}
              token={token}
              group={group}
              afterDelete={heading}
              onChanged={onChanged}
            />
          ))}
        </ul>
      )}
    </div>
  )
}

function GroupRow({
  token,
  group,
  afterDelete,
  onChanged,
}: {
  token: string
  group: MunicipalityGroup
  afterDelete: React.RefObject<HTMLHeadingElement | null>
  onChanged(change: RegisterChange): void
}) {
  const intl = useIntl()
  const [confirming, setConfirming] = useState(false)
  return (
    <li className="org-row">
      <div className="org-row__head">
        <span className="org-row__name">{group.name}</span>
      </div>
      <p className="org-row__meta">
        {group.municipalities.length > 0
          ? intl.formatList(group.municipalities.map((m) => m.name))
          : intl.formatMessage({ id: 'yearCycle.groups.empty' })}
      </p>
      <p className="org-row__meta">
        <FormattedMessage id="yearCycle.groups.events" values={{ count: group.events }} />
      </p>
      <Disclosure
        level={3}
        title={intl.formatMessage({ id: 'yearCycle.groups.edit' }, { name: group.name })}
      >
        <GroupForm token={token} group={group} onChanged={onChanged} />
        <div>
          <Button variant="danger" onPress={() => setConfirming(true)}>
            <FormattedMessage id="yearCycle.groups.delete" values={{ name: group.name }} />
          </Button>
        </div>
        <ConfirmDialog
          isOpen={confirming}
          onClose={() => setConfirming(false)}
          title={
            <FormattedMessage id="yearCycle.groups.deleteTitle" values={{ name: group.name }} />
          }
          confirmLabel={<FormattedMessage id="yearCycle.groups.deleteConfirm" />}
          cancelLabel={<FormattedMessage id="yearCycle.cancel" />}
          focusAfterConfirm={afterDelete}
          onConfirm={async () => {
            try {
              await register.removeGroup(token, group.id)
            } catch (error) {
              return intl.formatMessage(yearCycleError(errorCodeOf(error)))
            }
            onChanged({
              said: intl.formatMessage({ id: 'yearCycle.groups.deleted' }, { name: group.name }),
            })
            return null
          }}
        >
          <p>
            <FormattedMessage id="yearCycle.groups.deleteBody" />
          </p>
        </ConfirmDialog>
      </Disclosure>
    </li>
  )
}

/** A new group, or the corrections of one (`group`). */
function GroupForm({
  token,
  group,
  onChanged,
}: {
  token: string
  group?: MunicipalityGroup
  onChanged(change: RegisterChange): void
}) {
  const intl = useIntl()
  const [name, setName] = useState(group?.name ?? '')
  const [list, setList] = useState(group?.municipalities.map((m) => m.name).join('\n') ?? '')
  const action = useAction()
  const count = municipalitiesOf(list).length

  const submit = async (submitted: FormEvent) => {
    submitted.preventDefault()
    const input = { name, municipalities: municipalitiesOf(list) }
    const saved = await action.run(() =>
      group ? register.editGroup(token, group.id, input) : register.createGroup(token, input),
    )
    if (!saved) return
    if (!group) {
      setName('')
      setList('')
    }
    onChanged({
      said: group
        ? intl.formatMessage({ id: 'yearCycle.groups.saved' }, { name: saved.name })
        : intl.formatMessage({ id: 'yearCycle.groups.created' }, { name: saved.name }),
    })
  }

  const form = (
    <form className="stack" onSubmit={submit} noValidate>
      <TextField
        label={intl.formatMessage({ id: 'yearCycle.groups.name' })}
        value={name}
        onChange={setName}
        maxLength={MAX_GROUP_NAME}
        isRequired
      />
      <TextAreaField
        label={intl.formatMessage({ id: 'yearCycle.groups.municipalities' })}
        description={intl.formatMessage({ id: 'yearCycle.groups.municipalitiesHelp' })}
        value={list}
        onChange={setList}
        rows={4}
        counter={intl.formatMessage(
          { id: 'yearCycle.groups.municipalityCount' },
          { count, max: MAX_MUNICIPALITIES },
        )}
        overLimit={count > MAX_MUNICIPALITIES}
      />
      {action.failure ? (
        <Notice tone="error" announce>
          <FormattedMessage {...yearCycleError(action.failure)} />
        </Notice>
      ) : null}
      <div>
        <Button type="submit" variant="primary">
          {group ? (
            <FormattedMessage id="yearCycle.groups.save" />
          ) : (
            <FormattedMessage id="yearCycle.groups.add" />
          )}
        </Button>
      </div>
    </form>
  )
  if (group) return form
  return (
    <div className="card stack">
      <h3>
        <FormattedMessage id="yearCycle.groups.new" />
      </h3>
      {form}
    </div>
  )
}
