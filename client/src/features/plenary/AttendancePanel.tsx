import type { Group } from '@hytepaja/shared/doc/schema/event'
import { type AttendanceEntry, PRESENCES, type Presence } from '@hytepaja/shared/domain/attendance'
import { type FormEvent, useId, useMemo, useState } from 'react'
import { Radio, RadioGroup } from 'react-aria-components'
import { FormattedMessage, useIntl } from 'react-intl'
import { setFullAttendance } from '../../api/plenary'
import { Button } from '../../ui/Button'
import { LiveRegion } from '../../ui/LiveRegion'
import { Loading } from '../../ui/Loading'
import { Notice } from '../../ui/Notice'
import { Switch } from '../../ui/Switch'
import { TextField } from '../../ui/TextField'
import { useAction } from '../organiser/useAction'
import { presenceLabel } from './labels'
import { plenaryError } from './plenaryErrors'
import type { AttendanceHandle } from './useAttendance'

export interface AttendancePanelProps {
  eventId: string
  token: string
  attendance: AttendanceHandle
  groups: Group[]
  fullAttendance: boolean
  locked: boolean
}

const matches = (entry: AttendanceEntry, query: string) =>
  !query ||
  `${entry.name} ${entry.organisation ?? ''}`
    .toLocaleLowerCase()
    .includes(query.toLocaleLowerCase())

/**
 * §2: the secretary confirms who is here from the registered participants (in the room,
 * remote, absent), adds people who never registered and notes late arrivals.
 */
export function AttendancePanel(props: AttendancePanelProps) {
  const { eventId, token, attendance, groups, fullAttendance, locked } = props
  const intl = useIntl()
  const action = useAction()
  const [query, setQuery] = useState('')
  const [said, setSaid] = useState('')
  const { load } = attendance

  const list = load.state === 'ready' ? load.attendance : []
  const counts = useMemo(() => {
    const by = { room: 0, remote: 0, absent: 0, unconfirmed: 0 }
    for (const e of list) by[e.presence ?? 'unconfirmed']++
    return by
  }, [list])
  const shown = list.filter((e) => matches(e, query))
  const groupName = (id: string | null) => groups.find((g) => g.id === id)?.name ?? null

  const markAllPresent = () =>
    action.run(async () => {
      const open = list.filter((e) => e.presence === null)
      for (const entry of open) await attendance.update(entry.id, { presence: 'room' })
      setSaid(intl.formatMessage({ id: 'plenary.attendance.saidAll' }, { count: open.length }))
    })

  if (load.state === 'loading') {
    return (
      <Loading>
        <FormattedMessage id="plenary.attendance.loading" />
      </Loading>
    )
  }
  if (load.state === 'failed') {
    return (
      <div className="stack">
        <Notice tone="error" announce>
          <FormattedMessage {...plenaryError(load.code)} />
        </Notice>
        <div>
          <Button variant="primary" onPress={attendance.reload}>
            <FormattedMessage id="plenary.retry" />
          </Button>
        </div>
      </div>
    )
  }

  return (
    <div className="attendance stack">
      {/* Read in place, not live: the secretary marks people one by one, each radio says its
          own choice, and the counts after every press would talk over the next name. */}
      <p className="attendance__counts">
        <FormattedMessage id="plenary.attendance.counts" values={counts} />
      </p>
      <Switch
        isSelected={fullAttendance}
        isDisabled={locked}
        onChange={(full) => action.run(() => setFullAttendance(eventId, token, full))}
        description={<FormattedMessage id="plenary.attendance.fullHelp" />}
      >
        <FormattedMessage id="plenary.attendance.full" />
      </Switch>
      <div className="attendance__tools">
        <TextField
          label={<FormattedMessage id="plenary.attendance.search" />}
          value={query}
          onChange={setQuery}
        />
        {counts.unconfirmed > 0 && !locked ? (
          <Button variant="secondary" onPress={markAllPresent}>
            <FormattedMessage
              id="plenary.attendance.allPresent"
              values={{ count: counts.unconfirmed }}
            />
          </Button>
        ) : null}
      </div>
      {action.failure ? (
        <Notice tone="error" announce>
          <FormattedMessage {...plenaryError(action.failure)} />
        </Notice>
      ) : null}
      {list.length === 0 ? (
        <p>
          <FormattedMessage id="plenary.attendance.empty" />
        </p>
      ) : (
        <ul className="attendance__list">
          {shown.map((entry) => (
            <AttendeeRow
              key={entry.id}
              entry={entry}
              group={groupName(entry.groupId)}
              locked={locked}
              onChange={(patch) => action.run(() => attendance.update(entry.id, patch))}
              onRemove={() => action.run(() => attendance.remove(entry.id))}
            />
          ))}
        </ul>
      )}
      {locked ? null : (
        <AddAttendee
          onAdd={async (input) => {
            const entry = await action.run(() => attendance.add(input))
            if (entry)
              setSaid(
                intl.formatMessage({ id: 'plenary.attendance.saidAdded' }, { name: entry.name }),
              )
            return Boolean(entry)
          }}
        />
      )}
      <LiveRegion message={said} />
    </div>
  )
}

