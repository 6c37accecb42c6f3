import type * as Y from 'yjs'
import { local, server } from '../doc/origins.js'
import { readCurrentItem, readDecision } from '../doc/plenary.js'
import { AGE_GROUPS, type AgeGroup } from '../doc/schema/board.js'
import {
  type PromotedAction,
  type Promotion,
  type PromotionVersion,
  promotionsRoot,
} from '../doc/schema/event.js'
import {
  ACTION_TEXT_FIELDS,
  type ActionTextField,
  actionsRoot,
  createActionMap,
  MAX_ACTIONS,
  type ProposalAction,
  type ProposalFields,
  proposalTitle,
  readProposal,
} from '../doc/schema/proposal.js'
import { newId } from '../ids.js'
import { cleanText } from '../validation/text.js'
import { ConflictError, DomainError } from './errors.js'
import { requireDraft } from './minutesCheck.js'
import type { Actor } from './roles.js'
import { type DiffPart, diffWords, hasChanges } from './textDiff.js'

export const MAX_TITLE = 200
export const MAX_FIELD = 500
export const MAX_RESPONSIBLE = 12

/**
 * Makes `text` equal `value` with the smallest edit (common prefix and suffix kept), so that a
 * field bound to a plain input merges with what others type at the same time.
 */
export function setText(text: Y.Text, value: string): void {
  const current = text.toString()
  if (current === value) return
  let start = 0
  while (start < current.length && start < value.length && current[start] === value[start]) start++
  let end = 0
  while (
    end < current.length - start &&
    end < value.length - start &&
    current[current.length - 1 - end] === value[value.length - 1 - end]
  ) {
    end++
  }
  text.delete(start, current.length - start - end)
  text.insert(start, value.slice(start, value.length - end))
}

function checkLength(value: string, max: number, field: string): string {
  if (typeof value !== 'string') throw new DomainError(`${field}.type`, `${field} must be text`)
  if ([...value].length > max)
    throw new DomainError(`${field}.tooLong`, `${field} is longer than ${max} characters`)
  return value
}

export function editTitle(doc: Y.Doc, value: string, actor: Actor): void {
  const clean = checkLength(value, MAX_TITLE, 'proposal.title')
  doc.transact(() => setText(proposalTitle(doc), clean), local(actor))
}

function actionMap(doc: Y.Doc, id: string): Y.Map<unknown> {
  const map = actionsRoot(doc).get(id)
  if (!map) throw new DomainError('action.notFound', `no action ${id}`)
  return map
}

export function editActionField(
  doc: Y.Doc,
  actionId: string,
  field: ActionTextField,
  value: string,
  actor: Actor,
): void {
  if (!ACTION_TEXT_FIELDS.includes(field))
    throw new DomainError('action.field.invalid', `unknown field ${field}`)
  const clean = checkLength(value, MAX_FIELD, `action.${field}`)
  const text = actionMap(doc, actionId).get(field) as Y.Text
  doc.transact(() => setText(text, clean), local(actor))
}

/** Adds a responsible party (vastuutaho) unless it is already listed. */
export function addResponsible(doc: Y.Doc, actionId: string, party: string, actor: Actor): void {
  const clean = checkLength(party.trim(), MAX_RESPONSIBLE_LENGTH, 'action.responsible')
  if (!clean) throw new DomainError('action.responsible.empty', 'name the responsible party')
  const list = actionMap(doc, actionId).get('responsible') as Y.Array<string>
  if (list.toArray().includes(clean)) return
  if (list.length >= MAX_RESPONSIBLE)
    throw new DomainError('action.responsible.tooMany', 'too many responsible parties')
  doc.transact(() => list.push([clean]), local(actor))
}

export function removeResponsible(doc: Y.Doc, actionId: string, party: string, actor: Actor): void {
  const list = actionMap(doc, actionId).get('responsible') as Y.Array<string>
  const index = list.toArray().indexOf(party)
  if (index >= 0) doc.transact(() => list.delete(index, 1), local(actor))
}

