import { boardDocName, proposalDocName } from '@hytepaja/shared/doc/names'
import { type Idea, readIdeas } from '@hytepaja/shared/doc/schema/board'
import {
  INITIAL_GROUP_STATE,
  readAgenda,
  readGroupState,
  readPromotions,
} from '@hytepaja/shared/doc/schema/event'
import {
  PROPOSAL_MAIN,
  type ProposalFields,
  readProposal,
} from '@hytepaja/shared/doc/schema/proposal'
import { labelOf } from '@hytepaja/shared/domain/agenda'
import * as ideas from '@hytepaja/shared/domain/ideas'
import { docAccess, mayRun } from '@hytepaja/shared/domain/permissions'
import type { Actor } from '@hytepaja/shared/domain/roles'
import { useEffect, useMemo } from 'react'
import { useIntl } from 'react-intl'
import type { Session } from '../../api/endpoints'
import type { Credential } from '../../sync/credentials'
import { useDoc, useSnapshot } from '../../sync/hooks'
import { presenceColor, showPresence } from '../../sync/presence'
import { boardActor } from '../board/actor'
import { roleName } from '../session/roleLabels'
import { useEventDoc } from '../session/useEventDoc'

const EMPTY_FIELDS: ProposalFields = { title: '', actions: [] }
const NO_IDEAS: Idea[] = []

function readPlacement(doc: import('yjs').Doc, groupId: string) {
  const agenda = readAgenda(doc)
  const promotion = readPromotions(doc).find((p) => p.groupId === groupId) ?? null
  const item = agenda.find((i) => i.groupId === groupId) ?? null
  const itemId = promotion?.agendaItemId ?? item?.id ?? null
  return { promotion, label: itemId ? labelOf(agenda, itemId) : null }
}

/**
 * Everything the proposal view shows and who may do what, from four documents: the event
 * (readiness, promotions, agenda), the proposal's fields, and the group's board (its ideas).
 * The rich texts are opened by their editors.
 */
export function useProposal(
  eventId: string,
  groupId: string,
  token: string,
  credential: Credential,
  session: Session | null,
) {
  const intl = useIntl()
  const event = useEventDoc(eventId, token, session?.event ?? null)
  const eventDoc = event.synced?.doc ?? null
  const groupState = useSnapshot(
    eventDoc,
    (doc) => readGroupState(doc, groupId),
    INITIAL_GROUP_STATE,
  )
  const placement = useSnapshot(eventDoc, (doc) => readPlacement(doc, groupId), {
    promotion: null,
    label: null,
  })
  const group = event.groups.find((g) => g.id === groupId) ?? null
  const facilitators = group?.facilitators.join('\n') ?? ''
  const actor: Actor = useMemo(
    () =>
      boardActor(credential, {
        facilitators: facilitators ? facilitators.split('\n') : [],
        roleName: (role) => intl.formatMessage(roleName(role)),
      }),
    [credential, facilitators, intl],
  )

  const main = useDoc(proposalDocName(eventId, groupId, PROPOSAL_MAIN), token, { presence: true })
  const { id, name, role } = actor
  useEffect(() => {
    if (!main) return
    return showPresence(main.awareness, { id, name, role, color: presenceColor(id) })
  }, [main, id, name, role])
  const fields = useSnapshot(main?.doc ?? null, readProposal, EMPTY_FIELDS)

  const board = useDoc(boardDocName(eventId, groupId), token)
  const allIdeas = useSnapshot(board?.doc ?? null, readIdeas, NO_IDEAS)
  const visibleIdeas = useMemo(() => ideas.visible(allIdeas), [allIdeas])

  const holder = { eventId, role: credential.role, groupId: credential.groupId }
  const canWrite =
    docAccess(
      holder,
      { kind: 'proposal', eventId, groupId, part: PROPOSAL_MAIN },
      { boardLocked: false, proposalFrozen: groupState.proposalReady },
    ) === 'write'
  const ownGroup =
    credential.role === 'organiser' ||
    ((credential.role === 'participant' || credential.role === 'facilitator') &&
      credential.groupId === groupId)

  return {
    event,
    group,
    groupState,
    placement,
    actor,
    main,
    fields,
    board,
    ideas: visibleIdeas,
    canWrite,
    /** A group member whose writing is paused because the facilitator marked it ready. */
    frozen: ownGroup && !canWrite && groupState.proposalReady,
    ownGroup,
    canFacilitate: mayRun(holder, 'proposal.facilitate', groupId),
  }
}

export type ProposalState = ReturnType<typeof useProposal>
