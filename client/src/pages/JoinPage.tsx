import { type FormEvent, useEffect, useRef, useState } from 'react'
import { FormattedMessage, useIntl } from 'react-intl'
import { Redirect, useLocation, useParams, useSearchParams } from 'wouter'
import { startEarly } from '../api/early'
import { createParticipant, type Session } from '../api/endpoints'
import { ApiError } from '../api/http'
import { Page } from '../app/Page'
import { EventFacts } from '../features/session/EventFacts'
import { JoinPrivacy } from '../features/session/JoinPrivacy'
import { LinkProblem } from '../features/session/LinkProblem'
import { ORGANISATION_KIND_LABEL } from '../features/session/organisationKinds'
import {
  checkParticipantForm,
  MAX_DISPLAY_NAME,
  MAX_ORGANISATION,
  type ParticipantForm,
  type ParticipantFormErrors,
} from '../features/session/participantInput'
import { useLangOf, useShownGroups, useShownMeta } from '../features/session/shownContent'
import { useLinkSession } from '../features/session/useLinkSession'
import { useOrganisationSuggestions } from '../features/session/useOrganisationSuggestions'
import { errorMessage } from '../i18n/errorMessages'
import { preloadWithMessages } from '../i18n/lazyWithMessages'
import { credentials } from '../sync/credentials'
import { ComboBoxField } from '../ui/ComboBoxField'
import { focusFirstInvalid } from '../ui/focusFirstInvalid'
import { NativeButton } from '../ui/NativeButton'
import { NativeRadioCards, NativeTextField } from '../ui/NativeFields'
import { Notice } from '../ui/Notice'

/**
 * `/e/{eventId}/join#<join token>`: name, organisation and exactly one group. The first page a
 * phone opens from the invitation, often on venue wifi: it is built of the browser's own
 * elements (no React Aria, no Yjs), so it is usable within seconds at 50 KB/s
 * (`e2e/bench/firstVisit.mjs`); the board's code follows while the person types.
 */
export default function JoinPage() {
  const { eventId = '' } = useParams<{ eventId: string }>()
  const [search] = useSearchParams()
  const seat = credentials.seat(eventId)
  // Coming back to the join link returns a person to their group; "join as someone else"
  // (?new=1) lets a shared laptop take a second seat.
  if (seat?.groupId && search.get('new') !== '1') {
    return <Redirect to={`/e/${eventId}/g/${seat.groupId}`} replace />
  }
  return <JoinWithLink eventId={eventId} />
}

function JoinWithLink({ eventId }: { eventId: string }) {
  const link = useLinkSession(eventId, {
    stored: () => credentials.forRole(eventId, 'join'),
    // The join link is meant to be shared on the screen and in the invitation; it stays.
    clearFromAddress: false,
  })
  if (link.state !== 'ready') return <LinkProblem link={link} />
  if (!link.session)
    return (
      <LinkProblem
        link={{
          state: 'failed',
          code: 'network.unavailable',
          retry: () => window.location.reload(),
        }}
      />
    )
  if (link.session.role !== 'join') return <LinkProblem link={{ state: 'invalid' }} />
  return <JoinForm eventId={eventId} token={link.token} session={link.session} />
}

