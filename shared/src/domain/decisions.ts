import type * as Y from 'yjs'
import { server } from '../doc/origins.js'
import {
  type AmendedAction,
  type AmendedProposal,
  type Decision,
  decisionsRoot,
  OUTCOMES,
  type Outcome,
  readDecisionRecord,
} from '../doc/plenary.js'
import { AGE_GROUPS, type AgeGroup } from '../doc/schema/board.js'
import { type AgendaItem, type PromotionVersion, readPromotions } from '../doc/schema/event.js'
import { cleanText } from '../validation/text.js'
import { ConflictError, DomainError } from './errors.js'
import { requireDraft } from './minutesCheck.js'
import { findItem } from './plenary.js'
import {
  diffVersions,
  MAX_FIELD,
  MAX_RESPONSIBLE,
  MAX_RESPONSIBLE_LENGTH,
  MAX_TITLE,
  type VersionDiff,
} from './proposals.js'

/**
 * Decisions of the plenary: for each decision item and each §9 sub-item with a promoted
 * proposal, as proposed, amended (an edited copy of the promoted proposal, kept beside it),
 * rejected or tabled. Each recording names the promoted version it was taken on; a later
 * recording is a correction and the earlier ones are kept.
 */

/** As long as a promoted rich text may be (`MAX_RICH_TEXT_CHARS`). */
export const MAX_AMENDED_TEXT = 5000
export const MAX_NOTE = 1000

/** What a decision is taken on: the item, and the promoted proposal if it has one. */
export interface DecisionSubject {
  item: AgendaItem
  /** The latest promoted version of the item's proposal; null for an item with no proposal. */
  version: PromotionVersion | null
}

/**
 * The item a decision may be taken on: one with a promoted proposal (§9 a, b, c), or a
 * decision item that receives no group's proposal. Throws 404 for an unknown item and 409
 * for an item that takes no decision (yet).
 */
export function subjectOf(doc: Y.Doc, itemId: string): DecisionSubject {
  const item = findItem(doc, itemId)
  const promotion = readPromotions(doc).find(
    (p) => p.agendaItemId === itemId && p.withdrawnAt === null,
  )
  const version = promotion?.versions.at(-1) ?? null
  if (version) return { item, version }
  if (item.groupId !== null) {
    throw new ConflictError('decision.noProposal', 'the group has not promoted a proposal here')
  }
  if (item.kind !== 'decision') {
    throw new ConflictError('decision.notDecisionItem', 'this agenda item takes no decision')
  }
  return { item, version: null }
}

export function canDecide(doc: Y.Doc, itemId: string): boolean {
  try {
    subjectOf(doc, itemId)
    return true
  } catch {
    return false
  }
}

export interface AmendedActionInput {
  id: string
  what: string
  responsible?: string[]
  timeline?: string
  indicator?: string
  target?: string
  ageGroups?: AgeGroup[]
}

export interface AmendedInput {
  title: string
  body: string
  actions: AmendedActionInput[]
}

export interface DecisionInput {
  outcome: Outcome
  note?: string | null
  /** The promoted version shown when the meeting decided; required for an item with one. */
  promotionVersion?: number | null
  /** Required for `amended`, refused otherwise. */
  amended?: AmendedInput | null
}

/** The copy of a promoted version the secretary starts editing from. */
export function amendableCopy(version: PromotionVersion): AmendedInput {
  return {
    title: version.title,
    body: version.body.text,
    actions: version.actions.map((a) => ({
      id: a.id,
      what: a.what.text,
      responsible: [...a.responsible],
      timeline: a.timeline,
      indicator: a.indicator,
      target: a.target,
      ageGroups: [...a.ageGroups],
    })),
  }
}

function cleanAmendedAction(
  input: AmendedActionInput,
  promoted: PromotionVersion['actions'][number],
): AmendedAction {
  const field = (value: string | undefined, fallback: string, name: string) =>
    cleanText(value ?? fallback, `decision.amended.action.${name}`, MAX_FIELD, {
      allowEmpty: true,
    })
  const responsible = input.responsible ?? promoted.responsible
  if (!Array.isArray(responsible) || responsible.length > MAX_RESPONSIBLE)
    throw new DomainError('decision.amended.action.responsible.tooMany', 'too many parties')
  const ageGroups = input.ageGroups ?? promoted.ageGroups
  if (!Array.isArray(ageGroups) || !ageGroups.every((g) => AGE_GROUPS.includes(g)))
    throw new DomainError('decision.amended.action.ageGroups.invalid', 'unknown age group')
  return {
    id: promoted.id,
    what: cleanText(input.what, 'decision.amended.action.what', MAX_AMENDED_TEXT, {
      allowEmpty: true,
    }),
    responsible: [
      ...new Set(
        responsible.map((party) =>
          cleanText(party, 'decision.amended.action.responsible', MAX_RESPONSIBLE_LENGTH),
        ),
      ),
    ],
    timeline: field(input.timeline, promoted.timeline, 'timeline'),
    indicator: field(input.indicator, promoted.indicator, 'indicator'),
    target: field(input.target, promoted.target, 'target'),
    ageGroups: AGE_GROUPS.filter((g) => ageGroups.includes(g)),
  }
}

