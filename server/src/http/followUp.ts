import { NotFoundError } from '@hytepaja/shared/domain/errors'
import { publicActionView } from '@hytepaja/shared/followUp/actionViews'
import { FOLLOW_UP_STATUSES } from '@hytepaja/shared/followUp/reports'
import { isoDay } from '@hytepaja/shared/minutes/dates'
import { readFilter } from '@hytepaja/shared/summary/filters'
import { type Context, Hono } from 'hono'
import * as v from 'valibot'
import { reindexEvent } from '../commands/actionIndex.js'
import { allActionViews } from '../commands/actionViews.js'
import {
  actionWithHistory,
  mapParty,
  ownActions,
  report,
  unreported,
} from '../commands/followUp.js'
import {
  createFollowUpLink,
  followUpHolder,
  followUpLinkOf,
  followUpLinks,
  revokeFollowUpLink,
} from '../commands/followUpLinks.js'
import { registerSnapshot } from '../commands/register.js'
import type { ServerContext } from '../context.js'
import { listEvents } from '../store/events.js'
import { bearerToken } from './bearer.js'
import { authorise } from './caller.js'
import { CONSOLE_ACTOR, requireConsoleKey } from './consoleKey.js'
import { ApiError, unauthorised } from './errors.js'
import { validate } from './validate.js'

declare module 'hono' {
  interface ContextVariableMap {
    /** The organisation a follow-up link speaks for, resolved before the body is read. */
    followUpHolder: NonNullable<Awaited<ReturnType<typeof followUpHolder>>>
  }
}

// Outer bounds only; the shared rules give each field its limit and its error code.
const text = (max: number) => v.pipe(v.string(), v.maxLength(max))
const ReportBody = v.object({
  status: v.picklist(FOLLOW_UP_STATUSES),
  report: v.optional(v.nullable(text(10_000))),
  measuredValue: v.optional(v.nullable(text(1000))),
  measuredOn: v.optional(v.nullable(text(20))),
  reporterName: text(1000),
})
const OrganiserReportBody = v.object({
  ...ReportBody.entries,
  organisationId: v.optional(v.nullable(text(64))),
})
const PartyBody = v.object({ organisationId: v.nullable(text(64)) })
const ReindexBody = v.object({ eventId: v.optional(text(64)) })

/**
 * Follow-up of agreed actions: the responsible organisations' follow-up links
 * (`/api/follow-up…`, the link's token as Bearer), the organiser's view and fixes
 * (`/api/actions…`, `/api/follow-up-links`, `/api/organisations/{id}/follow-up-link`, console
 * key) and an event's own decided actions (`/api/events/{id}/actions`).
 */
