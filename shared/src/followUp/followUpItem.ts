import type * as Y from 'yjs'
import { type FollowUpItem, readFollowUpItem, writeFollowUpItem } from '../doc/followUpItem.js'
import { server } from '../doc/origins.js'
import {
  type AgendaItem,
  agendaRoot,
  type Language,
  readAgenda,
  readMeta,
} from '../doc/schema/event.js'
import * as agenda from '../domain/agenda.js'
import { byOrder } from '../domain/agendaNumbers.js'
import { minutesOfDay } from '../domain/agendaTimes.js'
import { requireDraft } from '../domain/minutesCheck.js'
import type { ActionView } from './actionViews.js'
import { type FollowUpStatus, isOpen } from './reports.js'

/**
 * Next year's negotiation (or a partnership group's next meeting) follows up what the earlier
 * meetings of its municipality group or series agreed: an item in the shared situational
 * picture (§5–§8 of the template) lists their open actions with where each stands. The
 * organiser accepts the offer or leaves it out; the presenter view and the group boards show
 * the actions the item lists.
 */

/** How many actions one item lists at most: the newest meetings' first. */
export const MAX_FOLLOW_UP_ACTIONS = 100

export const FOLLOW_UP_TITLES: Record<Language, string> = {
  fi: 'Aiemmin sovittujen toimenpiteiden seuranta',
  sv: 'Uppföljning av tidigare överenskomna åtgärder',
  en: 'Follow-up of the actions agreed earlier',
}

/**
 * Where the item goes among the top-level items: right after the first talk of the shared
 * situational picture (the county's review), so the talks that follow and the workshop build
 * on it; before the workshop when there are no talks, else before the decisions, else last.
 */
export function followUpIndex(items: AgendaItem[]): number {
  const top = items.filter((i) => i.parentId === null).sort(byOrder)
  const workshop = top.findIndex((i) => i.kind === 'workshop')
  const beforeWorkshop = workshop === -1 ? top : top.slice(0, workshop)
  const firstTalk = beforeWorkshop.findIndex((i) => i.kind === 'talk')
  if (firstTalk !== -1) return firstTalk + 1
  if (workshop !== -1) return workshop
  const decision = top.findIndex((i) => i.kind === 'decision')
  return decision === -1 ? top.length : decision
}

/** The item as it stands: accepted, and its agenda item still on the agenda. */
export function standingItem(doc: Y.Doc): FollowUpItem | null {
  const item = readFollowUpItem(doc)
  if (!item || item.declinedAt !== null) return null
  return agendaRoot(doc).has(item.agendaItemId) ? item : null
}

/** Whether the organiser left the follow-up out of this event (not offered again). */
export function wasLeftOut(doc: Y.Doc): boolean {
  const item = readFollowUpItem(doc)
  return item !== null && item.declinedAt !== null
}

export interface AcceptInput {
  actionIds: string[]
  sourceEventIds: string[]
  now: number
}

/**
 * Puts the follow-up item on the agenda (or, when it is there already, lists the actions
 * again as they now stand). Answers its agenda item's id and whether it was made now.
 */
export function accept(doc: Y.Doc, input: AcceptInput): { agendaItemId: string; made: boolean } {
  requireDraft(doc)
  const standing = standingItem(doc)
  let agendaItemId = standing?.agendaItemId
  const language: Language = readMeta(doc)?.language ?? 'fi'
  doc.transact(() => {
    if (!agendaItemId)
      agendaItemId = agenda.add(doc, {
        title: FOLLOW_UP_TITLES[language],
        // The title in the other language of the minutes (never the event's own).
        ...(language === 'fi' ? {} : { titleFi: FOLLOW_UP_TITLES.fi }),
        ...(language === 'sv' ? {} : { titleSv: FOLLOW_UP_TITLES.sv }),
        kind: 'talk',
        index: followUpIndex(readAgenda(doc)),
      })
    writeFollowUpItem(doc, {
      agendaItemId,
      actionIds: input.actionIds.slice(0, MAX_FOLLOW_UP_ACTIONS),
      sourceEventIds: input.sourceEventIds,
      acceptedAt: standing?.acceptedAt ?? input.now,
      declinedAt: null,
    })
  }, server('followUpItem.accept'))
  return { agendaItemId: agendaItemId as string, made: !standing }
}

