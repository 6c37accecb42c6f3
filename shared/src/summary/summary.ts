import type { ActionView } from '../followUp/actionViews.js'
import { FOLLOW_UP_STATUSES, type FollowUpStatus } from '../followUp/reports.js'
import { coversAction, coversEvent, eventDay, type SummaryFilter } from './filters.js'

/**
 * A summary (kooste) of agreed actions per municipality group: what the county compiles after
 * each round of negotiations, and what the next round follows up. Plain data built from the
 * index's action views; the organiser's page, the CSV, the XLSX and the report all draw it.
 */

export interface SummaryEvent {
  id: string
  title: string
  startsAt: string
  /** The minutes' checking (null: never indexed, as a draft). */
  minutes: { state: 'draft' | 'locked'; version: number } | null
}

export interface MunicipalityGroupInfo {
  id: string
  name: string
  municipalities: Array<{ id: string; name: string }>
}

/** How many actions stand where; `notReported`: nobody has reported on them yet. */
export type StatusCounts = Record<FollowUpStatus | 'notReported', number> & { actions: number }

export interface SummaryGroup {
  /** Null for the events that belong to no group. */
  municipalityGroup: { id: string; name: string; municipalities: string[] } | null
  /** Every event of the group held in the range, oldest first (with or without actions). */
  events: SummaryEvent[]
  /** The actions that pass the filter, by event, § and position. */
  actions: ActionView[]
  counts: StatusCounts
}

export interface Summary {
  filter: SummaryFilter
  generatedAt: number
  /** Themes and responsible organisations of the range (before those filters), for choosing. */
  themes: string[]
  organisations: Array<{ id: string; name: string }>
  groups: SummaryGroup[]
  counts: StatusCounts
}

export interface SummaryInput {
  views: ActionView[]
  events: Array<SummaryEvent & { municipalityGroupId: string | null }>
  municipalityGroups: MunicipalityGroupInfo[]
  filter: SummaryFilter
  generatedAt: number
}

export function countStatuses(actions: ActionView[]): StatusCounts {
  const counts = { actions: actions.length, notReported: 0 } as StatusCounts
  for (const status of FOLLOW_UP_STATUSES) counts[status] = 0
  for (const action of actions) counts[action.status ?? 'notReported']++
  return counts
}

const byStart = (a: SummaryEvent, b: SummaryEvent) =>
  eventDay(a.startsAt).localeCompare(eventDay(b.startsAt)) || a.id.localeCompare(b.id)

export function buildSummary(input: SummaryInput): Summary {
  const { filter } = input
  const inRange = input.views.filter((v) =>
    coversAction(
      { from: filter.from, to: filter.to, municipalityGroupId: filter.municipalityGroupId },
      v,
    ),
  )
  const chosen = inRange.filter((v) => coversAction(filter, v))
  const events = input.events.filter((e) => coversEvent(filter, e)).sort(byStart)
  const groups: SummaryGroup[] = []
  const wanted = filter.municipalityGroupId
  const named = [...input.municipalityGroups].sort((a, b) => a.name.localeCompare(b.name, 'fi'))
  for (const group of named) {
    if (wanted !== undefined && wanted !== group.id) continue
    const actions = chosen.filter((v) => v.event.municipalityGroupId === group.id)
    groups.push({
      municipalityGroup: {
        id: group.id,
        name: group.name,
        municipalities: group.municipalities.map((m) => m.name),
      },
      events: events.filter((e) => e.municipalityGroupId === group.id).map(stripGroup),
      actions,
      counts: countStatuses(actions),
    })
  }
  const ungrouped = events.filter((e) => e.municipalityGroupId === null)
  if ((wanted === undefined && ungrouped.length > 0) || wanted === 'none') {
    const actions = chosen.filter((v) => v.event.municipalityGroupId === null)
    groups.push({
      municipalityGroup: null,
      events: ungrouped.map(stripGroup),
      actions,
      counts: countStatuses(actions),
    })
  }
  const organisations = new Map<string, string>()
  for (const view of inRange)
    for (const party of view.responsible)
      if (party.organisationId && party.organisation)
        organisations.set(party.organisationId, party.organisation)
  return {
    filter,
    generatedAt: input.generatedAt,
    themes: [...new Set(inRange.map((v) => v.theme))].sort((a, b) => a.localeCompare(b, 'fi')),
    organisations: [...organisations]
      .map(([id, name]) => ({ id, name }))
      .sort((a, b) => a.name.localeCompare(b.name, 'fi')),
    groups,
    counts: countStatuses(groups.flatMap((g) => g.actions)),
  }
}

function stripGroup(event: SummaryEvent & { municipalityGroupId: string | null }): SummaryEvent {
  const { municipalityGroupId: _group, ...rest } = event
  return rest
}
