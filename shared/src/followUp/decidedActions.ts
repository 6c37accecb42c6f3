import type * as Y from 'yjs'
import { type Outcome, readDecision, readMinutesCheck } from '../doc/plenary.js'
import type { AgeGroup } from '../doc/schema/board.js'
import { readAgenda, readGroups, readPromotions } from '../doc/schema/event.js'
import { numbered } from '../domain/agenda.js'

/**
 * The actions a negotiation agreed on, read from its event document: what the follow-up works
 * from. An item decided as proposed gives the promoted version's actions; an amended one its
 * amended actions (those the meeting dropped are gone); a rejected or tabled item gives none.
 * The standing decision counts, so a correction in the meeting changes what is listed.
 */

/** A decision that agreed on actions. */
export const AGREEING_OUTCOMES: readonly Outcome[] = ['asProposed', 'amended']

export interface DecidedActionEntry {
  /** The decision sub-item (§9 a) and the promoted action's id: the action's key in an event. */
  itemId: string
  actionId: string
  /** Its place among the item's actions (0, 1, 2). */
  position: number
  /** "§9 a" as the agenda is numbered now; null when the item has no number. */
  label: string | null
  /** The workshop group (theme) whose proposal it was, as named now; the item's title if none. */
  theme: string
  groupId: string | null
  outcome: Outcome
  /** The decision's recording (1, then 2 for its first correction …). */
  revision: number
  decidedAt: number
  what: string
  /** The responsible parties as written in the proposal or the amendment. */
  responsible: string[]
  timeline: string
  indicator: string
  target: string
  ageGroups: AgeGroup[]
}

/** Whether the minutes these actions come from are checked (`locked`) or a `draft`. */
export interface DecidedActions {
  minutes: { state: 'draft' | 'locked'; version: number }
  actions: DecidedActionEntry[]
}

export function decidedActions(doc: Y.Doc): DecidedActions {
  const check = readMinutesCheck(doc)
  const groups = new Map(readGroups(doc).map((g) => [g.id, g.name]))
  const promotions = readPromotions(doc)
  const actions: DecidedActionEntry[] = []
  for (const { item, label } of numbered(readAgenda(doc))) {
    const decision = readDecision(doc, item.id)
    if (!decision || !AGREEING_OUTCOMES.includes(decision.outcome)) continue
    const version = promotions
      .find((p) => p.agendaItemId === item.id)
      ?.versions.find((v) => v.version === decision.promotionVersion)
    if (!version) continue
    const agreed =
      decision.outcome === 'amended' && decision.amended
        ? decision.amended.actions
        : // A promoted rich text ends its last paragraph with a line break: not part of the text.
          version.actions.map((a) => ({ ...a, what: a.what.text.trim() }))
    const theme = (item.groupId && groups.get(item.groupId)) || item.title
    agreed.forEach((action, position) => {
      actions.push({
        itemId: item.id,
        actionId: action.id,
        position,
        label,
        theme,
        groupId: item.groupId,
        outcome: decision.outcome,
        revision: decision.revision,
        decidedAt: decision.at,
        what: action.what,
        responsible: [...action.responsible],
        timeline: action.timeline,
        indicator: action.indicator,
        target: action.target,
        ageGroups: [...action.ageGroups],
      })
    })
  }
  return { minutes: { state: check.state, version: check.version }, actions }
}