function AttendeeRow({
  entry,
  group,
  locked,
  onChange,
  onRemove,
}: {
  entry: AttendanceEntry
  group: string | null
  locked: boolean
  onChange(patch: { presence?: Presence; arrivedAt?: string | null }): void
  onRemove(): void
}) {
  const intl = useIntl()
  const timeId = useId()
  const [time, setTime] = useState(entry.arrivedAt ?? '')
  const [seen, setSeen] = useState(entry.arrivedAt)
  // The list is asked for again now and then: a time saved elsewhere replaces the one shown.
  if (seen !== entry.arrivedAt) {
    setSeen(entry.arrivedAt)
    setTime(entry.arrivedAt ?? '')
  }
  const commitTime = () => {
    const next = time || null
    if (next !== entry.arrivedAt) onChange({ arrivedAt: next })
  }
  return (
    <li className={`attendee attendee--${entry.presence ?? 'unconfirmed'}`}>
      <div className="attendee__who">
        <span className="attendee__name">{entry.name}</span>
        <span className="attendee__meta">
          {[entry.organisation, group].filter(Boolean).join(' · ') ||
            intl.formatMessage({ id: 'plenary.attendance.noOrganisation' })}
          {entry.participantId === null ? (
            <>
              {' · '}
              <FormattedMessage id="plenary.attendance.added" />
            </>
          ) : null}
        </span>
      </div>
      <RadioGroup
        className="presence-choice"
        orientation="horizontal"
        aria-label={intl.formatMessage(
          { id: 'plenary.attendance.presenceOf' },
          { name: entry.name },
        )}
        value={entry.presence}
        isDisabled={locked}
        onChange={(value) => onChange({ presence: value as Presence })}
      >
        {PRESENCES.map((presence) => (
          <Radio key={presence} value={presence} className="presence-choice__option">
            <FormattedMessage {...presenceLabel[presence]} />
          </Radio>
        ))}
      </RadioGroup>
      {entry.presence !== 'absent' ? (
        <div className="attendee__time">
          <label htmlFor={timeId} className="attendee__time-label">
            <FormattedMessage id="plenary.attendance.arrived" />
          </label>
          <input
            id={timeId}
            type="time"
            className="field__input attendee__time-input"
            value={time}
            disabled={locked}
            onChange={(e) => setTime(e.target.value)}
            onBlur={commitTime}
            onKeyDown={(e) => {
              if (e.key === 'Enter') commitTime()
            }}
          />
        </div>
      ) : null}
      {entry.participantId === null && !locked ? (
        <Button
          variant="quiet"
          size="small"
          onPress={onRemove}
          aria-label={intl.formatMessage(
            { id: 'plenary.attendance.removeOf' },
            { name: entry.name },
          )}
        >
          <FormattedMessage id="plenary.attendance.remove" />
        </Button>
      ) : null}
    </li>
  )
}

function AddAttendee({
  onAdd,
}: {
  onAdd(input: { name: string; organisation: string | null }): Promise<boolean>
}) {
  const intl = useIntl()
  const [name, setName] = useState('')
  const [organisation, setOrganisation] = useState('')
  const [tried, setTried] = useState(false)
  const submit = async (event: FormEvent) => {
    event.preventDefault()
    setTried(true)
    if (!name.trim()) return
    if (await onAdd({ name: name.trim(), organisation: organisation.trim() || null })) {
      setName('')
      setOrganisation('')
      setTried(false)
    }
  }
  return (
    <form className="attendance__add stack" onSubmit={submit} noValidate>
      <h5>
        <FormattedMessage id="plenary.attendance.addHeading" />
      </h5>
      <div className="amend__row">
        <TextField
          label={<FormattedMessage id="plenary.attendance.name" />}
          value={name}
          onChange={setName}
          isRequired
          errorMessage={
            tried && !name.trim() ? intl.formatMessage({ id: 'plenary.amend.required' }) : null
          }
        />
        <TextField
          label={<FormattedMessage id="plenary.attendance.organisation" />}
          labelNote={<FormattedMessage id="plenary.optional" />}
          value={organisation}
          onChange={setOrganisation}
        />
      </div>
      <div>
        <Button type="submit" variant="secondary">
          <FormattedMessage id="plenary.attendance.add" />
        </Button>
      </div>
    </form>
  )
}
