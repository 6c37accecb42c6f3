import type { ElectedPerson, Elections } from '@hytepaja/shared/doc/plenary'
import type { AttendanceEntry } from '@hytepaja/shared/domain/attendance'
import { CHECKERS, MAX_VOTE_COUNTERS } from '@hytepaja/shared/domain/elections'
import { type FormEvent, type ReactNode, useState } from 'react'
import { FormattedMessage, useIntl } from 'react-intl'
import { type Candidate, elect } from '../../api/plenary'
import { Button } from '../../ui/Button'
import { Notice } from '../../ui/Notice'
import { SelectField } from '../../ui/SelectField'
import { TextField } from '../../ui/TextField'
import { useAction } from '../organiser/useAction'
import { CheckerLinks } from './CheckerLinks'
import { plenaryError } from './plenaryErrors'

/** One seat as the form holds it: an attendee picked, a name typed, or nobody yet. */
interface Seat {
  pick: string // '' nobody, 'typed', or an attendee id
  name: string
  organisation: string
}

const EMPTY: Seat = { pick: '', name: '', organisation: '' }
const TYPED = 'typed'

function seatOf(person: ElectedPerson | null | undefined): Seat {
  if (!person) return EMPTY
  return {
    pick: person.attendeeId ?? TYPED,
    name: person.name,
    organisation: person.organisation ?? '',
  }
}

function candidateOf(seat: Seat): Candidate | null {
  if (seat.pick === '') return null
  if (seat.pick !== TYPED) return { attendeeId: seat.pick }
  if (!seat.name.trim()) return null
  return { name: seat.name.trim(), organisation: seat.organisation.trim() || null }
}

interface Draft {
  chair: Seat
  secretary: Seat
  checkers: Seat[]
  voteCounters: Seat[]
}

function draftOf(elections: Elections): Draft {
  return {
    chair: seatOf(elections.chair),
    secretary: seatOf(elections.secretary),
    checkers: Array.from({ length: CHECKERS }, (_, i) => seatOf(elections.checkers[i])),
    voteCounters: elections.voteCounters.length > 0 ? elections.voteCounters.map(seatOf) : [EMPTY],
  }
}

export interface ElectionsPanelProps {
  eventId: string
  token: string
  elections: Elections
  /** Null while the attendance has not arrived: then names can only be typed. */
  attendance: AttendanceEntry[] | null
  locked: boolean
}

/**
 * §4: chair, secretary, two minute-checkers and vote-counters, each picked from the people
 * present or typed. Saving gives each checker a personal link, shown below to copy or scan.
 */
export function ElectionsPanel(props: ElectionsPanelProps) {
  // Outlives the form: the save itself starts the form again (below).
  const [saved, setSaved] = useState(false)
  return (
    <div className="stack">
      {/* A save (here or on another screen) starts the form again from what was recorded. */}
      <ElectionsForm
        key={props.elections.at ?? 'none'}
        {...props}
        saved={saved}
        onSaved={setSaved}
      />
      {props.elections.checkers.length > 0 ? (
        <CheckerLinks
          eventId={props.eventId}
          token={props.token}
          checkers={props.elections.checkers}
        />
      ) : (
        <p className="field__description">
          <FormattedMessage id="plenary.elections.linksLater" />
        </p>
      )}
    </div>
  )
}

