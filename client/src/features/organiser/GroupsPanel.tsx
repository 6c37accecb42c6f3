import type { Group, Language } from '@hytepaja/shared/doc/schema/event'
import { useRef, useState } from 'react'
import { FormattedMessage, useIntl } from 'react-intl'
import {
  addGroup,
  type ManagedEvent,
  moveGroup,
  removeGroup,
  updateGroup,
} from '../../api/organiser'
import { errorMessage } from '../../i18n/errorMessages'
import { Button } from '../../ui/Button'
import { ConfirmDialog } from '../../ui/ConfirmDialog'
import { LiveRegion } from '../../ui/LiveRegion'
import { Notice } from '../../ui/Notice'
import type { OrganiserAccess } from './access'
import { GroupForm } from './GroupForm'
import {
  type GroupFormValues,
  groupPatch,
  groupVersionValues,
  NO_GROUP_VERSIONS,
} from './groupInput'
import { MoveButtons } from './MoveButtons'
import { errorCodeOf, useAction } from './useAction'
import { VersionsGiven } from './VersionFields'

export interface GroupsPanelProps {
  access: OrganiserAccess
  event: ManagedEvent
  /** Group changes also rename and renumber the §9 sub-items: the page reloads the event. */
  onChanged(): Promise<void>
}

const formOf = (group: Group): GroupFormValues => ({
  name: group.name,
  description: group.description,
  ...groupVersionValues(group),
  facilitators: group.facilitators.join(', '),
})

const EMPTY: GroupFormValues = {
  name: '',
  description: '',
  ...NO_GROUP_VERSIONS,
  facilitators: '',
}

/** Ryhmät: the theme groups, each with a short description and its facilitators. */
export function GroupsPanel({ access, event, onChanged }: GroupsPanelProps) {
  const intl = useIntl()
  const [said, setSaid] = useState('')
  const [removing, setRemoving] = useState<Group | null>(null)
  const headingRef = useRef<HTMLHeadingElement>(null)
  const adding = useAction()
  const moving = useAction()
  const groups = event.groups

  const move = async (group: Group, index: number) => {
    const done = await moving.run(() => moveGroup(access.eventId, access.token, group.id, index))
    if (!done) return
    await onChanged()
    setSaid(
      intl.formatMessage(
        { id: 'organiser.groups.moved' },
        { name: group.name, position: index + 1, count: groups.length },
      ),
    )
  }

  return (
    <div className="stack">
      <h2 ref={headingRef} tabIndex={-1}>
        <FormattedMessage id="organiser.groups.heading" values={{ count: groups.length }} />
      </h2>
      <p className="hint">
        <FormattedMessage id="organiser.groups.help" />
      </p>
      {moving.failure ? (
        <Notice tone="error" announce>
          <FormattedMessage {...errorMessage(moving.failure)} />
        </Notice>
      ) : null}
      <ol className="manage-list">
        {groups.map((group, index) => (
          <GroupCard
            key={group.id}
            access={access}
            eventLanguage={event.language}
            group={group}
            index={index}
            count={groups.length}
            onMove={(to) => move(group, to)}
            onRemove={() => setRemoving(group)}
            onSaved={async () => {
              await onChanged()
              setSaid(intl.formatMessage({ id: 'organiser.groups.saved' }, { name: group.name }))
            }}
          />
        ))}
      </ol>
      <section className="card stack" aria-labelledby="add-group-heading">
        <h3 id="add-group-heading">
          <FormattedMessage id="organiser.groups.add.heading" />
        </h3>
        <GroupForm
          eventLanguage={event.language}
          initial={EMPTY}
          resetOnSave
          busy={adding.busy}
          failure={adding.failure}
          submitLabel={<FormattedMessage id="organiser.groups.add.submit" />}
          onSubmit={async (values) => {
            const added = await adding.run(() =>
              addGroup(access.eventId, access.token, groupPatch(values, event.language)),
            )
            if (!added) return false
            await onChanged()
            setSaid(intl.formatMessage({ id: 'organiser.groups.added' }, { name: added.name }))
            return true
          }}
        />
      </section>
      <ConfirmDialog
        isOpen={removing !== null}
        onClose={() => setRemoving(null)}
        title={intl.formatMessage(
          { id: 'organiser.groups.remove.title' },
          { name: removing?.name ?? '' },
        )}
        confirmLabel={<FormattedMessage id="organiser.groups.remove.confirm" />}
        cancelLabel={<FormattedMessage id="organiser.cancel" />}
        focusAfterConfirm={headingRef}
        onConfirm={async () => {
          if (!removing) return null
          try {
            await removeGroup(access.eventId, access.token, removing.id)
          } catch (error) {
            return intl.formatMessage(errorMessage(errorCodeOf(error)))
          }
          const name = removing.name
          await onChanged()
          setSaid(intl.formatMessage({ id: 'organiser.groups.removed' }, { name }))
          return null
        }}
      >
        <p>
          <FormattedMessage id="organiser.groups.remove.body" />
        </p>
      </ConfirmDialog>
      <LiveRegion message={said} />
    </div>
  )
}