export function setAgeGroups(doc: Y.Doc, actionId: string, groups: AgeGroup[], actor: Actor): void {
  if (!groups.every((g) => AGE_GROUPS.includes(g)))
    throw new DomainError('action.ageGroups.invalid', 'unknown age group')
  const map = actionMap(doc, actionId)
  doc.transact(
    () =>
      map.set(
        'ageGroups',
        AGE_GROUPS.filter((g) => groups.includes(g)),
      ),
    local(actor),
  )
}

/** Links a board idea to the action it grew into ("use this idea"). */
export function linkIdea(doc: Y.Doc, actionId: string, ideaId: string, actor: Actor): void {
  const list = actionMap(doc, actionId).get('ideaIds') as Y.Array<string>
  if (!list.toArray().includes(ideaId)) doc.transact(() => list.push([ideaId]), local(actor))
}

export function unlinkIdea(doc: Y.Doc, actionId: string, ideaId: string, actor: Actor): void {
  const list = actionMap(doc, actionId).get('ideaIds') as Y.Array<string>
  const index = list.toArray().indexOf(ideaId)
  if (index >= 0) doc.transact(() => list.delete(index, 1), local(actor))
}

/**
 * Adds an action proposal: a server command (its rich-text document is created with it), and
 * never more than three.
 */
export function addAction(doc: Y.Doc, now = Date.now(), id = newId(10)): string {
  const actions = readProposal(doc).actions
  if (actions.length >= MAX_ACTIONS) {
    throw new DomainError('proposal.tooManyActions', `at most ${MAX_ACTIONS} action proposals`)
  }
  const order = Math.max(-1, ...actions.map((a) => a.order)) + 1
  const action = {
    id,
    order,
    responsible: [],
    timeline: '',
    indicator: '',
    target: '',
    ageGroups: [],
    ideaIds: [],
    createdAt: now,
  }
  doc.transact(
    () => actionsRoot(doc).set(id, createActionMap(action)),
    server('proposal.addAction'),
  )
  return id
}

export function removeAction(doc: Y.Doc, id: string): void {
  actionMap(doc, id)
  doc.transact(() => actionsRoot(doc).delete(id), server('proposal.removeAction'))
}

// ---------------------------------------------------------------- promotion onto the agenda

/** The content of a new version, as the server rendered it. */
export type PromotionContent = Omit<PromotionVersion, 'version' | 'promotedAt'>

export const MAX_RESPONSIBLE_LENGTH = 120

/**
 * The structured fields as they may be frozen onto the agenda. Live co-writing may briefly
 * push a field over its limit (two people typing at once); a promotion may not: it is refused
 * with the field's code so the group can shorten it. Control characters are refused too, and
 * links to board ideas that no longer exist (or never did) are dropped.
 */
export function promotableFields(
  fields: ProposalFields,
  ideaOnBoard: (ideaId: string) => boolean,
): Pick<PromotionContent, 'title'> & {
  actions: Array<Omit<ProposalAction, 'order' | 'createdAt'>>
} {
  if (fields.actions.length === 0)
    throw new DomainError('proposal.noActions', 'write at least one action proposal')
  if (!fields.title.trim()) throw new DomainError('proposal.noTitle', 'give the proposal a title')
  const title = cleanText(fields.title, 'proposal.title', MAX_TITLE)
  if (fields.actions.length > MAX_ACTIONS)
    throw new DomainError('proposal.tooManyActions', `at most ${MAX_ACTIONS} action proposals`)
  const actions = fields.actions.map((action) => {
    if (action.responsible.length > MAX_RESPONSIBLE)
      throw new DomainError('action.responsible.tooMany', 'too many responsible parties')
    const text = (field: ActionTextField) =>
      cleanText(action[field], `action.${field}`, MAX_FIELD, { allowEmpty: true })
    return {
      id: action.id,
      responsible: [
        ...new Set(
          action.responsible.map((party) =>
            cleanText(party, 'action.responsible', MAX_RESPONSIBLE_LENGTH),
          ),
        ),
      ],
      timeline: text('timeline'),
      indicator: text('indicator'),
      target: text('target'),
      ageGroups: action.ageGroups,
      ideaIds: [...new Set(action.ideaIds)].filter(ideaOnBoard),
    }
  })
  return { title, actions }
}

