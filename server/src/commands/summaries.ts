import type { SummaryFilter } from '@hytepaja/shared/summary/filters'
import { buildSummary, type Summary } from '@hytepaja/shared/summary/summary'
import type { ServerContext } from '../context.js'
import { listEvents } from '../store/events.js'
import { allActionViews } from './actionViews.js'
import { municipalityGroupViews } from './municipalityGroups.js'

/**
 * A summary (kooste) from the index of decided actions, the follow-up reports, the register
 * and the events' rows: no event document is read, so a summary of years of negotiations is
 * a handful of queries.
 */
export async function loadSummary(ctx: ServerContext, filter: SummaryFilter): Promise<Summary> {
  const [{ views }, eventRows, municipalityGroups] = await Promise.all([
    allActionViews(ctx),
    listEvents(ctx.db),
    municipalityGroupViews(ctx.db),
  ])
  return buildSummary({
    views,
    events: eventRows.map((row) => ({
      id: row.id,
      title: row.title,
      startsAt: row.starts_at,
      municipalityGroupId: row.municipality_group_id,
      minutes:
        row.minutes_state === null
          ? null
          : { state: row.minutes_state, version: Number(row.minutes_version ?? 1) },
    })),
    municipalityGroups,
    filter,
    generatedAt: Date.now(),
  })
}