export function followUpRoutes(ctx: ServerContext) {
  const app = new Hono()

  // A follow-up link: checked before a byte of the body is read, like event tokens.
  app.use('/follow-up', linkHolder(ctx))
  app.use('/follow-up/*', linkHolder(ctx))
  app.get('/follow-up', async (c) => {
    const { organisation } = c.get('followUpHolder')
    return c.json({
      organisation: { id: organisation.id, name: organisation.name, kind: organisation.kind },
      actions: await ownActions(ctx, organisation),
    })
  })
  app.post('/follow-up/actions/:actionId/reports', validate('json', ReportBody), async (c) => {
    const holder = c.get('followUpHolder')
    try {
      await ctx.limits.followUpReports.consume(holder.tokenHash)
    } catch {
      ctx.metrics.refusedRequests.inc({ reason: 'followUpReports' })
      throw new ApiError(429, 'followUp.rateLimited', 'too many reports at once, wait a moment')
    }
    const actionId = c.req.param('actionId')
    // Another organisation's action is answered as if it did not exist.
    const mine = (await ownActions(ctx, holder.organisation)).some((a) => a.id === actionId)
    if (!mine) throw new NotFoundError('action.notFound', 'no such decided action')
    const made = await report(
      ctx,
      actionId,
      { organisation: holder.organisation, via: 'link' },
      c.req.valid('json'),
    )
    const action = (await ownActions(ctx, holder.organisation)).find((a) => a.id === actionId)
    return c.json({ report: made.report, action }, 201)
  })

  const consoleKey = requireConsoleKey(ctx)
  for (const path of ['/actions', '/actions/*', '/follow-up-links']) app.use(path, consoleKey)
  app.get('/actions', async (c) => {
    const eventId = c.req.query('eventId')
    const organisationId = c.req.query('organisationId')
    const { views } = await allActionViews(ctx)
    return c.json({
      actions: views.filter(
        (v) =>
          (!eventId || v.event.id === eventId) &&
          (!organisationId || v.responsible.some((p) => p.organisationId === organisationId)),
      ),
    })
  })
  app.get('/actions/unreported', async (c) => {
    const since = c.req.query('since') || undefined
    const filter = readFilter(c.req.query(), isoDay(new Date()))
    if (since !== undefined) readFilter({ from: since, to: since }, since)
    return c.json(await unreported(ctx, { filter, since }))
  })
  app.post('/actions/reindex', validate('json', ReindexBody), async (c) => {
    const { eventId } = c.req.valid('json')
    const events = eventId ? [eventId] : (await listEvents(ctx.db)).map((e) => e.id)
    for (const id of events) await reindexEvent(ctx, id)
    return c.json({ events: events.length })
  })
  app.get('/actions/:actionId', async (c) => {
    const found = await actionWithHistory(ctx, c.req.param('actionId'))
    return c.json({ action: found.view, active: found.active, reports: found.reports })
  })
  app.post('/actions/:actionId/reports', validate('json', OrganiserReportBody), async (c) => {
    const { organisationId, ...input } = c.req.valid('json')
    const organisation = organisationId
      ? (await registerSnapshot(ctx.db)).canonical(organisationId)
      : null
    if (organisationId && !organisation)
      throw new ApiError(400, 'organisation.unknown', 'no such organisation')
    const made = await report(
      ctx,
      c.req.param('actionId'),
      { organisation, via: 'organiser' },
      input,
    )
    return c.json(made, 201)
  })
  app.put('/actions/:actionId/parties/:position', validate('json', PartyBody), async (c) => {
    const position = Number(c.req.param('position'))
    if (!Number.isInteger(position) || position < 0)
      throw new ApiError(404, 'action.party.notFound', 'no such responsible party')
    const action = await mapParty(
      ctx,
      CONSOLE_ACTOR,
      c.req.param('actionId'),
      position,
      c.req.valid('json').organisationId,
    )
    return c.json({ action })
  })

  app.get('/follow-up-links', async (c) => c.json({ links: await followUpLinks(ctx) }))
  for (const path of ['/organisations/:orgId/follow-up-link']) app.use(path, consoleKey)
  app.get('/organisations/:orgId/follow-up-link', async (c) =>
    c.json(await followUpLinkOf(ctx, c.req.param('orgId'))),
  )
  app.post('/organisations/:orgId/follow-up-link', async (c) =>
    c.json(await createFollowUpLink(ctx, CONSOLE_ACTOR, c.req.param('orgId')), 201),
  )
  app.delete('/organisations/:orgId/follow-up-link', async (c) => {
    await revokeFollowUpLink(ctx, CONSOLE_ACTOR, c.req.param('orgId'))
    return c.body(null, 204)
  })

  // The event's own agreed actions and where they stand: whoever may read its minutes.
  app.get('/events/:id/actions', async (c) => {
    const caller = await authorise(ctx, c, c.req.param('id'), 'minutes.read')
    const { views } = await allActionViews(ctx)
    return c.json({
      actions: views.filter((v) => v.event.id === caller.holder.eventId).map(publicActionView),
    })
  })
  return app
}

function linkHolder(ctx: ServerContext) {
  return async (c: Context, next: () => Promise<void>) => {
    const holder = await followUpHolder(ctx, bearerToken(c))
    if (!holder) throw unauthorised()
    c.set('followUpHolder', holder)
    await next()
  }
}
