import type { ActionView, PartyView } from '../followUp/actionViews.js'
import type { FollowUpStatus } from '../followUp/reports.js'
import { dateFormatter } from '../minutes/dates.js'
import { labelsFor } from '../minutes/labels.js'
import type { MinutesLanguage } from '../minutes/model.js'
import { eventDay } from './filters.js'
import type { Summary, SummaryGroup } from './summary.js'

/**
 * A summary as one table: one row per action and responsible party (an action without
 * parties has one row), the columns people filter and sort in a spreadsheet. The CSV and the
 * XLSX are this table; a day is a cell of its own kind so that each format writes it well.
 */

export type TableCell = string | { day: string } | null

export interface SummaryTable {
  columns: string[]
  rows: TableCell[][]
}

const COLUMNS = [
  'summary.group',
  'summary.column.event',
  'summary.column.date',
  'summary.column.label',
  'summary.theme',
  'actions.what',
  'actions.responsible',
  'summary.column.organisation',
  'actions.timeline',
  'summary.column.indicator',
  'summary.column.target',
  'actions.ageGroups',
  'summary.column.decision',
  'summary.column.minutes',
  'summary.column.partyStatus',
  'summary.column.actionStatus',
  'summary.column.report',
  'summary.column.measuredValue',
  'summary.column.measuredOn',
  'summary.column.reportedAt',
  'summary.column.reporter',
  'summary.column.actionId',
] as const

export function summaryTable(summary: Summary, lang: MinutesLanguage): SummaryTable {
  const t = labelsFor(lang)
  const dates = dateFormatter(lang)
  const status = (s: FollowUpStatus | null) => t(`followUp.status.${s ?? 'none'}`)
  const groupName = (g: SummaryGroup) => g.municipalityGroup?.name ?? t('summary.noGroup')
  const row = (group: SummaryGroup, action: ActionView, party: PartyView | null): TableCell[] => {
    const report = party ? party.lastReport : action.lastReport
    const minutes =
      action.minutes.state === 'locked' ? 'summary.minutesLocked' : 'summary.minutesDraft'
    return [
      groupName(group),
      action.event.title,
      { day: eventDay(action.event.startsAt) },
      action.label,
      action.theme,
      action.what,
      party?.name ?? null,
      party?.organisation ?? null,
      action.timeline,
      action.indicator,
      action.target,
      dates.list(action.ageGroups.map((g) => t(`ageGroup.${g}`))),
      t(`outcome.${action.outcome}`),
      t(minutes),
      party ? status(party.status) : null,
      status(action.status),
      report?.report || null,
      report?.measuredValue ?? null,
      report?.measuredOn ? { day: report.measuredOn } : null,
      report ? { day: eventDay(new Date(report.at).toISOString()) } : null,
      report ? report.reporterName : null,
      action.id,
    ]
  }
  const rows = summary.groups.flatMap((group) =>
    group.actions.flatMap((action) =>
      action.responsible.length > 0
        ? action.responsible.map((party) => row(group, action, party))
        : [row(group, action, null)],
    ),
  )
  return { columns: COLUMNS.map((key) => t(key)), rows }
}