/** Leaves the follow-up out: its agenda item goes (the rest renumber) and it is not offered. */
export function leaveOut(doc: Y.Doc, now: number): void {
  requireDraft(doc)
  const standing = standingItem(doc)
  doc.transact(() => {
    if (standing) agenda.remove(doc, standing.agendaItemId)
    writeFollowUpItem(doc, {
      agendaItemId: standing?.agendaItemId ?? '',
      actionIds: [],
      sourceEventIds: [],
      acceptedAt: standing?.acceptedAt ?? now,
      declinedAt: now,
    })
  }, server('followUpItem.leaveOut'))
}

// Made at the first sort, not at import (a collator reads its locale's data as it is made).
let labelCollator: Intl.Collator | null = null
const labelOrder = () => (labelCollator ??= new Intl.Collator('fi', { numeric: true }))

/**
 * The earlier meetings' actions that are still open (nobody reported, not started or in
 * progress), newest meeting first, then by § and position.
 */
export function openActionsOf(views: ActionView[], sourceEventIds: Set<string>): ActionView[] {
  return views
    .filter((v) => sourceEventIds.has(v.event.id) && isOpen(v.status))
    .sort(
      (a, b) =>
        b.event.startsAt.localeCompare(a.event.startsAt) ||
        a.event.id.localeCompare(b.event.id) ||
        labelOrder().compare(a.label ?? '', b.label ?? '') ||
        a.position - b.position,
    )
}

/**
 * What everyone at the new meeting (participants, the presenter view) may read of an earlier
 * action: what the minutes say (the amended version where amended) and where it stands, per
 * responsible organisation, with the indicator's latest measured value. Not the reports'
 * texts or who wrote them: those are the organisations' own, not the minutes'.
 */
export interface FollowUpItemAction {
  id: string
  label: string | null
  theme: string
  outcome: ActionView['outcome']
  what: string
  timeline: string
  indicator: string
  target: string
  ageGroups: ActionView['ageGroups']
  minutesState: 'draft' | 'locked'
  event: { id: string; title: string; startsAt: string }
  responsible: Array<{ name: string; status: FollowUpStatus | null }>
  status: FollowUpStatus | null
  measured: { value: string; on: string | null } | null
}

export function followUpItemAction(view: ActionView): FollowUpItemAction {
  const measured = view.responsible
    .map((p) => p.lastReport)
    .concat(view.lastReport)
    .filter((r) => r?.measuredValue)
    .sort((a, b) => (b?.at ?? 0) - (a?.at ?? 0))[0]
  return {
    id: view.id,
    label: view.label,
    theme: view.theme,
    outcome: view.outcome,
    what: view.what,
    timeline: view.timeline,
    indicator: view.indicator,
    target: view.target,
    ageGroups: view.ageGroups,
    minutesState: view.minutes.state,
    event: { id: view.event.id, title: view.event.title, startsAt: view.event.startsAt },
    // The names as the minutes print them (organisations, never people).
    responsible: view.responsible.map((p) => ({ name: p.name, status: p.status })),
    status: view.status,
    measured: measured?.measuredValue
      ? { value: measured.measuredValue, on: measured.measuredOn }
      : null,
  }
}

const DAY_MINUTES = 24 * 60

/**
 * Until when the reports count that the minutes print under the follow-up item: what the
 * responsible organisations had reported when the meeting ended (its end, else the end of its
 * day on Finnish clocks), or now while it is still going on. Reports made after the meeting
 * belong to the next one.
 */
export function followUpReportsUntil(
  meeting: { startsAt: string; endsAt: string | null },
  now: number,
): number {
  const end = meeting.endsAt ? Date.parse(meeting.endsAt) : Number.NaN
  if (!Number.isNaN(end)) return Math.min(now, end)
  const start = Date.parse(meeting.startsAt)
  const startMinute = minutesOfDay(meeting.startsAt)
  if (Number.isNaN(start) || startMinute === null) return now
  return Math.min(now, start + (DAY_MINUTES - startMinute) * 60_000 - 1)
}