function ElectionsForm({
  eventId,
  token,
  elections,
  attendance,
  locked,
  saved,
  onSaved,
}: ElectionsPanelProps & { saved: boolean; onSaved(saved: boolean): void }) {
  const [draft, setDraft] = useState(() => draftOf(elections))
  const [seenAt, setSeenAt] = useState(elections.at)
  // A save (here or on another screen) shows what was recorded; focus stays where it was.
  if (seenAt !== elections.at) {
    setSeenAt(elections.at)
    setDraft(draftOf(elections))
  }
  const action = useAction()
  const present = (attendance ?? []).filter((e) => e.presence !== 'absent')

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    onSaved(false)
    const done = await action.run(() =>
      elect(eventId, token, {
        chair: candidateOf(draft.chair),
        secretary: candidateOf(draft.secretary),
        checkers: draft.checkers.map(candidateOf).filter((c): c is Candidate => c !== null),
        voteCounters: draft.voteCounters.map(candidateOf).filter((c): c is Candidate => c !== null),
      }),
    )
    if (done) onSaved(true)
  }

  const seatField = (label: ReactNode, seat: Seat, onChange: (seat: Seat) => void) => (
    <SeatField label={label} seat={seat} present={present} onChange={onChange} disabled={locked} />
  )

  return (
    <form className="elections stack" onSubmit={submit} noValidate>
      {seatField(<FormattedMessage id="plenary.elections.chair" />, draft.chair, (chair) =>
        setDraft((d) => ({ ...d, chair })),
      )}
      {seatField(
        <FormattedMessage id="plenary.elections.secretary" />,
        draft.secretary,
        (secretary) => setDraft((d) => ({ ...d, secretary })),
      )}
      {draft.checkers.map((seat, index) =>
        seatField(
          <FormattedMessage id="plenary.elections.checker" values={{ number: index + 1 }} />,
          seat,
          (next) =>
            setDraft((d) => ({
              ...d,
              checkers: d.checkers.map((s, i) => (i === index ? next : s)),
            })),
        ),
      )}
      {draft.voteCounters.map((seat, index) =>
        seatField(
          <FormattedMessage id="plenary.elections.counter" values={{ number: index + 1 }} />,
          seat,
          (next) =>
            setDraft((d) => ({
              ...d,
              voteCounters: d.voteCounters.map((s, i) => (i === index ? next : s)),
            })),
        ),
      )}
      {locked ? null : (
        <div className="button-row">
          {draft.voteCounters.length < MAX_VOTE_COUNTERS ? (
            <Button
              variant="quiet"
              onPress={() => setDraft((d) => ({ ...d, voteCounters: [...d.voteCounters, EMPTY] }))}
            >
              <FormattedMessage id="plenary.elections.addCounter" />
            </Button>
          ) : null}
          <Button type="submit" variant="primary">
            <FormattedMessage id="plenary.elections.save" />
          </Button>
        </div>
      )}
      {saved && !action.failure ? (
        <Notice tone="success" announce>
          <FormattedMessage id="plenary.elections.saved" />
        </Notice>
      ) : null}
      {action.failure ? (
        <Notice tone="error" announce>
          <FormattedMessage {...plenaryError(action.failure)} />
        </Notice>
      ) : null}
    </form>
  )
}

function SeatField({
  label,
  seat,
  present,
  onChange,
  disabled,
}: {
  label: ReactNode
  seat: Seat
  present: AttendanceEntry[]
  onChange(seat: Seat): void
  disabled: boolean
}) {
  const intl = useIntl()
  // Someone picked earlier who is no longer listed (marked absent since) keeps their name here.
  const listed = seat.pick === '' || seat.pick === TYPED || present.some((e) => e.id === seat.pick)
  const options = [
    { value: '', label: intl.formatMessage({ id: 'plenary.elections.nobody' }) },
    ...present.map((e) => ({
      value: e.id,
      label: e.organisation ? `${e.name} (${e.organisation})` : e.name,
    })),
    ...(listed ? [] : [{ value: seat.pick, label: seat.name }]),
    { value: TYPED, label: intl.formatMessage({ id: 'plenary.elections.typeName' }) },
  ]
  return (
    <fieldset className="seat" disabled={disabled}>
      <legend className="seat__legend">{label}</legend>
      <SelectField
        label={<FormattedMessage id="plenary.elections.pick" />}
        value={seat.pick}
        options={options}
        onChange={(pick) => onChange({ ...seat, pick })}
      />
      {seat.pick === TYPED ? (
        <div className="amend__row">
          <TextField
            label={<FormattedMessage id="plenary.attendance.name" />}
            value={seat.name}
            onChange={(name) => onChange({ ...seat, name })}
          />
          <TextField
            label={<FormattedMessage id="plenary.attendance.organisation" />}
            labelNote={<FormattedMessage id="plenary.optional" />}
            value={seat.organisation}
            onChange={(organisation) => onChange({ ...seat, organisation })}
          />
        </div>
      ) : null}
    </fieldset>
  )
}
