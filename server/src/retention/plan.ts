import { readMinutesCheck } from '@hytepaja/shared/doc/plenary'
import { readMeta } from '@hytepaja/shared/doc/schema/event'
import { eventEnd, type RetentionPlan, retentionPlan } from '@hytepaja/shared/domain/retention'
import type { RetentionMonths } from '@hytepaja/shared/service/settings'
import { readEventDoc } from '../commands/change.js'
import type { ServerContext } from '../context.js'
import { notFound } from '../http/errors.js'
import { findEvent } from '../store/events.js'
import { findRetention, type RetentionRow } from '../store/retention.js'
import { loadServiceSettings } from '../store/serviceSettings.js'
import type { ErasureCounts } from './erase.js'

/** An event's own months; null follows the service's default. */
export interface OwnMonths {
  afterLockMonths: number | null
  afterEndMonths: number | null
}

/** When and by which rule an event's personal data is erased, and what was erased already. */
export interface RetentionView extends RetentionPlan {
  own: OwnMonths
  defaults: RetentionMonths
  /** The months that apply: the event's own, else the service's default. */
  effective: RetentionMonths
  /** The time is past `dueAt`: the next scheduled run erases (or has erased) it. */
  due: boolean
  lastRun: { at: number; erased: ErasureCounts } | null
}

export function effectiveMonths(row: RetentionRow | undefined, defaults: RetentionMonths) {
  return {
    afterLockMonths: row?.after_lock_months ?? defaults.afterLockMonths,
    afterEndMonths: row?.after_end_months ?? defaults.afterEndMonths,
  }
}

/** The plan of one event from its stored parts (the scheduler reads the defaults once). */
export async function planOf(
  ctx: ServerContext,
  eventId: string,
  createdAt: number,
  row: RetentionRow | undefined,
  defaults: RetentionMonths,
): Promise<RetentionPlan> {
  const { check, endedAt } = await readEventDoc(ctx, eventId, (doc) => ({
    check: readMinutesCheck(doc),
    endedAt: eventEnd(readMeta(doc), createdAt),
  }))
  return retentionPlan(check, endedAt, effectiveMonths(row, defaults))
}

export async function retentionView(ctx: ServerContext, eventId: string): Promise<RetentionView> {
  const event = await findEvent(ctx.db, eventId)
  if (!event) throw notFound('event')
  const row = await findRetention(ctx.db, eventId)
  const { settings } = await loadServiceSettings(ctx.db)
  const defaults = settings.retention
  const plan = await planOf(ctx, eventId, Number(event.created_at), row, defaults)
  return {
    ...plan,
    own: {
      afterLockMonths: row?.after_lock_months ?? null,
      afterEndMonths: row?.after_end_months ?? null,
    },
    defaults,
    effective: effectiveMonths(row, defaults),
    due: ctx.clock.now() >= plan.dueAt,
    lastRun:
      row?.erased_at != null && row.erased
        ? { at: Number(row.erased_at), erased: JSON.parse(row.erased) as ErasureCounts }
        : null,
  }
}