function JoinForm({
  eventId,
  token,
  session,
}: {
  eventId: string
  token: string
  session: Session
}) {
  const intl = useIntl()
  const [, navigate] = useLocation()
  const [form, setForm] = useState<ParticipantForm>({
    displayName: '',
    organisation: '',
    groupId: null,
  })
  const [errors, setErrors] = useState<ParticipantFormErrors>({})
  const [failure, setFailure] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const formRef = useRef<HTMLFormElement>(null)
  // The title and the groups in this person's language where the organiser gave it.
  const event = useShownMeta(session.event) ?? session.event
  const groups = useShownGroups(session.event.groups, session.event.language)
  const langOf = useLangOf(session.event.language)
  const suggestions = useOrganisationSuggestions(eventId, token, form.organisation)

  // While the person types their name, the board's code arrives: after "Liity" the board then
  // waits only for its data (on venue wifi its code alone takes seconds).
  useEffect(() => {
    preloadWithMessages(['board'], () => import('./BoardPage')).catch(() => undefined)
  }, [])

  const change = (field: keyof ParticipantForm) => (value: string) => {
    setForm((prev) => ({ ...prev, [field]: value }))
    setErrors((prev) => ({ ...prev, [field]: undefined }))
  }
  const fieldError = (code: string | undefined) =>
    code ? intl.formatMessage(errorMessage(code)) : null

  const submit = async (submitted: FormEvent) => {
    submitted.preventDefault()
    // A second tap while the first is on its way would create a second seat.
    if (busy) return
    const found = checkParticipantForm(form)
    setErrors(found)
    if (Object.keys(found).length > 0 || !form.groupId) {
      focusFirstInvalid(formRef.current)
      return
    }
    setBusy(true)
    setFailure(null)
    try {
      const displayName = form.displayName.trim()
      const organisation = form.organisation.trim()
      const created = await createParticipant(eventId, token, {
        displayName,
        organisation,
        groupId: form.groupId,
      })
      credentials.remember(eventId, {
        token: created.token,
        role: 'participant',
        groupId: form.groupId,
        participant: { id: created.participantId, displayName, organisation: organisation || null },
        eventTitle: session.event.title,
        authorKeys: created.authorKeys,
      })
      // The board asks for the new seat's session first: asked now, it is on its way while
      // the board's code (if still loading) arrives, instead of one round trip after it.
      startEarly('/api/session', created.token)
      navigate(`/e/${eventId}/g/${form.groupId}`, { replace: true })
    } catch (caught) {
      setFailure(caught instanceof ApiError ? caught.code : 'unexpected')
      setBusy(false)
    }
  }

  return (
    <Page
      title={intl.formatMessage({ id: 'join.title' })}
      kicker={<span lang={langOf(session.event, 'title')}>{event.title}</span>}
    >
      <EventFacts event={event} />
      <p className="lead">
        <FormattedMessage id="join.lead" />
      </p>
      <JoinPrivacy eventId={eventId} token={token} />
      <form className="stack card" onSubmit={submit} noValidate ref={formRef}>
        <NativeTextField
          label={intl.formatMessage({ id: 'join.name.label' })}
          description={intl.formatMessage({ id: 'join.name.help' })}
          value={form.displayName}
          onChange={change('displayName')}
          autoComplete="name"
          maxLength={MAX_DISPLAY_NAME}
          isRequired
          errorMessage={fieldError(errors.displayName)}
          name="displayName"
        />
        <ComboBoxField
          label={intl.formatMessage({ id: 'join.organisation.label' })}
          labelNote={intl.formatMessage({ id: 'form.optional' })}
          description={intl.formatMessage({ id: 'join.organisation.help' })}
          value={form.organisation}
          onChange={change('organisation')}
          options={suggestions.map((found) => ({
            value: found.name,
            note: intl.formatMessage(ORGANISATION_KIND_LABEL[found.kind]),
          }))}
          announceCount={(count) =>
            intl.formatMessage({ id: 'join.organisation.found' }, { count })
          }
          autoComplete="organization"
          maxLength={MAX_ORGANISATION}
          errorMessage={fieldError(errors.organisation)}
          name="organisation"
        />
        <NativeRadioCards
          name="groupId"
          label={intl.formatMessage({ id: 'join.group.label' })}
          description={intl.formatMessage({ id: 'join.group.help' })}
          value={form.groupId}
          onChange={change('groupId')}
          isRequired
          errorMessage={fieldError(errors.groupId)}
          options={groups.map((group) => ({
            value: group.id,
            title: <span lang={langOf(group, 'name')}>{group.name}</span>,
            description: group.description ? (
              <span lang={langOf(group, 'description')}>{group.description}</span>
            ) : undefined,
          }))}
        />
        {failure ? (
          <Notice tone="error" announce>
            <FormattedMessage {...errorMessage(failure)} />
          </Notice>
        ) : null}
        <NativeButton type="submit" variant="primary" size="large" wide>
          {busy ? <FormattedMessage id="join.submitting" /> : <FormattedMessage id="join.submit" />}
        </NativeButton>
        <p className="hint">
          <FormattedMessage id="join.privacy" />
        </p>
      </form>
    </Page>
  )
}
