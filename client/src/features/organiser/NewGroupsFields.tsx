import type { Language } from '@hytepaja/shared/doc/schema/event'
import { MAX_GROUPS } from '@hytepaja/shared/domain/groups'
import { useEffect, useRef, useState } from 'react'
import { FormattedMessage, useIntl } from 'react-intl'
import { errorMessage } from '../../i18n/errorMessages'
import { Button } from '../../ui/Button'
import { TextField } from '../../ui/TextField'
import { type GroupFormErrors, type GroupFormValues, NO_GROUP_VERSIONS } from './groupInput'
import { VersionFields } from './VersionFields'

/** A group of the new event as typed: facilitators as one line of names. */
export interface NewGroupDraft extends GroupFormValues {
  /** A key for React only; the server gives the group its id. */
  key: string
}

let added = 0

/**
 * The theme groups of a new event: the three default themes, editable, at least one, each with
 * its facilitators' names (their links are made with the event).
 */
export function NewGroupsFields({
  groups,
  errors,
  onChange,
  eventLanguage,
}: {
  groups: NewGroupDraft[]
  /** The event's language: the names and descriptions in the other official one go beside. */
  eventLanguage: Language
  /** Error codes by group key and field. */
  errors: Record<string, GroupFormErrors>
  onChange(groups: NewGroupDraft[]): void
}) {
  const intl = useIntl()
  const error = (code: string | undefined) => (code ? intl.formatMessage(errorMessage(code)) : null)
  const list = useRef<HTMLOListElement>(null)
  // After adding or removing a group, focus goes to a name field, never to the page's start.
  const [focusKey, setFocusKey] = useState<string | null>(null)
  useEffect(() => {
    if (!focusKey) return
    list.current?.querySelector<HTMLInputElement>(`[data-group="${focusKey}"] input`)?.focus()
    setFocusKey(null)
  }, [focusKey])
  const set = (key: string, change: Partial<NewGroupDraft>) =>
    onChange(groups.map((g) => (g.key === key ? { ...g, ...change } : g)))

  return (
    <fieldset className="fieldset stack">
      <legend className="fieldset__legend">
        <FormattedMessage id="console.groups.legend" />
      </legend>
      <p className="field__description">
        <FormattedMessage id="console.groups.help" />
      </p>
      <ol className="draft-groups" ref={list}>
        {groups.map((group, index) => {
          const found = errors[group.key] ?? {}
          return (
            <li key={group.key} className="draft-group stack" data-group={group.key}>
              <TextField
                label={intl.formatMessage({ id: 'console.groups.name' }, { number: index + 1 })}
                value={group.name}
                onChange={(name) => set(group.key, { name })}
                errorMessage={error(found.name)}
                maxLength={100}
                isRequired
              />
              <VersionFields
                field="name"
                label={intl.formatMessage({ id: 'console.groups.name' }, { number: index + 1 })}
                values={group}
                errors={{ nameFi: error(found.nameFi), nameSv: error(found.nameSv) }}
                onChange={(name, value) => set(group.key, { [name]: value })}
                eventLanguage={eventLanguage}
                maxLength={100}
                withHelp={false}
                name={`group${index + 1}Name`}
              />
              <TextField
                label={intl.formatMessage(
                  { id: 'console.groups.description' },
                  { number: index + 1 },
                )}
                labelNote={intl.formatMessage({ id: 'form.optional' })}
                value={group.description}
                onChange={(description) => set(group.key, { description })}
                errorMessage={error(found.description)}
                maxLength={500}
              />
              <VersionFields
                field="description"
                label={intl.formatMessage(
                  { id: 'console.groups.description' },
                  { number: index + 1 },
                )}
                values={group}
                errors={{
                  descriptionFi: error(found.descriptionFi),
                  descriptionSv: error(found.descriptionSv),
                }}
                onChange={(name, value) => set(group.key, { [name]: value })}
                eventLanguage={eventLanguage}
                maxLength={500}
                withHelp={false}
                name={`group${index + 1}Description`}
              />
              <TextField
                label={intl.formatMessage(
                  { id: 'console.groups.facilitators' },
                  { number: index + 1 },
                )}
                labelNote={intl.formatMessage({ id: 'form.optional' })}
                description={intl.formatMessage({ id: 'organiser.group.facilitators.help' })}
                value={group.facilitators}
                onChange={(facilitators) => set(group.key, { facilitators })}
                errorMessage={error(found.facilitators)}
              />
              {groups.length > 1 ? (
                <div>
                  <Button
                    size="small"
                    variant="quiet"
                    aria-label={intl.formatMessage(
                      { id: 'organiser.removeNamed' },
                      {
                        name:
                          group.name ||
                          intl.formatMessage(
                            { id: 'console.groups.unnamed' },
                            { number: index + 1 },
                          ),
                      },
                    )}
                    onPress={() => {
                      const neighbour = groups[index - 1] ?? groups[index + 1]
                      onChange(groups.filter((g) => g.key !== group.key))
                      setFocusKey(neighbour?.key ?? null)
                    }}
                  >
                    <FormattedMessage id="organiser.remove" />
                  </Button>
                </div>
              ) : null}
            </li>
          )
        })}
      </ol>
      {groups.length < MAX_GROUPS ? (
        <div>
          <Button
            size="small"
            onPress={() => {
              const key = `new${++added}`
              onChange([
                ...groups,
                { key, name: '', description: '', ...NO_GROUP_VERSIONS, facilitators: '' },
              ])
              setFocusKey(key)
            }}
          >
            <FormattedMessage id="console.groups.add" />
          </Button>
        </div>
      ) : null}
    </fieldset>
  )
}
