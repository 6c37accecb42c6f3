import { useCallback, useMemo, useState } from 'react'
import { FormattedMessage, useIntl } from 'react-intl'
import { facilitationApi } from '../../api/board'
import { Page } from '../../app/Page'
import { errorMessage } from '../../i18n/errorMessages'
import { useLocaleControl } from '../../i18n/LocaleProvider'
import { LiveRegion } from '../../ui/LiveRegion'
import { Loading } from '../../ui/Loading'
import { MessagesNotice } from '../facilitation/MessagesNotice'
import { rescueFocus } from '../facilitation/rescueFocus'
import { SpotlightNotice } from '../facilitation/SpotlightNotice'
import { useCommand } from '../facilitation/useCommand'
import { useGroupAnnouncements } from '../facilitation/useGroupAnnouncements'
import { useServerOffset } from '../facilitation/useServerOffset'
import { useSpotlight } from '../facilitation/useSpotlight'
import { BoardFollowUpSlot } from '../followUpItem/BoardFollowUpSlot'
import { ChangeGroup } from '../groupChange/ChangeGroup'
import { CurrentItemLine } from '../plenary/CurrentItemLine'
import { PreAssignmentSlot } from '../preAssignment/PreAssignmentSlot'
import { GroupLinks } from '../proposal/GroupLinks'
import { RankingPanel } from '../voting/RankingPanel'
import { useBallot } from '../voting/useBallot'
import { useEarlyTotals } from '../voting/useEarlyTotals'
import { noteColorFor } from './actor'
import { BoardDialogs } from './BoardDialogs'
import { BoardDetails, BoardStatus } from './BoardHeader'
import { BoardNotices } from './BoardNotices'
import { BoardToolbar } from './BoardToolbar'
import { BoardViews } from './BoardViews'
import { BottomBar, ballotSpent, SPENT_REASON_ID } from './BottomBar'
import type { CommandResult } from './commands'
import { FacilitatorSlot } from './FacilitatorSlot'
import type { NoteAbilities } from './NoteActions'
import { shorten } from './NoteMeta'
import { viewNotes } from './noteView'
import { SeatNote } from './SeatNote'
import { useAnnouncer } from './useAnnouncer'
import { type BoardSource, useBoardModel } from './useBoardModel'
import { useBoardSettings } from './useBoardSettings'
import { useBoardWrites } from './useBoardWrites'
import { useConnectionAnnouncements } from './useConnectionAnnouncements'
import { latestFollow, useFreshIdeas } from './useFreshIdeas'
import { useNoteHandlers } from './useNoteHandlers'
import { useShortcuts } from './useShortcuts'

export type BoardProps = BoardSource

const NO_IDS: string[] = []

