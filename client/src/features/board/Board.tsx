import { boardDocName } from '@hytepaja/shared/doc/names'
import {
  type Idea,
  INITIAL_GROUP_STATE,
  readGroupState,
  readIdeas,
} from '@hytepaja/shared/doc/schema'
import { runsBoard } from '@hytepaja/shared/domain/ideaRights'
import * as ideas from '@hytepaja/shared/domain/ideas'
import { useEffect, useMemo, useRef, useState } from 'react'
import { FormattedMessage, useIntl } from 'react-intl'
import type { Session } from '../../api/endpoints'
import { Page } from '../../app/Page'
import { errorMessage } from '../../i18n/errorMessages'
import { useLocaleControl } from '../../i18n/LocaleProvider'
import { isTerminal, summarise } from '../../sync/connectionState'
import { type Credential, credentials } from '../../sync/credentials'
import { useDoc, usePresence, useSnapshot, useSyncStatus } from '../../sync/hooks'
import { Button } from '../../ui/Button'
import { LiveRegion } from '../../ui/LiveRegion'
import { Loading } from '../../ui/Loading'
import { ChangeGroup } from '../groupChange/ChangeGroup'
import { GroupLinks } from '../proposal/GroupLinks'
import { roleName } from '../session/roleLabels'
import { useEventDoc } from '../session/useEventDoc'
import { boardAccess } from './access'
import { boardActor, noteColorFor } from './actor'
import { BoardNotices } from './BoardNotices'
import { BoardToolbar } from './BoardToolbar'
import { ConnectionStatus } from './ConnectionStatus'
import { ideaCommands } from './commands'
import { DeleteIdeaDialog } from './DeleteIdeaDialog'
import { IdeaCanvas } from './IdeaCanvas'
import { type EditorTarget, IdeaEditor } from './IdeaEditor'
import { IdeaList } from './IdeaList'
import { viewNotes } from './noteView'
import { PresenceList } from './PresenceList'
import { freeSpot } from './placement'
import { SeatNote } from './SeatNote'
import { useAnnouncer } from './useAnnouncer'
import { useBoardLayout } from './useBoardLayout'
import { useConnectionAnnouncements } from './useConnectionAnnouncements'
import { usePresenceOf } from './usePresenceOf'

export interface BoardProps {
  eventId: string
  groupId: string
  token: string
  credential: Credential
  /** Null when the page opened offline from this device's stored credential. */
  session: Session | null
}

const NO_IDEAS: Idea[] = []

