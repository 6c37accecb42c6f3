import type { Outcome } from '@hytepaja/shared/doc/plenary'
import type { AgeGroup } from '@hytepaja/shared/doc/schema/board'
import {
  type ActionView,
  actionViews,
  type EventInfo,
  type IndexedAction,
  type IndexedParty,
  type ReportView,
  reportView,
  type StoredReport,
} from '@hytepaja/shared/followUp/actionViews'
import type { ServerContext } from '../context.js'
import {
  activeActionRows,
  type DecidedActionRow,
  findDecidedAction,
  type PartyRow,
  partyRows,
} from '../store/decidedActions.js'
import { type EventRow, listEvents } from '../store/events.js'
import { type ReportRow, reportRows } from '../store/followUp.js'
import { type RegisterSnapshot, registerSnapshot } from './register.js'

/** The index's rows as the shared views take them. */

export function indexedAction(row: DecidedActionRow): IndexedAction {
  return {
    id: row.id,
    eventId: row.event_id,
    itemId: row.item_id,
    position: Number(row.position),
    label: row.label,
    theme: row.theme,
    outcome: row.outcome as Outcome,
    minutes: { state: row.minutes_state, version: Number(row.minutes_version) },
    what: row.what,
    timeline: row.timeline,
    indicator: row.indicator,
    target: row.target,
    ageGroups: JSON.parse(row.age_groups) as AgeGroup[],
    decidedAt: Number(row.decided_at),
  }
}

export function indexedParty(row: PartyRow): IndexedParty {
  return {
    actionId: row.action_id,
    position: Number(row.position),
    name: row.name,
    organisationId: row.organisation_id,
    mappedBy: row.mapped_by,
  }
}

export function storedReport(row: ReportRow): StoredReport {
  return {
    id: row.id,
    actionId: row.action_id,
    organisationId: row.organisation_id,
    status: row.status,
    report: row.report,
    measuredValue: row.measured_value,
    measuredOn: row.measured_on,
    reporterName: row.reporter_name,
    reporterOrganisation: row.reporter_organisation,
    via: row.via,
    at: Number(row.created_at),
  }
}

export function eventInfo(row: EventRow): EventInfo {
  return {
    id: row.id,
    title: row.title,
    startsAt: row.starts_at,
    municipalityGroupId: row.municipality_group_id,
  }
}

export interface ActionsSnapshot {
  views: ActionView[]
  register: RegisterSnapshot
  events: Map<string, EventInfo>
}

/** Every action that counts, of every event, as views (the summaries and links filter them). */
export async function allActionViews(ctx: ServerContext): Promise<ActionsSnapshot> {
  const [rows, parties, reports, register, eventRows] = await Promise.all([
    activeActionRows(ctx.db),
    partyRows(ctx.db),
    reportRows(ctx.db),
    registerSnapshot(ctx.db),
    listEvents(ctx.db),
  ])
  const events = new Map(eventRows.map((e) => [e.id, eventInfo(e)]))
  const active = new Set(rows.map((r) => r.id))
  const views = actionViews(
    rows.map(indexedAction),
    parties.filter((p) => active.has(p.action_id)).map(indexedParty),
    reports.filter((r) => active.has(r.action_id)).map(storedReport),
    register,
    events,
  )
  return { views, register, events }
}

/** One action (counting or not) with its full report history, or null for an unknown id. */
export async function oneActionView(
  ctx: ServerContext,
  actionId: string,
): Promise<{ view: ActionView; reports: ReportView[]; active: boolean } | null> {
  const row = await findDecidedAction(ctx.db, actionId)
  if (!row) return null
  const [parties, reports, register, eventRows] = await Promise.all([
    partyRows(ctx.db, [actionId]),
    reportRows(ctx.db, [actionId]),
    registerSnapshot(ctx.db),
    listEvents(ctx.db),
  ])
  const event = eventRows.find((e) => e.id === row.event_id)
  if (!event) return null
  const stored = reports.map(storedReport)
  const [view] = actionViews(
    [indexedAction(row)],
    parties.map(indexedParty),
    stored,
    register,
    new Map([[event.id, eventInfo(event)]]),
  )
  if (!view) return null
  const history = stored.map((r) => reportView(r, register))
  return { view, reports: history, active: Number(row.active) === 1 }
}
