import { boardDocName, eventDocName, withheldDocName } from '@hytepaja/shared/doc/names'
import {
  type Cluster,
  type Idea,
  ideasRoot,
  readClusters,
  readIdeas,
} from '@hytepaja/shared/doc/schema/board'
import {
  type Announcement,
  type AuthorName,
  INITIAL_GROUP_STATE,
  readAnnouncements,
  readAuthorNames,
  readGroupState,
} from '@hytepaja/shared/doc/schema/event'
import * as ideas from '@hytepaja/shared/domain/ideas'
import { mayRun } from '@hytepaja/shared/domain/permissions'
import { useEffect, useMemo, useRef } from 'react'
import { useIntl } from 'react-intl'
import type { Session } from '../../api/endpoints'
import { isTerminal, summarise } from '../../sync/connectionState'
import { type Credential, credentials } from '../../sync/credentials'
import { useDoc, usePresence, useSnapshot, useSyncStatus } from '../../sync/hooks'
import { acquireDoc, releaseDoc } from '../../sync/registry'
import { roleName } from '../session/roleLabels'
import { useEventDoc } from '../session/useEventDoc'
import { boardAccess } from './access'
import { boardActor } from './actor'
import { clusterCommands, ideaCommands } from './commands'
import { usePresenceOf } from './usePresenceOf'

const NO_IDEAS: Idea[] = []
const NO_CLUSTERS: Cluster[] = []
const NO_MESSAGES: Announcement[] = []
const NO_NAMES: Record<string, AuthorName> = {}
const NO_IDS: ReadonlySet<string> = new Set()
/** Others see who has the board open. */
const BOARD_DOC = { presence: true }

/**
 * Starts opening the board's documents (offline copy, socket, the server's state) as soon as
 * the link's session is known, while the page itself still renders: on a phone that is a
 * render, a commit and a frame earlier. The board takes them over when it mounts; the registry
 * keeps a document it was given back open for a few seconds.
 */
export function openBoardEarly(eventId: string, groupId: string, token: string): void {
  releaseDoc(acquireDoc(eventDocName(eventId), token), token)
  releaseDoc(acquireDoc(boardDocName(eventId, groupId), token, BOARD_DOC), token)
}

export interface BoardSource {
  eventId: string
  groupId: string
  token: string
  credential: Credential
  /** Null when the page opened offline from this device's stored credential. */
  session: Session | null
  /** The server says this person's rights changed: look the link up again. */
  onRightsChanged?(): void
}

/**
 * Everything a board shows, read live from its two documents: the board (notes, clusters) and
 * the event (the group's trusted state, messages). Who may do what comes from shared/.
 */