/** One group's idea board, over the `board:{eventId}:{groupId}` document. */
export function Board({ eventId, groupId, token, credential, session }: BoardProps) {
  const intl = useIntl()
  const { locale } = useLocaleControl()
  const event = useEventDoc(eventId, token, session?.event ?? null)
  const groupState = useSnapshot(
    event.synced?.doc ?? null,
    (doc) => readGroupState(doc, groupId),
    INITIAL_GROUP_STATE,
  )
  const group = event.groups.find((g) => g.id === groupId) ?? null
  const facilitators = group?.facilitators.join('\n') ?? ''
  const actor = useMemo(
    () =>
      boardActor(credential, {
        facilitators: facilitators ? facilitators.split('\n') : [],
        roleName: (role) => intl.formatMessage(roleName(role)),
      }),
    [credential, facilitators, intl],
  )

  const board = useDoc(boardDocName(eventId, groupId), token, { presence: true })
  usePresenceOf(board, actor)
  const present = usePresence(board)
  const status = useSyncStatus(board)
  const eventStatus = useSyncStatus(event.synced)
  const holder = { eventId, role: credential.role, groupId: credential.groupId }
  const writable = boardAccess(holder, { eventId, groupId }, groupState)
  const summary = summarise(eventStatus.closed ? eventStatus : status, {
    readOnly: !writable.canWrite,
  })
  const terminal = isTerminal(summary)
  const access = terminal ? { canWrite: false, reason: null } : writable

  // A revoked token is useless on this device: the home page should not offer it again.
  useEffect(() => {
    if (summary === 'revoked') credentials.forget(eventId, token)
  }, [summary, eventId, token])

  const allIdeas = useSnapshot(board?.doc ?? null, readIdeas, NO_IDEAS)
  const includeHidden = runsBoard(actor)
  const visibleIdeas = useMemo(
    () => ideas.visible(allIdeas, { includeHidden }),
    [allIdeas, includeHidden],
  )
  const notes = useMemo(
    () =>
      viewNotes(visibleIdeas, actor, {
        boardGroupId: groupId,
        canWrite: access.canWrite,
        anonymous: groupState.anonymous,
      }),
    [visibleIdeas, actor, groupId, access.canWrite, groupState.anonymous],
  )

  const everSynced = useRef(false)
  everSynced.current ||= status.synced
  const announcer = useAnnouncer(visibleIdeas, actor.id, everSynced.current, groupState.anonymous)
  useConnectionAnnouncements(summary, announcer.say)

  const [layout, setLayout] = useBoardLayout()
  const [editor, setEditor] = useState<EditorTarget | null>(null)
  const [deleting, setDeleting] = useState<Idea | null>(null)
  const [failure, setFailure] = useState<string | null>(null)
  const viewOrigin = useRef({ x: 0, y: 0 })
  const commands = useMemo(() => (board ? ideaCommands(board.doc, actor) : null), [board, actor])

  const report = (result: { ok: true } | { ok: false; code: string }) => {
    setFailure(result.ok ? null : result.code)
    return result
  }
  const submitEditor = (text: string) => {
    if (!commands || !editor) return { ok: false as const, code: 'unexpected' }
    if (editor.mode === 'edit') return commands.edit(editor.id, text)
    const origin = layout === 'canvas' ? viewOrigin.current : { x: 0, y: 0 }
    const spot = freeSpot(visibleIdeas, origin)
    return commands.add({ text, ...spot, color: noteColorFor(actor.id), lang: locale })
  }

  const loading = !status.loadedLocal && !status.synced && !terminal
  const openAdd = () => setEditor({ mode: 'add' })
  const noteHandlers = {
    onEdit: (note: { idea: Idea }) =>
      setEditor({ mode: 'edit', id: note.idea.id, text: note.idea.text, lang: note.idea.lang }),
    onDelete: (note: { idea: Idea }) => setDeleting(note.idea),
  }

  return (
    <Page
      title={group?.name ?? intl.formatMessage({ id: 'board.untitledGroup' })}
      kicker={event.meta?.title}
      className="page--board"
    >
      {group?.description ? <p className="board__theme">{group.description}</p> : null}
      <GroupLinks eventId={eventId} groupId={groupId} />
      <div className="board__bar">
        {/* In a terminal state the notice below says it all, with what to do next. */}
        {terminal ? null : <ConnectionStatus summary={summary} />}
        <PresenceList present={present} />
      </div>
      <BoardNotices
        eventId={eventId}
        credential={credential}
        reason={access.reason}
        summary={summary}
      />
      <BoardToolbar
        layout={layout}
        onLayoutChange={setLayout}
        count={notes.length}
        onAdd={access.canWrite && layout === 'canvas' ? openAdd : null}
      />
      {failure ? (
        <p className="notice notice--error" role="alert">
          <FormattedMessage {...errorMessage(failure)} />
        </p>
      ) : null}
      {loading ? (
        <Loading>
          <FormattedMessage id="board.loading" />
        </Loading>
      ) : notes.length === 0 ? (
        <p className="board__empty">
          {access.canWrite ? (
            <FormattedMessage id="board.empty.write" />
          ) : (
            <FormattedMessage id="board.empty.read" />
          )}
        </p>
      ) : null}
      {!loading && layout === 'list' ? <IdeaList notes={notes} {...noteHandlers} /> : null}
      {!loading && layout === 'canvas' ? (
        <IdeaCanvas
          notes={notes}
          canChangeAny={notes.some((n) => n.changeable)}
          viewOrigin={viewOrigin}
          onMove={(note, to) => commands && report(commands.move(note.idea.id, to))}
          {...noteHandlers}
        />
      ) : null}
      <SeatNote eventId={eventId} credential={credential} />
      <ChangeGroup eventId={eventId} groupId={groupId} token={token} credential={credential} />
      {access.canWrite && layout === 'list' ? (
        <div className="add-bar">
          <Button variant="primary" size="large" wide onPress={openAdd}>
            <FormattedMessage id="board.addIdea" />
          </Button>
        </div>
      ) : null}
      <IdeaEditor
        target={editor}
        lang={locale}
        onSubmit={(text) => {
          const result = submitEditor(text)
          if (result.ok) setFailure(null)
          return result
        }}
        onClose={() => setEditor(null)}
      />
      <DeleteIdeaDialog
        idea={deleting}
        onConfirm={(idea) => commands && report(commands.remove(idea.id))}
        onClose={() => setDeleting(null)}
      />
      <LiveRegion message={announcer.message} />
    </Page>
  )
}
