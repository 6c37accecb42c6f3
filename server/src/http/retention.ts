import { retentionMonths } from '@hytepaja/shared/service/settings'
import { Hono } from 'hono'
import * as v from 'valibot'
import { audit } from '../commands/change.js'
import type { ServerContext } from '../context.js'
import { pendingErasure } from '../retention/erase.js'
import { retentionView } from '../retention/plan.js'
import { setRetentionMonths } from '../store/retention.js'
import { authorise } from './caller.js'
import { validate } from './validate.js'

const Months = v.nullable(v.number())
const RetentionBody = v.object({ afterLockMonths: Months, afterEndMonths: Months })

/** A number of months within the rule's bounds, or null for the service's default. */
const ownMonths = (value: number | null, field: string) =>
  value === null ? null : retentionMonths(value, `retention.${field}`)

/**
 * An event's retention (README, "Retention"): the organiser sees when its personal data is
 * erased and what that takes, and sets its own months; every link of the event reads the
 * rule and the date for the privacy notice.
 */
export function retentionRoutes(ctx: ServerContext) {
  const app = new Hono()

  app.get('/:id/retention', async (c) => {
    const caller = await authorise(ctx, c, c.req.param('id'), 'retention.manage')
    const eventId = caller.holder.eventId
    const view = await retentionView(ctx, eventId)
    return c.json({ ...view, pending: await pendingErasure(ctx, eventId) })
  })

  app.put('/:id/retention', validate('json', RetentionBody), async (c) => {
    const caller = await authorise(ctx, c, c.req.param('id'), 'retention.manage')
    const body = c.req.valid('json')
    const own = {
      afterLockMonths: ownMonths(body.afterLockMonths, 'afterLockMonths'),
      afterEndMonths: ownMonths(body.afterEndMonths, 'afterEndMonths'),
    }
    const eventId = caller.holder.eventId
    await setRetentionMonths(ctx.db, eventId, own)
    await audit(ctx, caller, 'retention.set', null)
    const view = await retentionView(ctx, eventId)
    return c.json({ ...view, pending: await pendingErasure(ctx, eventId) })
  })

  app.get('/:id/retention/summary', async (c) => {
    const caller = await authorise(ctx, c, c.req.param('id'), 'retention.read')
    const view = await retentionView(ctx, caller.holder.eventId)
    return c.json({
      rule: view.rule,
      months: view.months,
      effective: view.effective,
      dueAt: view.dueAt,
      erasedAt: view.lastRun?.at ?? null,
    })
  })
  return app
}
