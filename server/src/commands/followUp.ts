import { ConflictError, DomainError, NotFoundError } from '@hytepaja/shared/domain/errors'
import {
  type ActionView,
  isResponsible,
  type OwnActionView,
  ownActionView,
  type ReportView,
  reportView,
} from '@hytepaja/shared/followUp/actionViews'
import {
  cleanReport,
  MAX_REPORTS_PER_PARTY,
  type ReportInput,
} from '@hytepaja/shared/followUp/reports'
import { newId } from '@hytepaja/shared/ids'
import { isoDay } from '@hytepaja/shared/minutes/dates'
import type { Organisation } from '@hytepaja/shared/register/organisations'
import { nameKey } from '@hytepaja/shared/register/organisations'
import { coversAction, type SummaryFilter } from '@hytepaja/shared/summary/filters'
import type { ServerContext } from '../context.js'
import { findDecidedAction, partyRows, setPartyMapping } from '../store/decidedActions.js'
import { insertReport, reportRows } from '../store/followUp.js'
import { recordRegisterAudit } from '../store/registerAudit.js'
import { reindexEvent } from './actionIndex.js'
import { allActionViews, oneActionView, storedReport } from './actionViews.js'
import { followUpLinks } from './followUpLinks.js'
import { type RegisterActor, registerSnapshot } from './register.js'

/**
 * Follow-up reports: a responsible organisation (through its follow-up link, or the organiser
 * on its behalf) says where its part of an agreed action stands. Every report is kept.
 */

export async function actionWithHistory(ctx: ServerContext, actionId: string) {
  const found = await oneActionView(ctx, actionId)
  if (!found) throw new NotFoundError('action.notFound', 'no such decided action')
  return found
}

export interface ReportBy {
  /** The organisation reported for, as it counts now (merges followed). */
  organisation: Organisation | null
  via: 'link' | 'organiser'
}

/**
 * Records a report on an action that counts. The organisation must be one of its responsible
 * parties (an action with none takes a report for no organisation, from the organiser only).
 */
export async function report(
  ctx: ServerContext,
  actionId: string,
  by: ReportBy,
  input: ReportInput,
): Promise<{ report: ReportView; action: ActionView }> {
  const clean = cleanReport(input, isoDay(new Date()))
  const found = await oneActionView(ctx, actionId)
  if (!found?.active) throw new NotFoundError('action.notFound', 'no such decided action')
  const { view, reports } = found
  const organisation = by.organisation
  if (organisation ? !isResponsible(view, organisation.id) : view.responsible.length > 0)
    throw new DomainError(
      'followUp.organisation.notResponsible',
      'report for one of the organisations responsible for the action',
    )
  const own = reports.filter((r) => r.organisationId === (organisation?.id ?? null))
  if (own.length >= MAX_REPORTS_PER_PARTY)
    throw new ConflictError(
      'followUp.reports.tooMany',
      `at most ${MAX_REPORTS_PER_PARTY} reports per action and organisation`,
    )
  const id = newId(12)
  await insertReport(ctx.db, {
    id,
    action_id: actionId,
    organisation_id: organisation?.id ?? null,
    status: clean.status,
    report: clean.report,
    measured_value: clean.measuredValue,
    measured_on: clean.measuredOn,
    reporter_name: clean.reporterName,
    reporter_organisation: organisation?.name ?? null,
    via: by.via,
    created_at: Date.now(),
  })
  const after = await actionWithHistory(ctx, actionId)
  return { report: after.reports.find((r) => r.id === id) as ReportView, action: after.view }
}

/**
 * The organiser links one responsible party of an action to a register entry by hand (or,
 * with null, back to the entry of its name). Kept across later corrections of the decision
 * while the party keeps its name.
 */
export async function mapParty(
  ctx: ServerContext,
  actor: RegisterActor,
  actionId: string,
  position: number,
  organisationId: string | null,
): Promise<ActionView> {
  const row = await findDecidedAction(ctx.db, actionId)
  if (!row) throw new NotFoundError('action.notFound', 'no such decided action')
  const party = (await partyRows(ctx.db, [actionId])).find((p) => Number(p.position) === position)
  if (!party) throw new NotFoundError('action.party.notFound', 'no such responsible party')
  if (organisationId !== null) {
    const register = await registerSnapshot(ctx.db)
    if (!register.byId.has(organisationId))
      throw new DomainError('organisation.unknown', 'no such organisation')
  }
  await setPartyMapping(ctx.db, actionId, nameKey(party.name), organisationId)
  await reindexEvent(ctx, row.event_id)
  await recordRegisterAudit(ctx.db, {
    actorRole: actor.role,
    actorId: actor.id,
    action: 'action.mapParty',
    target: `${actionId}:${position}`,
  })
  return (await actionWithHistory(ctx, actionId)).view
}

/** A follow-up link's page: the organisation's own actions across events, with its reports. */
export async function ownActions(
  ctx: ServerContext,
  organisation: Organisation,
): Promise<OwnActionView[]> {
  const { views, register } = await allActionViews(ctx)
  const mine = views.filter((v) => isResponsible(v, organisation.id))
  const history = new Map<string, ReportView[]>()
  for (const row of await reportRows(
    ctx.db,
    mine.map((v) => v.id),
  )) {
    const list = history.get(row.action_id) ?? []
    list.push(reportView(storedReport(row), register))
    history.set(row.action_id, list)
  }
  return mine.map((view) => ownActionView(view, organisation.id, history.get(view.id) ?? []))
}

export interface UnreportedQuery {
  filter: SummaryFilter
  /** "YYYY-MM-DD": a report before this day does not count (default: any report counts). */
  since?: string
}

/**
 * Who has not reported: per responsible organisation, its actions in the filter with no
 * report of its own (since `since`), and the parties no organisation is linked to yet.
 */
export async function unreported(ctx: ServerContext, query: UnreportedQuery) {
  const { views } = await allActionViews(ctx)
  const [links, register] = await Promise.all([followUpLinks(ctx), registerSnapshot(ctx.db)])
  const linked = new Set(links.map((l) => l.organisation.id))
  const sinceMs = query.since ? Date.parse(`${query.since}T00:00:00Z`) : Number.NEGATIVE_INFINITY
  const byOrganisation = new Map<string, Array<ReturnType<typeof missingAction>>>()
  const unmapped: Array<{ actionId: string; position: number; name: string }> = []
  for (const view of views.filter((v) => coversAction(query.filter, v))) {
    for (const party of view.responsible) {
      if (!party.organisationId) {
        unmapped.push({ actionId: view.id, position: party.position, name: party.name })
        continue
      }
      if (party.lastReport && party.lastReport.at >= sinceMs) continue
      const list = byOrganisation.get(party.organisationId) ?? []
      if (!list.some((a) => a.id === view.id)) list.push(missingAction(view, party.lastReport))
      byOrganisation.set(party.organisationId, list)
    }
  }
  const organisations = [...byOrganisation.entries()].flatMap(([id, actions]) => {
    const org = register.byId.get(id)
    if (!org) return []
    return [
      { organisation: { id, name: org.name, kind: org.kind }, hasLink: linked.has(id), actions },
    ]
  })
  organisations.sort((a, b) => a.organisation.name.localeCompare(b.organisation.name, 'fi'))
  return { organisations, unmapped }
}

function missingAction(view: ActionView, last: ReportView | null) {
  return {
    id: view.id,
    event: view.event,
    label: view.label,
    theme: view.theme,
    what: view.what,
    lastReportAt: last?.at ?? null,
  }
}
