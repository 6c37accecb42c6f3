import * as Y from 'yjs'
import { AGE_GROUPS, type AgeGroup } from './board.js'
import { numberField } from './fieldReaders.js'

/**
 * The shape of a group's proposal documents (`proposal:{eventId}:{groupId}:…`): the structured
 * fields and actions; the rich texts are Lexical documents of their own.
 */

// ---------------------------------------------------------------- proposal:{eventId}:{groupId}:main
// The structured fields of a group's decision proposal. Text fields are Y.Text so that two
// people typing in one field merge character by character. The rich texts (the body and each
// action's "what is done") live in their own documents, one per Lexical editor:
// proposal:{eventId}:{groupId}:body and proposal:{eventId}:{groupId}:action-{actionId}.

export const PROPOSAL_MAIN = 'main'
export const PROPOSAL_BODY = 'body'
export const MAX_ACTIONS = 3

export function actionPart(actionId: string): string {
  return `action-${actionId}`
}

export interface ProposalAction {
  id: string
  order: number
  /** Responsible parties (vastuutahot): organisations, picked or typed. */
  responsible: string[]
  timeline: string
  indicator: string
  target: string
  ageGroups: AgeGroup[]
  /** Board ideas the action grew from. */
  ideaIds: string[]
  createdAt: number
}

export interface ProposalFields {
  title: string
  actions: ProposalAction[]
}

const PROPOSAL = 'proposal'
const ACTIONS = 'actions'
const PROPOSAL_TITLE = 'proposalTitle'

/** Every root of a proposal's `main` document (the rich texts have only Lexical's `root`). */
export const PROPOSAL_MAIN_ROOTS: readonly string[] = [PROPOSAL, PROPOSAL_TITLE, ACTIONS]

export const ACTION_TEXT_FIELDS = ['timeline', 'indicator', 'target'] as const
export type ActionTextField = (typeof ACTION_TEXT_FIELDS)[number]

export function proposalRoot(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(PROPOSAL)
}

/** The title as a Y.Text, created on first use. */
export function proposalTitle(doc: Y.Doc): Y.Text {
  return doc.getText(PROPOSAL_TITLE)
}

export function actionsRoot(doc: Y.Doc): Y.Map<Y.Map<unknown>> {
  return doc.getMap<Y.Map<unknown>>(ACTIONS)
}

export function createActionMap(action: ProposalAction): Y.Map<unknown> {
  const map = new Y.Map<unknown>()
  map.set('order', action.order)
  map.set('createdAt', action.createdAt)
  map.set('ageGroups', action.ageGroups)
  for (const field of ACTION_TEXT_FIELDS) map.set(field, new Y.Text(action[field]))
  const responsible = new Y.Array<string>()
  responsible.push(action.responsible)
  map.set('responsible', responsible)
  const ideaIds = new Y.Array<string>()
  ideaIds.push(action.ideaIds)
  map.set('ideaIds', ideaIds)
  return map
}

function textOf(map: Y.Map<unknown>, key: string): string {
  const value = map.get(key)
  return value instanceof Y.Text ? value.toString() : typeof value === 'string' ? value : ''
}

function listOf(map: Y.Map<unknown>, key: string): string[] {
  const value = map.get(key)
  const list = value instanceof Y.Array ? value.toArray() : Array.isArray(value) ? value : []
  return list.filter((v): v is string => typeof v === 'string')
}

export function readAction(id: string, map: Y.Map<unknown>): ProposalAction {
  const ageGroups = map.get('ageGroups')
  return {
    id,
    order: numberField(map, 'order'),
    responsible: listOf(map, 'responsible'),
    timeline: textOf(map, 'timeline'),
    indicator: textOf(map, 'indicator'),
    target: textOf(map, 'target'),
    ageGroups: Array.isArray(ageGroups)
      ? ageGroups.filter((a): a is AgeGroup => (AGE_GROUPS as readonly unknown[]).includes(a))
      : [],
    ideaIds: listOf(map, 'ideaIds'),
    createdAt: numberField(map, 'createdAt'),
  }
}

export function readProposal(doc: Y.Doc): ProposalFields {
  const actions: ProposalAction[] = []
  actionsRoot(doc).forEach((map, id) => {
    if (map instanceof Y.Map) actions.push(readAction(id, map))
  })
  actions.sort((a, b) => a.order - b.order || a.createdAt - b.createdAt || a.id.localeCompare(b.id))
  return { title: proposalTitle(doc).toString(), actions }
}
