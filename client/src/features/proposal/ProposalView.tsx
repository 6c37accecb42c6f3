import { proposalDocName } from '@hytepaja/shared/doc/names'
import { MAX_ACTIONS, PROPOSAL_BODY, proposalTitle } from '@hytepaja/shared/doc/schema/proposal'
import { mayRun } from '@hytepaja/shared/domain/permissions'
import * as proposals from '@hytepaja/shared/domain/proposals'
import { LexicalCollaboration } from '@lexical/react/LexicalCollaborationContext'
import { useCallback, useEffect, useMemo, useState } from 'react'
import { FormattedMessage, useIntl } from 'react-intl'
import { Link } from 'wouter'
import type { Session } from '../../api/endpoints'
import { ApiError } from '../../api/http'
import { fetchOrganisations, proposalApi } from '../../api/proposals'
import { Page } from '../../app/Page'
import { errorMessage } from '../../i18n/errorMessages'
import { useLocaleControl } from '../../i18n/LocaleProvider'
import { summarise } from '../../sync/connectionState'
import type { Credential } from '../../sync/credentials'
import { usePresence, useSyncStatus } from '../../sync/hooks'
import type { SyncedDoc } from '../../sync/openDoc'
import { presenceColor } from '../../sync/presence'
import { Button } from '../../ui/Button'
import { LiveRegion } from '../../ui/LiveRegion'
import { Notice } from '../../ui/Notice'
import { SyncStatusLine } from '../session/SyncStatusLine'
import { ActionCard } from './ActionCard'
import { attempt } from './attempt'
import { FacilitatorPanel } from './FacilitatorPanel'
import { titleField } from './fieldPresence'
import { IdeaPicker } from './IdeaPicker'
import { PeopleHere } from './PeopleHere'
import { PromotionNotice } from './PromotionNotice'
import { RichTextEditor } from './richtext/RichTextEditor'
import { SharedTextField } from './SharedTextField'
import { useCombinedStatus } from './useCombinedStatus'
import { useFieldOccupants } from './useFieldOccupants'
import { useProposal } from './useProposal'

export interface ProposalViewProps {
  eventId: string
  groupId: string
  token: string
  credential: Credential
  session: Session | null
}

const codeOf = (error: unknown) => (error instanceof ApiError ? error.code : 'unexpected')

