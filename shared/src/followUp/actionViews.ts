import type { Outcome } from '../doc/plenary.js'
import type { AgeGroup } from '../doc/schema/board.js'
import type { Organisation } from '../register/organisations.js'
import { type FollowUpStatus, overallStatus } from './reports.js'

/**
 * Decided actions as the follow-up sees them: the action, its responsible parties as the
 * register now names them (merges followed), each party's latest report and where the action
 * stands. Built from plain rows (the server's index, reports and register), so every answer
 * that shows an action (summaries, follow-up links, next year's item) tells the same story.
 */

export interface IndexedAction {
  id: string
  eventId: string
  itemId: string
  position: number
  label: string | null
  theme: string
  outcome: Outcome
  minutes: { state: 'draft' | 'locked'; version: number }
  what: string
  timeline: string
  indicator: string
  target: string
  ageGroups: AgeGroup[]
  decidedAt: number
}

export interface IndexedParty {
  actionId: string
  position: number
  name: string
  /** The register entry the name was linked to; the view shows what it counts as now. */
  organisationId: string | null
  mappedBy: 'auto' | 'organiser'
}

export interface StoredReport {
  id: string
  actionId: string
  organisationId: string | null
  status: FollowUpStatus
  report: string
  measuredValue: string | null
  measuredOn: string | null
  reporterName: string
  reporterOrganisation: string | null
  via: 'link' | 'organiser'
  at: number
}

export interface EventInfo {
  id: string
  title: string
  startsAt: string
  municipalityGroupId: string | null
}

export interface ReportView extends Omit<StoredReport, 'actionId'> {
  /** The organisation it counts for now (merges followed), and its name now. */
  organisation: string | null
}

export interface PartyView {
  position: number
  /** As the decision wrote it. */
  name: string
  organisationId: string | null
  /** The register's name for it now. */
  organisation: string | null
  mappedBy: 'auto' | 'organiser'
  status: FollowUpStatus | null
  lastReport: ReportView | null
}

export interface ActionView extends Omit<IndexedAction, 'eventId'> {
  event: EventInfo
  responsible: PartyView[]
  /** Where the action stands over all its parties (`overallStatus`); null: nobody reported. */
  status: FollowUpStatus | null
  lastReport: ReportView | null
}

export interface Register {
  canonical(id: string): Organisation | null
}

/** A report with the organisation it counts for now. */
export function reportView(report: StoredReport, register: Register): ReportView {
  const { actionId: _action, ...rest } = report
  const organisation = report.organisationId ? register.canonical(report.organisationId) : null
  return {
    ...rest,
    organisationId: organisation?.id ?? report.organisationId,
    organisation: organisation?.name ?? null,
  }
}

// One collator for every comparison: `localeCompare` with options builds one per call, which
// was a third of a three-year summary's time. Made at the first comparison, not at import: a
// collator reads its locale's data into the process's memory (~3 MB) as it is made, and most
// processes that import this never sort actions.
let labelCollator: Intl.Collator | null = null
const labelOrder = () => (labelCollator ??= new Intl.Collator('fi', { numeric: true }))

const byLabel = (a: ActionView, b: ActionView) =>
  (a.event.startsAt < b.event.startsAt ? -1 : a.event.startsAt > b.event.startsAt ? 1 : 0) ||
  (a.event.id < b.event.id ? -1 : a.event.id > b.event.id ? 1 : 0) ||
  labelOrder().compare(a.label ?? '', b.label ?? '') ||
  a.position - b.position

/** One view per action whose event is known, in event order, then § and position. */
export function actionViews(
  actions: IndexedAction[],
  parties: IndexedParty[],
  reports: StoredReport[],
  register: Register,
  events: ReadonlyMap<string, EventInfo>,
): ActionView[] {
  const partiesOf = group(parties, (p) => p.actionId)
  const reportsOf = group(reports, (r) => r.actionId)
  const views: ActionView[] = []
  for (const action of actions) {
    const event = events.get(action.eventId)
    if (!event) continue
    const reported = (reportsOf.get(action.id) ?? [])
      .sort((a, b) => a.at - b.at || a.id.localeCompare(b.id))
      .map((r) => reportView(r, register))
    const responsible = (partiesOf.get(action.id) ?? [])
      .sort((a, b) => a.position - b.position)
      .map((party): PartyView => {
        const organisation = party.organisationId ? register.canonical(party.organisationId) : null
        const own = organisation ? reported.filter((r) => r.organisationId === organisation.id) : []
        const last = own.at(-1) ?? null
        return {
          position: party.position,
          name: party.name,
          organisationId: organisation?.id ?? null,
          organisation: organisation?.name ?? null,
          mappedBy: party.mappedBy,
          status: last?.status ?? null,
          lastReport: last,
        }
      })
    const latest = responsible.length
      ? responsible.map((p) => p.status)
      : [reported.at(-1)?.status ?? null]
    const { eventId: _event, ...rest } = action
    views.push({
      ...rest,
      event,
      responsible,
      status: overallStatus(latest),
      lastReport: reported.at(-1) ?? null,
    })
  }
  return views.sort(byLabel)
}

/** Whether an organisation (by what it counts as now) is responsible for an action. */
export function isResponsible(view: ActionView, organisationId: string): boolean {
  return view.responsible.some((p) => p.organisationId === organisationId)
}

/**
 * What everyone at a meeting may see of an action (the presenter view, the boards): the
 * action, its responsible organisations and where it stands. No names of people.
 */
export interface PublicActionView extends Omit<ActionView, 'responsible' | 'lastReport'> {
  responsible: Array<{ name: string; organisation: string | null; status: FollowUpStatus | null }>
  lastReport: Pick<
    ReportView,
    'status' | 'report' | 'measuredValue' | 'measuredOn' | 'at' | 'organisation'
  > | null
}

export function publicActionView(view: ActionView): PublicActionView {
  const last = view.lastReport
  return {
    ...view,
    responsible: view.responsible.map((p) => ({
      name: p.name,
      organisation: p.organisation,
      status: p.status,
    })),
    lastReport: last && {
      status: last.status,
      report: last.report,
      measuredValue: last.measuredValue,
      measuredOn: last.measuredOn,
      at: last.at,
      organisation: last.organisation,
    },
  }
}

function group<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>()
  for (const item of items) {
    const k = key(item)
    const list = map.get(k)
    if (list) list.push(item)
    else map.set(k, [item])
  }
  return map
}

/**
 * What a responsible organisation's follow-up link shows of one of its actions: the action
 * with every party's name (as the minutes print them), and only its own status and reports.
 */
export interface OwnActionView extends Omit<ActionView, 'responsible' | 'lastReport' | 'status'> {
  responsible: Array<{ name: string; organisation: string | null }>
  /** This organisation's latest status; null until it reports. */
  status: FollowUpStatus | null
  /** This organisation's reports on it, oldest first. */
  reports: ReportView[]
}

export function ownActionView(
  view: ActionView,
  organisationId: string,
  history: ReportView[],
): OwnActionView {
  const { responsible, lastReport: _last, status: _status, ...rest } = view
  const reports = history.filter((r) => r.organisationId === organisationId)
  return {
    ...rest,
    responsible: responsible.map((p) => ({ name: p.name, organisation: p.organisation })),
    status: reports.at(-1)?.status ?? null,
    reports,
  }
}