function GroupCard({
  access,
  eventLanguage,
  group,
  index,
  count,
  onMove,
  onRemove,
  onSaved,
}: {
  access: OrganiserAccess
  eventLanguage: Language
  group: Group
  index: number
  count: number
  onMove(index: number): void
  onRemove(): void
  onSaved(): Promise<void>
}) {
  const intl = useIntl()
  const [editing, setEditing] = useState(false)
  const saving = useAction()
  const editButton = useRef<HTMLDivElement>(null)
  const closeEditor = () => {
    setEditing(false)
    // Back to the button that opened the editor, once it is rendered again.
    requestAnimationFrame(() => editButton.current?.querySelector('button')?.focus())
  }

  return (
    <li className="manage-item">
      <div className="manage-item__head">
        <span className="manage-item__number">{index + 1}.</span>
        <h3 className="manage-item__title">{group.name}</h3>
      </div>
      {editing ? (
        <GroupForm
          eventLanguage={eventLanguage}
          initial={formOf(group)}
          autoFocus
          busy={saving.busy}
          failure={saving.failure}
          submitLabel={<FormattedMessage id="organiser.save" />}
          onCancel={closeEditor}
          onSubmit={async (values) => {
            const done = await saving.run(() =>
              updateGroup(
                access.eventId,
                access.token,
                group.id,
                groupPatch(values, eventLanguage),
              ),
            )
            if (!done) return false
            await onSaved()
            closeEditor()
            return true
          }}
        />
      ) : (
        <>
          {group.description ? <p>{group.description}</p> : null}
          <VersionsGiven record={group} field="name" eventLanguage={eventLanguage} />
          <p className="manage-item__meta">
            {group.facilitators.length > 0 ? (
              <FormattedMessage
                id="organiser.group.facilitatorsAre"
                values={{
                  names: intl.formatList(group.facilitators),
                  count: group.facilitators.length,
                }}
              />
            ) : (
              <FormattedMessage id="organiser.group.noFacilitators" />
            )}
          </p>
          <div className="button-row" ref={editButton}>
            <Button
              size="small"
              aria-label={intl.formatMessage({ id: 'organiser.editNamed' }, { name: group.name })}
              onPress={() => setEditing(true)}
            >
              <FormattedMessage id="organiser.edit" />
            </Button>
            <MoveButtons index={index} count={count} name={group.name} onMove={onMove} />
            <Button
              size="small"
              variant="quiet"
              aria-label={intl.formatMessage({ id: 'organiser.removeNamed' }, { name: group.name })}
              onPress={onRemove}
            >
              <FormattedMessage id="organiser.remove" />
            </Button>
          </div>
        </>
      )}
    </li>
  )
}