/** A group's decision proposal with its 1–3 action proposals, co-written live. */
export function ProposalView({ eventId, groupId, token, credential, session }: ProposalViewProps) {
  const intl = useIntl()
  const { locale } = useLocaleControl()
  const p = useProposal(eventId, groupId, token, credential, session)
  // The proposal goes into the meeting's minutes: it is written in the event's language, and
  // the browser's spell check follows that, whatever language the writer's screen is in.
  const writingLang = p.event.meta?.language ?? locale
  const { occupants, enter } = useFieldOccupants(p.main)
  const present = usePresence(p.main)
  const api = useMemo(() => proposalApi(eventId, groupId, token), [eventId, groupId, token])
  const [editorDocs, setEditorDocs] = useState<Record<string, SyncedDoc | null>>({})
  const [failure, setFailure] = useState<string | null>(null)
  const [titleError, setTitleError] = useState<string | null>(null)
  const [adding, setAdding] = useState(false)
  const [announcement, setAnnouncement] = useState('')
  const onSynced = useCallback(
    (name: string, synced: SyncedDoc | null) =>
      setEditorDocs((prev) => ({ ...prev, [name]: synced })),
    [],
  )
  const eventSynced = useSyncStatus(p.event.synced).synced
  const status = useCombinedStatus([p.event.synced, p.main, ...Object.values(editorDocs)])
  const summary = summarise(status, { readOnly: !p.canWrite })

  const ready = p.groupState.proposalReady
  useEffect(() => {
    setAnnouncement(ready ? intl.formatMessage({ id: 'proposal.announce.ready' }) : '')
  }, [ready, intl])

  const user = { name: p.actor.name, color: presenceColor(p.actor.id) }
  const groupName = p.group?.name ?? intl.formatMessage({ id: 'board.untitledGroup' })
  const ideasById = useMemo(() => new Map(p.ideas.map((idea) => [idea.id, idea])), [p.ideas])
  const [organisations, setOrganisations] = useState<string[]>([])
  // The server gives them only to those who write proposals.
  const writesProposals = mayRun(
    { eventId, role: credential.role, groupId: credential.groupId },
    'proposal.write',
    credential.groupId ?? undefined,
  )
  useEffect(() => {
    if (!writesProposals) return
    const abort = new AbortController()
    fetchOrganisations(eventId, token, abort.signal).then(
      (res) => setOrganisations(res.organisations),
      // Suggestions are a convenience: without them people type the names.
      () => undefined,
    )
    return () => abort.abort()
  }, [eventId, token, writesProposals])
  const suggestions = useMemo(() => {
    const named = p.fields.actions.flatMap((a) => a.responsible)
    const own = credential.participant?.organisation ? [credential.participant.organisation] : []
    const municipalities = p.event.meta?.municipalities ?? []
    return [...new Set([...own, ...organisations, ...municipalities, ...named])]
  }, [p.fields.actions, credential.participant, organisations, p.event.meta?.municipalities])

  const addAction = async () => {
    if (adding) return
    setAdding(true)
    try {
      await api.addAction()
      setFailure(null)
    } catch (error) {
      setFailure(codeOf(error))
    } finally {
      setAdding(false)
    }
  }
  const mainDoc = p.main?.doc ?? null
  const full = p.fields.actions.length >= MAX_ACTIONS

  return (
    <Page
      title={intl.formatMessage({ id: 'proposal.title' }, { group: groupName })}
      kicker={p.event.meta?.title}
      className="page--proposal"
    >
      <nav className="proposal-nav" aria-label={intl.formatMessage({ id: 'proposal.nav.label' })}>
        <Link href={`/e/${eventId}/g/${groupId}`}>
          <FormattedMessage id="proposal.nav.board" />
        </Link>
        <Link href={`/e/${eventId}/agenda`}>
          <FormattedMessage id="proposal.nav.agenda" />
        </Link>
      </nav>
      <div className="proposal-bar">
        <SyncStatusLine summary={summary} look="inline" />
        <PeopleHere present={present} />
      </div>
      {p.frozen ? (
        <Notice tone="info" title={<FormattedMessage id="proposal.frozen.title" />}>
          <FormattedMessage id="proposal.frozen.body" />
        </Notice>
      ) : !p.canWrite && !p.ownGroup ? (
        <Notice tone="info">
          <FormattedMessage id="proposal.readOnly" />
        </Notice>
      ) : null}
      {ready && p.canWrite && p.canFacilitate ? (
        <Notice tone="info">
          <FormattedMessage id="proposal.readyFacilitator" />
        </Notice>
      ) : null}
      {p.canFacilitate ? null : (
        <PromotionNotice
          promotion={p.placement.promotion}
          label={p.placement.label}
          ready={eventSynced}
          say={setAnnouncement}
        />
      )}
      {failure ? (
        <Notice tone="error" announce>
          <FormattedMessage {...errorMessage(failure)} />
        </Notice>
      ) : null}
      <div className="proposal-layout">
        <div className="proposal-main stack">
          {p.canFacilitate ? (
            <FacilitatorPanel
              api={api}
              ready={ready}
              promotion={p.placement.promotion}
              label={p.placement.label}
            />
          ) : null}
          <LexicalCollaboration>
            <section className="card stack" aria-labelledby="proposal-heading">
              <h2 id="proposal-heading">
                <FormattedMessage id="proposal.heading" />
              </h2>
              <SharedTextField
                text={mainDoc ? proposalTitle(mainDoc) : null}
                label={<FormattedMessage id="proposal.titleField" />}
                description={<FormattedMessage id="proposal.titleHelp" />}
                onEdit={(value) => {
                  const code = mainDoc
                    ? attempt(() => proposals.editTitle(mainDoc, value, p.actor))
                    : null
                  setTitleError(code ? intl.formatMessage(errorMessage(code)) : null)
                  return code
                }}
                errorMessage={titleError}
                occupants={occupants.get(titleField()) ?? []}
                onFocusChange={(focused) => enter(focused ? titleField() : null)}
                readOnly={!p.canWrite}
                maxLength={proposals.MAX_TITLE}
                lang={writingLang}
                className="shared-field--title"
              />
              <div className="field">
                <span className="field__label" id="proposal-body-label">
                  <FormattedMessage id="proposal.body" />
                </span>
                <RichTextEditor
                  docName={proposalDocName(eventId, groupId, PROPOSAL_BODY)}
                  token={token}
                  labelledBy="proposal-body-label"
                  toolbarLabel={intl.formatMessage(
                    { id: 'proposal.editor.toolbar' },
                    { field: intl.formatMessage({ id: 'proposal.body' }) },
                  )}
                  editable={p.canWrite}
                  lang={writingLang}
                  user={user}
                  onSynced={onSynced}
                />
              </div>
            </section>
            <section className="stack" aria-labelledby="proposal-actions-heading">
              <h2 id="proposal-actions-heading">
                <FormattedMessage
                  id="proposal.actions.heading"
                  values={{ count: p.fields.actions.length, max: MAX_ACTIONS }}
                />
              </h2>
              {p.fields.actions.length === 0 ? (
                <p>
                  <FormattedMessage id="proposal.actions.none" />
                </p>
              ) : null}
              {mainDoc
                ? p.fields.actions.map((action, index) => (
                    <ActionCard
                      key={action.id}
                      action={action}
                      index={index}
                      doc={mainDoc}
                      eventId={eventId}
                      groupId={groupId}
                      token={token}
                      actor={p.actor}
                      editable={p.canWrite}
                      lang={writingLang}
                      user={user}
                      occupants={occupants}
                      onField={enter}
                      ideasById={ideasById}
                      suggestions={suggestions}
                      onSynced={onSynced}
                      onRemove={async () => {
                        try {
                          await api.removeAction(action.id)
                          return null
                        } catch (error) {
                          return intl.formatMessage(errorMessage(codeOf(error)))
                        }
                      }}
                    />
                  ))
                : null}
              {p.canWrite ? (
                <div className="stack">
                  <Button variant="primary" isDisabled={full} onPress={addAction}>
                    <FormattedMessage id="proposal.actions.add" />
                  </Button>
                  {full ? (
                    <p className="field__description">
                      <FormattedMessage id="proposal.actions.full" values={{ max: MAX_ACTIONS }} />
                    </p>
                  ) : null}
                </div>
              ) : null}
            </section>
          </LexicalCollaboration>
        </div>
        <aside className="proposal-aside">
          <IdeaPicker
            ideas={p.ideas}
            totals={p.groupState.totals}
            actions={p.fields.actions}
            editable={p.canWrite && mainDoc !== null}
            onUse={(ideaId, actionId) => {
              if (mainDoc) proposals.linkIdea(mainDoc, actionId, ideaId, p.actor)
            }}
          />
        </aside>
      </div>
      <LiveRegion message={announcement} />
    </Page>
  )
}