/**
 * Once the meeting has decided an item, its proposal stays as decided: the decision names the
 * promoted version it was taken on. (A decision can be corrected, not undone.)
 */
function requireUndecided(eventDoc: Y.Doc, agendaItemId: string): void {
  requireDraft(eventDoc)
  if (readDecision(eventDoc, agendaItemId)) {
    throw new ConflictError(
      'promotion.decided',
      'the meeting has decided this proposal; it can no longer be withdrawn or promoted again',
    )
  }
}

/**
 * Writes a frozen copy of a proposal as the next version of the group's promotion; a
 * withdrawn promotion comes back with the new version. Returns the version number.
 */
export function promote(
  eventDoc: Y.Doc,
  groupId: string,
  agendaItemId: string,
  content: PromotionContent,
  now: number,
): number {
  requireUndecided(eventDoc, agendaItemId)
  const current = promotionsRoot(eventDoc).get(groupId)
  const version = (current?.versions.at(-1)?.version ?? 0) + 1
  const next: Promotion = {
    groupId,
    agendaItemId,
    versions: [...(current?.versions ?? []), { ...content, version, promotedAt: now }],
    withdrawnAt: null,
  }
  eventDoc.transact(() => promotionsRoot(eventDoc).set(groupId, next), server('proposal.promote'))
  return version
}

/** A promotion can be withdrawn until the plenary starts handling its item. */
export function withdraw(eventDoc: Y.Doc, groupId: string, now: number): void {
  const current = promotionsRoot(eventDoc).get(groupId)
  if (!current || current.withdrawnAt !== null)
    throw new DomainError('promotion.none', 'nothing promoted')
  requireUndecided(eventDoc, current.agendaItemId)
  if (readCurrentItem(eventDoc) === current.agendaItemId) {
    throw new DomainError('promotion.deciding', 'the meeting is deciding this item already')
  }
  eventDoc.transact(
    () => promotionsRoot(eventDoc).set(groupId, { ...current, withdrawnAt: now }),
    server('proposal.withdraw'),
  )
}

export interface ActionDiff {
  id: string
  status: 'added' | 'removed' | 'changed' | 'same'
  what: DiffPart[]
  fields: Partial<Record<'timeline' | 'indicator' | 'target' | 'responsible', DiffPart[]>>
}

export interface VersionDiff {
  title: DiffPart[]
  body: DiffPart[]
  actions: ActionDiff[]
  changed: boolean
}

/** What a word diff compares of a proposal: a promoted version, or a decision's edited copy. */
export interface ComparableProposal {
  title: string
  body: { text: string }
  actions: Array<
    { id: string; what: { text: string } } & Pick<
      PromotedAction,
      'responsible' | 'timeline' | 'indicator' | 'target'
    >
  >
}

/** What changed from one promoted version to the next, word by word. */
export function diffVersions(before: ComparableProposal, after: ComparableProposal): VersionDiff {
  const title = diffWords(before.title, after.title)
  const body = diffWords(before.body.text, after.body.text)
  const ids = [...new Set([...before.actions.map((a) => a.id), ...after.actions.map((a) => a.id)])]
  const actions = ids.map((id): ActionDiff => {
    const a = before.actions.find((x) => x.id === id)
    const b = after.actions.find((x) => x.id === id)
    const fields: ActionDiff['fields'] = {
      timeline: diffWords(a?.timeline ?? '', b?.timeline ?? ''),
      indicator: diffWords(a?.indicator ?? '', b?.indicator ?? ''),
      target: diffWords(a?.target ?? '', b?.target ?? ''),
      responsible: diffWords((a?.responsible ?? []).join(', '), (b?.responsible ?? []).join(', ')),
    }
    const what = diffWords(a?.what.text ?? '', b?.what.text ?? '')
    const changed =
      hasChanges(what) || Object.values(fields).some((parts) => parts && hasChanges(parts))
    return {
      id,
      status: !a ? 'added' : !b ? 'removed' : changed ? 'changed' : 'same',
      what,
      fields,
    }
  })
  return {
    title,
    body,
    actions,
    changed: hasChanges(title) || hasChanges(body) || actions.some((a) => a.status !== 'same'),
  }
}
