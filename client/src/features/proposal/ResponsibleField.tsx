import { type FormEvent, useId, useState } from 'react'
import { FormattedMessage, useIntl } from 'react-intl'
import { Button } from '../../ui/Button'

export interface ResponsibleFieldProps {
  parties: string[]
  /** Organisations to pick from: the event's municipalities and those already named. */
  suggestions: string[]
  readOnly: boolean
  /** Adds a party; returns an error code or null. */
  onAdd(party: string): string | null
  onRemove(party: string): void
  errorText(code: string): string
  occupants: string[]
  onFocusChange(focused: boolean): void
}

/** Responsible parties (vastuutahot): picked from the suggestions or typed, each removable. */
export function ResponsibleField({
  parties,
  suggestions,
  readOnly,
  onAdd,
  onRemove,
  errorText,
  occupants,
  onFocusChange,
}: ResponsibleFieldProps) {
  const intl = useIntl()
  const id = useId()
  const [typed, setTyped] = useState('')
  const [error, setError] = useState<string | null>(null)
  const unused = suggestions.filter((s) => !parties.includes(s))

  const add = (party: string) => {
    const failure = onAdd(party)
    setError(failure ? errorText(failure) : null)
    return failure === null
  }
  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (add(typed)) setTyped('')
  }

  return (
    <fieldset
      className="responsible"
      onFocus={() => onFocusChange(true)}
      onBlur={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) onFocusChange(false)
      }}
    >
      <legend className="field__label">
        <FormattedMessage id="proposal.action.responsible" />
      </legend>
      {parties.length === 0 ? (
        <p className="field__description">
          <FormattedMessage id="proposal.action.responsibleNone" />
        </p>
      ) : (
        <ul className="chips">
          {parties.map((party) => (
            <li key={party} className="chip">
              <span>{party}</span>
              {readOnly ? null : (
                <Button
                  size="small"
                  variant="quiet"
                  className="chip__remove"
                  aria-label={intl.formatMessage(
                    { id: 'proposal.action.responsibleRemove' },
                    { name: party },
                  )}
                  onPress={() => onRemove(party)}
                >
                  <span aria-hidden="true">×</span>
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
      {readOnly ? null : (
        <>
          <form className="responsible__add" onSubmit={submit}>
            <label htmlFor={id} className="visually-hidden">
              <FormattedMessage id="proposal.action.responsibleInput" />
            </label>
            <input
              id={id}
              className="field__input"
              value={typed}
              maxLength={120}
              placeholder={intl.formatMessage({ id: 'proposal.action.responsiblePlaceholder' })}
              onChange={(event) => setTyped(event.target.value)}
            />
            <Button type="submit" size="small" isDisabled={!typed.trim()}>
              <FormattedMessage id="proposal.action.responsibleAdd" />
            </Button>
          </form>
          {unused.length > 0 ? (
            <div className="responsible__suggestions">
              <p className="field__description">
                <FormattedMessage id="proposal.action.responsibleSuggestions" />
              </p>
              <ul className="chips">
                {unused.map((name) => (
                  <li key={name}>
                    <Button size="small" onPress={() => add(name)}>
                      <span aria-hidden="true">+ </span>
                      <span className="visually-hidden">
                        <FormattedMessage id="proposal.action.responsiblePick" />{' '}
                      </span>
                      {name}
                    </Button>
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
        </>
      )}
      {occupants.length > 0 ? (
        <p className="shared-field__occupants">
          <span className="shared-field__dot" aria-hidden="true" />
          <FormattedMessage
            id="proposal.field.occupants"
            values={{ names: intl.formatList(occupants), count: occupants.length }}
          />
        </p>
      ) : null}
      {error ? (
        <p className="field__error" role="alert">
          {error}
        </p>
      ) : null}
    </fieldset>
  )
}