/**
 * The edited copy, checked: a title and a text are required, actions are the promoted ones
 * (edited, in their promoted order), and those left out are recorded as dropped.
 */
export function cleanAmended(
  input: AmendedInput,
  version: PromotionVersion | null,
): AmendedProposal {
  const title = cleanText(input.title, 'decision.amended.title', MAX_TITLE)
  const body = cleanText(input.body, 'decision.amended.body', MAX_AMENDED_TEXT)
  if (!Array.isArray(input.actions))
    throw new DomainError('decision.amended.actions.type', 'actions must be a list')
  const promoted = version?.actions ?? []
  const ids = input.actions.map((a) => a?.id)
  if (new Set(ids).size !== ids.length)
    throw new DomainError('decision.amended.action.duplicate', 'an action is listed twice')
  for (const id of ids) {
    if (!promoted.some((p) => p.id === id))
      throw new DomainError(
        'decision.amended.action.unknown',
        'an amended action must be one of the promoted actions',
      )
  }
  const actions = promoted.flatMap((p) => {
    const edited = input.actions.find((a) => a.id === p.id)
    return edited ? [cleanAmendedAction(edited, p)] : []
  })
  return {
    title,
    body,
    actions,
    droppedActionIds: promoted.filter((p) => !ids.includes(p.id)).map((p) => p.id),
  }
}

function checkVersion(subject: DecisionSubject, given: number | null | undefined): number | null {
  if (!subject.version) {
    if (given != null)
      throw new DomainError('decision.promotionVersion.none', 'this item has no promoted proposal')
    return null
  }
  if (given == null)
    throw new DomainError(
      'decision.promotionVersion.missing',
      'name the promoted version the decision was taken on',
    )
  if (given !== subject.version.version) {
    throw new ConflictError(
      'decision.staleVersion',
      `version ${subject.version.version} of the proposal has been promoted since; decide on it`,
    )
  }
  return given
}

/** Records the meeting's decision on an item, or corrects the one recorded before. */
export function record(
  doc: Y.Doc,
  itemId: string,
  input: DecisionInput,
  now: number,
  by: string,
): Decision {
  requireDraft(doc)
  const subject = subjectOf(doc, itemId)
  if (!OUTCOMES.includes(input.outcome))
    throw new DomainError('decision.outcome.invalid', 'unknown outcome')
  const promotionVersion = checkVersion(subject, input.promotionVersion)
  if (input.outcome !== 'amended' && input.amended != null)
    throw new DomainError('decision.amended.unexpected', 'only an amended decision has a copy')
  if (input.outcome === 'amended' && input.amended == null)
    throw new DomainError('decision.amended.missing', 'write the amended proposal')
  const amended = input.amended ? cleanAmended(input.amended, subject.version) : null
  const note =
    input.note == null
      ? null
      : cleanText(input.note, 'decision.note', MAX_NOTE, { allowEmpty: true }) || null
  const history = readDecisionRecord(doc, itemId)?.history ?? []
  const decision: Decision = {
    itemId,
    outcome: input.outcome,
    note,
    promotionVersion,
    amended,
    revision: history.length + 1,
    at: now,
    by,
  }
  doc.transact(
    () => decisionsRoot(doc).set(itemId, { itemId, history: [...history, decision] }),
    server(history.length === 0 ? 'decision.record' : 'decision.correct'),
  )
  return decision
}

/** Every recording of an item's decision, oldest first (empty when none). */
export function history(doc: Y.Doc, itemId: string): Decision[] {
  findItem(doc, itemId)
  return readDecisionRecord(doc, itemId)?.history ?? []
}

/** The promoted version a decision was taken on, when the item had one. */
export function versionOf(doc: Y.Doc, decision: Decision): PromotionVersion | null {
  if (decision.promotionVersion === null) return null
  const promotion = readPromotions(doc).find((p) => p.agendaItemId === decision.itemId)
  return promotion?.versions.find((v) => v.version === decision.promotionVersion) ?? null
}

/** What the meeting changed in the promoted proposal, word by word (dropped actions removed). */
export function diffDecision(promoted: PromotionVersion, amended: AmendedProposal): VersionDiff {
  return diffVersions(promoted, {
    title: amended.title,
    body: { text: amended.body },
    actions: amended.actions.map((a) => ({ ...a, what: { text: a.what } })),
  })
}
