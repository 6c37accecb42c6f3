import { type FormEvent, useEffect, useRef, useState } from 'react'
import { FormattedMessage, useIntl } from 'react-intl'
import { fetchSession, nameFacilitator, type Session } from '../../api/endpoints'
import { ApiError } from '../../api/http'
import { Page } from '../../app/Page'
import { errorMessage } from '../../i18n/errorMessages'
import { credentials } from '../../sync/credentials'
import { Button } from '../../ui/Button'
import { focusFirstInvalid } from '../../ui/focusFirstInvalid'
import { Loading } from '../../ui/Loading'
import { TextField } from '../../ui/TextField'
import type { SeatDestination } from './seatPrompt'
import { useShownGroups } from './shownContent'

export interface FacilitatorNamePromptProps {
  eventId: string
  groupId: string
  /** The group's shared facilitator token. */
  sharedToken: string
  session: Session | null
  destination: SeatDestination
  /** This browser now holds a seat of its own for the group: open the board with it. */
  onSeat(): void
}

/**
 * "Kuka olet?": the first time a browser opens a group's shared facilitator link, the person
 * types their name and the server gives them a facilitator seat of their own (so two people
 * on one link are two people in presence, on their notes and in the audit trail), on the
 * group's board and its proposal alike. A browser that has answered once goes straight on.
 */
export function FacilitatorNamePrompt(props: FacilitatorNamePromptProps) {
  const { eventId, groupId, sharedToken, session, destination, onSeat } = props
  const intl = useIntl()
  // A seat this browser took before: used unless the server has taken it away since (the
  // organiser removed it or made it a new link); then the person is asked again.
  const [known, setKnown] = useState(() => credentials.facilitatorSeat(eventId, groupId))
  const [name, setName] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const formRef = useRef<HTMLFormElement>(null)
  const groups = useShownGroups(session?.event.groups ?? [], session?.event.language ?? 'fi')
  const group = groups.find((g) => g.id === groupId)

  // biome-ignore lint/correctness/useExhaustiveDependencies: asked once, when the page opens.
  useEffect(() => {
    if (!known) return
    const abort = new AbortController()
    fetchSession(known.token, abort.signal).then(
      () => onSeat(),
      (caught: unknown) => {
        if (abort.signal.aborted) return
        const status = caught instanceof ApiError ? caught.status : 0
        if (status !== 401 && status !== 403) {
          onSeat() // offline or a hiccup: the board decides with the seat as it does
          return
        }
        credentials.forget(eventId, known.token)
        setKnown(null)
      },
    )
    return () => abort.abort()
  }, [])
  if (known) {
    return (
      <Loading>
        <FormattedMessage id="link.checking" />
      </Loading>
    )
  }

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    if (busy) return
    if (!name.trim()) {
      setError(intl.formatMessage({ id: 'error.participant.displayName.empty' }))
      focusFirstInvalid(formRef.current)
      return
    }
    setBusy(true)
    setError(null)
    try {
      const seat = await nameFacilitator(eventId, sharedToken, name)
      credentials.remember(eventId, {
        token: seat.token,
        role: 'facilitator',
        groupId: seat.groupId,
        participant: null,
        facilitator: { id: seat.facilitatorId, name: seat.name },
        eventTitle: session?.event.title ?? '',
      })
      onSeat()
    } catch (caught) {
      const code = caught instanceof ApiError ? caught.code : 'unexpected'
      setError(intl.formatMessage(errorMessage(code)))
      setBusy(false)
      focusFirstInvalid(formRef.current)
    }
  }

  return (
    <Page title={intl.formatMessage({ id: 'facilitatorSeat.title' })} kicker={group?.name}>
      <p className="lead">
        <FormattedMessage id="facilitatorSeat.lead" />
      </p>
      <form className="card stack" onSubmit={submit} noValidate ref={formRef}>
        <TextField
          label={intl.formatMessage({ id: 'facilitatorSeat.name' })}
          description={intl.formatMessage({ id: 'facilitatorSeat.help' })}
          value={name}
          onChange={(value) => {
            setName(value)
            setError(null)
          }}
          autoComplete="name"
          errorMessage={error}
          isRequired
          name="name"
        />
        <Button type="submit" variant="primary" size="large" wide>
          {busy ? (
            <FormattedMessage id="facilitatorSeat.submitting" />
          ) : destination === 'proposal' ? (
            <FormattedMessage id="facilitatorSeat.submitProposal" />
          ) : (
            <FormattedMessage id="facilitatorSeat.submit" />
          )}
        </Button>
      </form>
    </Page>
  )
}