export function useBoardModel({
  eventId,
  groupId,
  token,
  credential,
  session,
  onRightsChanged,
}: BoardSource) {
  const intl = useIntl()
  const event = useEventDoc(eventId, token, session?.event ?? null)
  const eventDoc = event.synced?.doc ?? null
  const groupState = useSnapshot(
    eventDoc,
    (doc) => readGroupState(doc, groupId),
    INITIAL_GROUP_STATE,
  )
  const messages = useSnapshot(eventDoc, readAnnouncements, NO_MESSAGES)
  const group = event.groups.find((g) => g.id === groupId) ?? null
  const facilitatorNames = group?.facilitators.join('\n') ?? ''
  const actor = useMemo(
    () =>
      boardActor(
        credential,
        {
          facilitators: facilitatorNames ? facilitatorNames.split('\n') : [],
          roleName: (role) => intl.formatMessage(roleName(role)),
        },
        groupId,
      ),
    [credential, facilitatorNames, intl, groupId],
  )
  // Who wrote which note, as the server publishes it (nothing in anonymous mode).
  const publishedNames = useSnapshot(eventDoc, (doc) => readAuthorNames(doc, groupId), NO_NAMES)
  const authorNames = useMemo(
    () =>
      new Map(
        Object.entries(publishedNames).map(([key, author]) => [
          key,
          author.name || intl.formatMessage(roleName(author.role)),
        ]),
      ),
    [publishedNames, intl],
  )

  const board = useDoc(boardDocName(eventId, groupId), token, BOARD_DOC)
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
  const facilitates = !terminal && mayRun(holder, 'board.facilitate', groupId)
  const votes = mayRun(holder, 'board.vote', groupId)

  // Moved to another group by the organiser: the socket reconnects read-only, and the page
  // learns the new group so it stops offering writes the server would not take.
  const rightsChanged = status.rightsChanged + eventStatus.rightsChanged
  useEffect(() => {
    if (rightsChanged > 0) onRightsChanged?.()
  }, [rightsChanged, onRightsChanged])

  // A revoked token is useless on this device: the home page should not offer it again.
  useEffect(() => {
    if (summary === 'revoked') credentials.forget(eventId, token)
  }, [summary, eventId, token])

  const allIdeas = useSnapshot(board?.doc ?? null, readIdeas, NO_IDEAS)
  const clusters = useSnapshot(board?.doc ?? null, readClusters, NO_CLUSTERS)
  // This person's notes the server has not confirmed yet (written offline, or on their way).
  // Others' notes came from the server, so only one's own can be unsent.
  const selfKey = actor.authorKey
  // biome-ignore lint/correctness/useExhaustiveDependencies: a confirmation changes what isOnServer answers.
  const unsentIds = useMemo(() => {
    if (!board || !status.unsaved || !selfKey) return NO_IDS
    const root = ideasRoot(board.doc)
    const unsent = allIdeas.filter((idea) => {
      const item = idea.authorKey === selfKey ? root.get(idea.id)?._item : null
      return item ? !board.isOnServer(item.id) : false
    })
    return unsent.length > 0 ? new Set(unsent.map((idea) => idea.id)) : NO_IDS
  }, [board, allIdeas, status.unsaved, status.confirmations, selfKey])
  // Hidden and deleted notes leave the board document (every reader syncs it) for one only
  // the facilitator and the organiser may read; the panel and the dimmed notes come from it.
  const mayFacilitate = mayRun(holder, 'board.facilitate', groupId)
  const withheld = useDoc(mayFacilitate ? withheldDocName(eventId, groupId) : null, token)
  const withheldIdeas = useSnapshot(withheld?.doc ?? null, readIdeas, NO_IDEAS)
  const visibleIdeas = useMemo(() => {
    const onBoard = ideas.visible(allIdeas, { includeHidden: facilitates })
    if (!facilitates) return onBoard
    const here = new Set(onBoard.map((idea) => idea.id))
    const hidden = ideas.visible(withheldIdeas, { includeHidden: true })
    return [...onBoard, ...hidden.filter((idea) => !here.has(idea.id))]
  }, [allIdeas, withheldIdeas, facilitates])
  const deletedIdeas = useMemo(() => {
    if (!facilitates) return NO_IDEAS
    const moved = new Set(withheldIdeas.map((idea) => idea.id))
    return ideas.deleted([...withheldIdeas, ...allIdeas.filter((idea) => !moved.has(idea.id))])
  }, [allIdeas, withheldIdeas, facilitates])
  const commands = useMemo(() => (board ? ideaCommands(board.doc, actor) : null), [board, actor])
  const clusterWrites = useMemo(
    () => (board ? clusterCommands(board.doc, actor) : null),
    [board, actor],
  )

  const everSynced = useRef(false)
  everSynced.current ||= status.synced
  const eventSynced = useRef(false)
  eventSynced.current ||= eventStatus.synced

  return {
    event,
    group,
    groupState,
    messages,
    actor,
    /** Author key → the name shown, for notes not one's own. */
    authorNames,
    board,
    present,
    status,
    summary,
    terminal,
    access,
    facilitates,
    /** A participant of this group: votes when voting is open. */
    votes,
    allIdeas,
    visibleIdeas,
    /** Ids of this person's notes that have not reached the server yet. */
    unsentIds,
    deletedIdeas,
    clusters,
    commands,
    clusterWrites,
    /** The board has come from the server at least once (new notes are then news). */
    boardReady: everSynced.current,
    eventReady: eventSynced.current,
    loading: !status.loadedLocal && !status.synced && !terminal,
  }
}

export type BoardModel = ReturnType<typeof useBoardModel>
