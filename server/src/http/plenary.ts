import { OUTCOMES, readMinutesSettings } from '@hytepaja/shared/doc/plenary'
import { AGE_GROUPS } from '@hytepaja/shared/doc/schema/board'
import { PRESENCES } from '@hytepaja/shared/domain/attendance'
import { type Context, Hono } from 'hono'
import * as v from 'valibot'
import {
  addAttendee,
  attendanceForMinutes,
  removeAttendee,
  setAttendance,
} from '../commands/attendance.js'
import { readEventDoc } from '../commands/change.js'
import { checkerLinks, elect } from '../commands/elections.js'
import {
  approveAgenda,
  decisionHistory,
  joinInfo,
  recordDecision,
  setCurrentItem,
  setFullAttendance,
  stepCurrentItem,
} from '../commands/plenary.js'
import { serialised } from '../commands/serial.js'
import type { ServerContext } from '../context.js'
import { authorise } from './caller.js'
import { validate } from './validate.js'

// Outer bounds only; the shared rules give each field its own limit and error code.
const text = (max: number) => v.pipe(v.string(), v.maxLength(max))
const id = text(64)

const CurrentBody = v.object({ itemId: v.nullable(id) })
const AttendanceBody = v.object({
  name: v.optional(text(1000)),
  organisation: v.optional(v.nullable(text(1000))),
  presence: v.optional(v.picklist(PRESENCES)),
  arrivedAt: v.optional(v.nullable(text(10))),
})
const SettingsBody = v.object({ fullAttendance: v.boolean() })
const ApprovalBody = v.object({
  approved: v.boolean(),
  changes: v.optional(v.nullable(text(5000))),
})
const Candidate = v.object({
  attendeeId: v.optional(id),
  name: v.optional(text(1000)),
  organisation: v.optional(v.nullable(text(1000))),
})
const ElectionsBody = v.object({
  chair: v.nullable(Candidate),
  secretary: v.nullable(Candidate),
  checkers: v.pipe(v.array(Candidate), v.maxLength(10)),
  voteCounters: v.pipe(v.array(Candidate), v.maxLength(10)),
})
const AmendedAction = v.object({
  id,
  what: text(20_000),
  responsible: v.optional(v.pipe(v.array(text(1000)), v.maxLength(50))),
  timeline: v.optional(text(5000)),
  indicator: v.optional(text(5000)),
  target: v.optional(text(5000)),
  ageGroups: v.optional(v.pipe(v.array(v.picklist(AGE_GROUPS)), v.maxLength(10))),
})
const DecisionBody = v.object({
  outcome: v.picklist(OUTCOMES),
  note: v.optional(v.nullable(text(5000))),
  promotionVersion: v.optional(v.nullable(v.pipe(v.number(), v.integer(), v.minValue(1)))),
  amended: v.optional(
    v.nullable(
      v.object({
        title: text(5000),
        body: text(20_000),
        actions: v.pipe(v.array(AmendedAction), v.maxLength(10)),
      }),
    ),
  ),
})

/** `/api/events/{id}/plenary/…`: the chair's (and secretary's) commands during the plenary. */
export function plenaryRoutes(ctx: ServerContext) {
  const app = new Hono()
  const base = '/:id/plenary'
  const chair = (c: Context) => authorise(ctx, c, c.req.param('id') as string, 'plenary.chair')

  app.put(`${base}/current`, validate('json', CurrentBody), async (c) => {
    const caller = await chair(c)
    return c.json({ currentItemId: await setCurrentItem(ctx, caller, c.req.valid('json').itemId) })
  })
  app.post(`${base}/current/next`, async (c) => {
    const caller = await chair(c)
    return c.json({ currentItemId: await stepCurrentItem(ctx, caller, 1) })
  })
  app.post(`${base}/current/previous`, async (c) => {
    const caller = await chair(c)
    return c.json({ currentItemId: await stepCurrentItem(ctx, caller, -1) })
  })

  app.get(`${base}/join`, async (c) => {
    const caller = await authorise(ctx, c, c.req.param('id'), 'plenary.present')
    return c.json(await joinInfo(ctx, caller.holder.eventId))
  })

  app.get(`${base}/attendance`, async (c) => {
    const caller = await chair(c)
    const eventId = caller.holder.eventId
    return c.json({
      attendance: await attendanceForMinutes(ctx, eventId),
      fullAttendance: (await readEventDoc(ctx, eventId, readMinutesSettings)).fullAttendance,
    })
  })
  app.post(`${base}/attendance`, validate('json', AttendanceBody), async (c) => {
    const caller = await chair(c)
    return c.json({ entry: await addAttendee(ctx, caller, c.req.valid('json')) }, 201)
  })
  app.put(`${base}/attendance/:attendeeId`, validate('json', AttendanceBody), async (c) => {
    const caller = await chair(c)
    const entry = await setAttendance(ctx, caller, c.req.param('attendeeId'), c.req.valid('json'))
    return c.json({ entry })
  })
  app.delete(`${base}/attendance/:attendeeId`, async (c) => {
    const caller = await chair(c)
    await removeAttendee(ctx, caller, c.req.param('attendeeId'))
    return c.body(null, 204)
  })

  app.put(`${base}/minutes-settings`, validate('json', SettingsBody), async (c) => {
    const caller = await chair(c)
    return c.json(await setFullAttendance(ctx, caller, c.req.valid('json').fullAttendance))
  })

  app.put(`${base}/agenda-approval`, validate('json', ApprovalBody), async (c) => {
    const caller = await chair(c)
    return c.json({ agendaApproval: await approveAgenda(ctx, caller, c.req.valid('json')) })
  })

  app.put(`${base}/elections`, validate('json', ElectionsBody), async (c) => {
    const caller = await chair(c)
    return c.json(await elect(ctx, caller, c.req.valid('json')))
  })
  app.get(`${base}/checkers`, async (c) => {
    const caller = await chair(c)
    const eventId = caller.holder.eventId
    return c.json({ checkers: await serialised(ctx, eventId, () => checkerLinks(ctx, eventId)) })
  })

  app.put(`${base}/decisions/:itemId`, validate('json', DecisionBody), async (c) => {
    const caller = await chair(c)
    return c.json(await recordDecision(ctx, caller, c.req.param('itemId'), c.req.valid('json')))
  })
  app.get(`${base}/decisions/:itemId`, async (c) => {
    const caller = await authorise(ctx, c, c.req.param('id'), 'minutes.read')
    return c.json(await decisionHistory(ctx, caller.holder.eventId, c.req.param('itemId')))
  })

  return app
}