/** One group's workshop board, over `board:{eventId}:{groupId}` and the event's group state. */
export function Board(props: BoardProps) {
  const { eventId, groupId, token, credential } = props
  const intl = useIntl()
  const { locale } = useLocaleControl()
  const model = useBoardModel(props)
  const { groupState: state, actor, access, facilitates, clusters, visibleIdeas } = model
  const { settings, layout, change } = useBoardSettings()
  const offset = useServerOffset()

  const api = useMemo(
    () => (facilitates ? facilitationApi(eventId, groupId, token) : null),
    [facilitates, eventId, groupId, token],
  )
  const command = useCommand()
  const announced = useMemo(
    () => ({ shown: visibleIdeas, all: model.allIdeas }),
    [visibleIdeas, model.allIdeas],
  )
  const announcer = useAnnouncer(announced, actor.authorKey ?? null, model.boardReady, {
    anonymous: state.anonymous,
    authorNames: model.authorNames,
    announceEdits: settings.announceEdits,
  })
  const { say } = announcer
  const voting = model.votes && state.phase === 'voting'
  // One's own vote is said once, with the dots left: the button's new words alone are not
  // read out by every screen reader, and the count is elsewhere on the page.
  const sayVote = useCallback(
    (kind: 'cast' | 'retract', remaining: number) =>
      say(
        intl.formatMessage(
          kind === 'cast' ? { id: 'vote.announce.cast' } : { id: 'vote.announce.retract' },
          { remaining },
        ),
      ),
    [say, intl],
  )
  const ballot = useBallot(
    { eventId, groupId, token },
    model.votes,
    `${state.phase}:${state.voting.budget}:${state.locked}:${state.voting.multiplePerIdea}`,
    sayVote,
  )
  const earlyTotals = useEarlyTotals(api, state.votesCast)
  // Totals mean something once voting has started; before that every note would say "no votes".
  const votingStarted = state.phase === 'voting' || state.phase === 'proposal' || state.revealed
  const shownTotals = votingStarted ? (state.totals ?? (facilitates ? earlyTotals : null)) : null
  // The event document changes with every group's activity; the totals of this one rarely do.
  const totalsKey = JSON.stringify(shownTotals)
  // biome-ignore lint/correctness/useExhaustiveDependencies: the key stands for the value.
  const totals = useMemo(() => shownTotals, [totalsKey])

  const clusterNames = useMemo(() => new Map(clusters.map((c) => [c.id, c.name])), [clusters])
  const notes = useMemo(
    () =>
      viewNotes(visibleIdeas, actor, {
        boardGroupId: groupId,
        canWrite: access.canWrite,
        anonymous: state.anonymous,
        authorNames: model.authorNames,
        totals,
        ballot: ballot?.ballot ?? null,
        clusterNames,
        unsentIds: model.unsentIds,
      }),
    [
      visibleIdeas,
      actor,
      groupId,
      access.canWrite,
      state.anonymous,
      model.authorNames,
      totals,
      ballot?.ballot,
      clusterNames,
      model.unsentIds,
    ],
  )

  useConnectionAnnouncements(model.summary, say)
  useGroupAnnouncements(state, model.eventReady, say)
  const spotlight = useSpotlight(state.spotlight, `${eventId}:${groupId}`)
  const fresh = useFreshIdeas(visibleIdeas, model.boardReady)
  const follow = latestFollow(spotlight.follow, fresh.follow)
  const [detailsOpen, setDetailsOpen] = useState(false)

  const [failure, setFailure] = useState<string | null>(null)
  const report = useCallback(
    (result: CommandResult) => setFailure(result.ok ? null : result.code),
    [],
  )
  const { noteHandlers, clusterHandlers, moveInto, dialogs } = useNoteHandlers({
    notes,
    clusters,
    commands: model.commands,
    api,
    command,
    report,
  })

  // Publishing the results closes voting (the server refuses dots after it, vote.revealed).
  const votingClosed = voting && state.revealed
  const canVote = Boolean(voting && ballot && !state.locked && !state.revealed && access.canWrite)
  const stranded = useMemo(() => {
    const shown = new Set(notes.filter((n) => !n.idea.hidden).map((n) => n.idea.id))
    return Object.keys(ballot?.ballot ?? {}).filter((id) => !shown.has(id))
  }, [notes, ballot?.ballot])
  const abilities = useMemo<NoteAbilities>(
    () => ({
      facilitates,
      clustersExist: clusters.length > 0,
      voting:
        canVote && ballot
          ? {
              multiple: state.voting.multiplePerIdea,
              spentReasonId: ballotSpent(ballot) ? SPENT_REASON_ID : null,
              cast: (note) => ballot.cast(note.idea.id),
              retract: (note) => ballot.retract(note.idea.id),
            }
          : null,
    }),
    [facilitates, clusters.length, canVote, ballot, state.voting.multiplePerIdea],
  )

  const openAdd = useCallback(
    () => dialogs.setEditor({ mode: 'add', clusterId: null, clusterName: null }),
    [dialogs.setEditor],
  )
  // Voting and after: the set of ideas is closed for participants (the facilitator may still add).
  const adding =
    access.canWrite && (facilitates || (state.phase !== 'voting' && state.phase !== 'proposal'))
  const setLayout = (next: typeof layout) => change({ layout: next })
  useShortcuts(settings.shortcuts, { add: adding ? openAdd : null, layout: setLayout })

  const writes = useBoardWrites({
    commands: model.commands,
    clusterWrites: model.clusterWrites,
    dialogs,
    notes,
    clusters,
    layout,
    lang: locale,
  })

  const spotlightName = (() => {
    const target = state.spotlight
    if (!target) return null
    if (target.kind === 'cluster') return clusterNames.get(target.id) ?? null
    const idea = visibleIdeas.find((i) => i.id === target.id)
    return idea ? shorten(idea.text, 60) : null
  })()
  const activeSpot = spotlight.active && spotlightName ? spotlight.active : null
  const showPanelFor = credential.role === 'participant'
  const question = model.event.meta?.preAssignment ?? null
  // In the proposal phase the group's work moves to its proposal: the way there leaves the
  // phone's folded details and stands first under the header, where everyone sees it.
  const proposalNext = state.phase === 'proposal'
  const groupLinks = <GroupLinks eventId={eventId} groupId={groupId} />

  // An empty board says so in words; the lane has nothing to sort yet.
  const hideView =
    model.loading || (layout === 'lane' && notes.length === 0 && clusters.length === 0)

  return (
    <Page
      title={model.group?.name ?? intl.formatMessage({ id: 'board.untitledGroup' })}
      className="page--board"
      status={
        <BoardStatus
          state={state}
          offset={offset}
          summary={model.summary}
          terminal={model.terminal}
          say={say}
          detailsOpen={detailsOpen}
          onToggleDetails={() => setDetailsOpen((open) => !open)}
        />
      }
    >
      <BoardDetails
        open={detailsOpen}
        body={{
          eventId,
          groupId,
          present: model.present,
          state,
          remainingDots: voting && ballot ? ballot.remaining : null,
          showHelp: showPanelFor,
          layout,
          onLayout: setLayout,
          settings,
          onSettings: change,
          totalsShown: totals !== null,
          links: !proposalNext,
        }}
      >
        {model.event.meta?.title ? (
          <p className="board-details__event">{model.event.meta.title}</p>
        ) : null}
        {model.group?.description ? (
          <p className="board__theme">{model.group.description}</p>
        ) : null}
      </BoardDetails>
      {proposalNext ? groupLinks : null}
      <CurrentItemLine eventId={eventId} event={model.event} ready={model.eventReady} say={say} />
      <BoardFollowUpSlot
        eventId={eventId}
        token={token}
        doc={model.event.synced?.doc ?? null}
        lang={model.event.meta?.language ?? 'fi'}
      />
      <MessagesNotice
        eventId={eventId}
        messages={model.messages}
        ready={model.eventReady}
        say={say}
      />
      <BoardNotices
        eventId={eventId}
        credential={credential}
        reason={access.reason}
        summary={model.summary}
      />
      {showPanelFor && question && state.phase === 'waiting' && !state.preAnswersImported ? (
        <PreAssignmentSlot eventId={eventId} token={token} question={question} />
      ) : null}
      {api ? (
        <FacilitatorSlot
          eventId={eventId}
          state={state}
          api={api}
          command={command}
          deleted={model.deletedIdeas}
          hidden={visibleIdeas.filter((i) => i.hidden)}
          spotlightName={spotlightName}
          onRestore={(idea) => command.run('restore', () => api.restoreIdea(idea.id))}
          onShow={(idea) => command.run('restore', () => api.restoreIdea(idea.id))}
        />
      ) : null}
      {activeSpot && spotlightName ? (
        <SpotlightNotice
          kind={activeSpot.kind}
          name={spotlightName}
          onDismiss={spotlight.dismiss}
        />
      ) : null}
      {votingClosed ? (
        <p className="notice">
          <FormattedMessage id="vote.closedRevealed" />
        </p>
      ) : null}
      {state.revealed && state.totals ? (
        <RankingPanel
          ideas={visibleIdeas.filter((i) => !i.hidden)}
          totals={state.totals}
          spotlightId={activeSpot?.kind === 'idea' ? activeSpot.id : null}
        />
      ) : null}
      {failure ? (
        <p className="notice notice--error" role="alert">
          <FormattedMessage {...errorMessage(failure)} />
        </p>
      ) : null}
      <BoardToolbar
        count={notes.length}
        onAdd={adding && layout !== 'lane' ? openAdd : null}
        onAddCluster={
          facilitates && access.canWrite ? () => dialogs.setClusterEdit({ mode: 'add' }) : null
        }
      />
      {model.loading ? (
        <Loading>
          <FormattedMessage id="board.loading" />
        </Loading>
      ) : notes.length === 0 && clusters.length === 0 ? (
        <p className="board__empty">
          {access.canWrite ? (
            <FormattedMessage id="board.empty.write" />
          ) : (
            <FormattedMessage id="board.empty.read" />
          )}
        </p>
      ) : null}
      {hideView ? null : (
        <BoardViews
          layout={layout}
          order={settings.order}
          notes={notes}
          clusters={clusters}
          totals={totals}
          abilities={abilities}
          noteHandlers={noteHandlers}
          clusterHandlers={clusterHandlers}
          commands={model.commands}
          clusterWrites={model.clusterWrites}
          report={report}
          canAdd={adding}
          follow={follow}
          spotlightFollow={spotlight.follow}
          revealCluster={writes.revealCluster}
          spotlight={activeSpot}
          fresh={fresh.fresh}
          say={say}
          viewRect={writes.viewRect}
          awareness={model.board?.awareness ?? null}
        />
      )}
      <SeatNote eventId={eventId} credential={credential} />
      <ChangeGroup eventId={eventId} groupId={groupId} token={token} credential={credential} />
      <BottomBar
        onAdd={adding && layout === 'lane' ? openAdd : null}
        ballot={canVote ? ballot : null}
        stranded={canVote ? stranded : NO_IDS}
      />
      <BoardDialogs
        ready={model.boardReady || (model.status.loadedLocal && model.allIdeas.length > 0)}
        dialogs={dialogs}
        clusters={clusters}
        lang={locale}
        defaultColor={noteColorFor(actor.id)}
        onSubmitIdea={(content) => {
          const adding = dialogs.editor?.mode === 'add'
          const result = writes.submitIdea(content)
          if (result.ok) {
            setFailure(null)
            // One's own new note is brought into view (it may land under the sticky bars);
            // focus goes back to the button that opened the dialog: say where the idea went.
            if (result.id) fresh.show(result.id)
            say(
              intl.formatMessage(
                adding ? { id: 'board.announce.ownAdded' } : { id: 'board.announce.ownSaved' },
              ),
            )
          }
          return result
        }}
        onDelete={(idea) => model.commands && report(model.commands.remove(idea.id))}
        onMove={moveInto}
        onSubmitCluster={writes.submitCluster}
        onRemoveCluster={(cluster) => {
          if (model.clusterWrites) report(model.clusterWrites.remove(cluster.id))
          rescueFocus()
        }}
      />
      <LiveRegion message={announcer.message} />
    </Page>
  )
}
