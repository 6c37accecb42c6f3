import type { ServerContext } from '../context.js'
import { claimRetention, eventsWithRetention, releaseRetention } from '../store/retention.js'
import { loadServiceSettings } from '../store/serviceSettings.js'
import { type ErasureCounts, eraseEvent, pendingRows } from './erase.js'
import { planOf } from './plan.js'

/** How long a claim on an event's erasure holds before another instance may take it over. */
export const CLAIM_MS = 10 * 60_000

export interface RetentionTick {
  /** Events whose plan was read. */
  checked: number
  erased: Array<{ eventId: string; erased: ErasureCounts; unreadable: string[] }>
  /** Due, but another instance holds the claim. */
  claimedElsewhere: string[]
  failed: string[]
}

export interface RetentionScheduler {
  /** One pass over every event, at the context's clock: erases what is due. */
  tick(): Promise<RetentionTick>
  /** Stops the timer and waits for a pass under way. */
  stop(): Promise<void>
}

export interface RetentionTiming {
  /** Between two passes; 0 runs no timer (tests call `tick`). */
  intervalMs: number
  /** Before the first pass after a start. */
  firstMs: number
}

/** Hourly, the first pass a minute after the start (a deploy does not postpone it for long). */
export const DEFAULT_RETENTION_TIMING: RetentionTiming = {
  intervalMs: 60 * 60_000,
  firstMs: 60_000,
}

/**
 * The retention schedule of one instance: every pass reads each event's plan and erases the
 * personal data of the events that are due and still hold some (a first run, or people who
 * joined after it). Several instances may run it: each claims an event in the store before
 * erasing it, so one run at a time does the work, and a claim left by a crashed instance runs
 * out after `CLAIM_MS`.
 */
export function createRetentionScheduler(
  ctx: ServerContext,
  timing: RetentionTiming = DEFAULT_RETENTION_TIMING,
): RetentionScheduler {
  let running: Promise<RetentionTick> | null = null
  let timer: ReturnType<typeof setTimeout> | null = null
  let stopped = false

  async function pass(): Promise<RetentionTick> {
    const now = ctx.clock.now()
    const result: RetentionTick = { checked: 0, erased: [], claimedElsewhere: [], failed: [] }
    const defaults = (await loadServiceSettings(ctx.db)).settings.retention
    for (const row of await eventsWithRetention(ctx.db)) {
      if (stopped) break
      const eventId = row.id
      try {
        const plan = await planOf(ctx, eventId, Number(row.created_at), row, defaults)
        result.checked++
        if (now < plan.dueAt) continue
        // Erased already, and nobody has joined since: nothing to do.
        if (row.erased_at != null && (await pendingRows(ctx, eventId)) === 0) continue
        const instance = ctx.bus.instanceId
        if (!(await claimRetention(ctx.db, eventId, instance, now, now + CLAIM_MS))) {
          result.claimedElsewhere.push(eventId)
          continue
        }
        try {
          const { unreadable, ...erased } = await eraseEvent(ctx, eventId, now)
          await releaseRetention(ctx.db, eventId, instance, { at: now, erased })
          result.erased.push({ eventId, erased, unreadable })
          ctx.log.info(
            { eventId, erased, unreadable, rule: plan.rule },
            'retention: personal data erased',
          )
        } catch (error) {
          await releaseRetention(ctx.db, eventId, instance, null).catch(() => undefined)
          throw error
        }
      } catch (err) {
        result.failed.push(eventId)
        ctx.log.error({ err, eventId }, 'retention: the run failed; it is tried again next time')
      }
    }
    return result
  }

  function tick(): Promise<RetentionTick> {
    running ??= pass().finally(() => {
      running = null
    })
    return running
  }

  function schedule(ms: number) {
    if (stopped || timing.intervalMs <= 0) return
    timer = setTimeout(() => {
      tick()
        .catch((err) => ctx.log.error({ err }, 'retention: the pass failed'))
        .finally(() => schedule(timing.intervalMs))
    }, ms)
    timer.unref?.()
  }
  schedule(timing.firstMs)

  return {
    tick,
    async stop() {
      stopped = true
      if (timer) clearTimeout(timer)
      await running?.catch(() => undefined)
    },
  }
}
