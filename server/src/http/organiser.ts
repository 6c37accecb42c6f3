import {
  AGENDA_KINDS,
  LANGUAGES,
  readAgenda,
  readGroups,
  readMeta,
} from '@hytepaja/shared/doc/schema/event'
import * as agenda from '@hytepaja/shared/domain/agenda'
import * as event from '@hytepaja/shared/domain/event'
import * as groups from '@hytepaja/shared/domain/groups'
import { Hono } from 'hono'
import * as v from 'valibot'
import { changeEventDoc, readEventDoc } from '../commands/change.js'
import { eventLinks, setEventMunicipalityGroup } from '../commands/events.js'
import { exportEvent } from '../commands/exportEvent.js'
import { followNamedFacilitators } from '../commands/facilitatorSeats.js'
import { addGroup, removeGroup } from '../commands/groups.js'
import { deleteEvent } from '../commands/lifecycle.js'
import { requireMunicipalityGroup } from '../commands/municipalityGroups.js'
import {
  changeGroup,
  moveParticipant,
  revokeParticipant,
  rotateJoin,
} from '../commands/participants.js'
import type { ServerContext } from '../context.js'
import { listAudit } from '../store/audit.js'
import { findEvent, updateEventSummary } from '../store/events.js'
import { listParticipants } from '../store/participants.js'
import { authorise, callerOf, requireCommand } from './caller.js'
import { notFound } from './errors.js'
import { validate } from './validate.js'

const text = (max: number) => v.pipe(v.string(), v.maxLength(max))
const nullableText = (max: number) => v.optional(v.nullable(text(max)))

const EventPatch = v.object({
  title: v.optional(text(200)),
  titleFi: nullableText(200),
  titleSv: nullableText(200),
  municipalities: v.optional(v.pipe(v.array(text(100)), v.maxLength(40))),
  startsAt: v.optional(text(40)),
  endsAt: v.optional(v.nullable(text(40))),
  place: nullableText(200),
  remoteUrl: nullableText(2000),
  language: v.optional(v.picklist(LANGUAGES)),
  preAssignment: nullableText(1000),
  municipalityGroupId: v.optional(v.nullable(text(64))),
})

const GroupBody = v.object({
  name: v.optional(text(100)),
  nameFi: nullableText(100),
  nameSv: nullableText(100),
  description: v.optional(text(500)),
  descriptionFi: nullableText(500),
  descriptionSv: nullableText(500),
  facilitators: v.optional(v.pipe(v.array(text(100)), v.maxLength(10))),
})

const AgendaBody = v.object({
  title: v.optional(text(300)),
  titleFi: nullableText(300),
  titleSv: nullableText(300),
  kind: v.optional(v.picklist(AGENDA_KINDS)),
  startTime: v.optional(v.nullable(text(5))),
  presenter: nullableText(200),
  parentId: v.optional(v.nullable(text(40))),
  index: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(1000))),
})

const MoveBody = v.object({
  index: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(1000)),
})
const ChangeGroupBody = v.object({ groupId: text(64) })

/** `/api/events/{id}/…`: the organiser's console commands and the participant's own moves. */
export function organiserRoutes(ctx: ServerContext) {
  const app = new Hono()

  app.get('/:id', async (c) => {
    const caller = await authorise(ctx, c, c.req.param('id'), 'event.manage')
    const row = await findEvent(ctx.db, caller.holder.eventId)
    const doc = await readEventDoc(ctx, caller.holder.eventId, (d) => ({
      meta: readMeta(d),
      groups: readGroups(d),
      agenda: agenda.numbered(readAgenda(d)).map((r) => ({ ...r.item, label: r.label })),
    }))
    if (!row || !doc.meta) throw notFound('event')
    return c.json({
      ...doc.meta,
      joinCode: row.join_code,
      municipalityGroupId: row.municipality_group_id,
      // The partnership group (series) it is a meeting of, if any (`/api/series...` files it).
      seriesId: row.series_id ?? null,
      groups: doc.groups,
      agenda: doc.agenda,
    })
  })

  app.patch('/:id', validate('json', EventPatch), async (c) => {
    const caller = await authorise(ctx, c, c.req.param('id'), 'event.manage')
    const { municipalityGroupId, ...patch } = c.req.valid('json')
    // The municipality group is the county's filing, not part of the minutes: it may change
    // after they lock, so a patch of it alone leaves the event document alone. It is checked
    // first and written last: a refused patch changes nothing.
    if (municipalityGroupId) await requireMunicipalityGroup(ctx.db, municipalityGroupId)
    const meta =
      Object.keys(patch).length === 0 && municipalityGroupId !== undefined
        ? await readEventDoc(ctx, caller.holder.eventId, readMeta)
        : await changeEventDoc(ctx, caller, 'event.edit', null, (doc) => event.edit(doc, patch))
    if (!meta) throw notFound('event')
    if (municipalityGroupId !== undefined) {
      await setEventMunicipalityGroup(ctx, caller, municipalityGroupId)
    }
    await updateEventSummary(ctx.db, meta.id, meta.title, meta.startsAt)
    const row = await findEvent(ctx.db, meta.id)
    return c.json({ ...meta, municipalityGroupId: row?.municipality_group_id ?? null })
  })

  app.delete('/:id', async (c) => {
    const caller = await authorise(ctx, c, c.req.param('id'), 'event.lifecycle')
    await deleteEvent(ctx, caller.holder.eventId)
    ctx.log.info({ eventId: caller.holder.eventId, by: caller.actorRole }, 'event deleted')
    return c.body(null, 204)
  })

  app.get('/:id/export', async (c) => {
    const caller = await authorise(ctx, c, c.req.param('id'), 'event.lifecycle')
    c.header('Content-Disposition', `attachment; filename="hytepaja-${caller.holder.eventId}.json"`)
    return c.json(await exportEvent(ctx, caller))
  })

  app.get('/:id/links', async (c) => {
    const caller = await authorise(ctx, c, c.req.param('id'), 'event.manage')
    const row = await findEvent(ctx.db, caller.holder.eventId)
    return c.json({ joinCode: row?.join_code, ...(await eventLinks(ctx, caller.holder.eventId)) })
  })

  app.post('/:id/join/rotate', async (c) => {
    const caller = await authorise(ctx, c, c.req.param('id'), 'event.manage')
    await rotateJoin(ctx, caller)
    const row = await findEvent(ctx.db, caller.holder.eventId)
    return c.json({ joinCode: row?.join_code, ...(await eventLinks(ctx, caller.holder.eventId)) })
  })

  app.get('/:id/audit', async (c) => {
    const caller = await authorise(ctx, c, c.req.param('id'), 'event.manage')
    return c.json({ audit: await listAudit(ctx.db, caller.holder.eventId) })
  })

  app.post('/:id/groups', validate('json', GroupBody), async (c) => {
    const caller = await authorise(ctx, c, c.req.param('id'), 'event.manage')
    const body = c.req.valid('json')
    return c.json(await addGroup(ctx, caller, { ...body, name: body.name ?? '' }), 201)
  })

  app.patch('/:id/groups/:groupId', validate('json', GroupBody), async (c) => {
    const caller = await authorise(ctx, c, c.req.param('id'), 'event.manage')
    const groupId = c.req.param('groupId')
    await changeEventDoc(ctx, caller, 'group.update', groupId, (doc) =>
      groups.update(doc, groupId, c.req.valid('json')),
    )
    const updated = await readEventDoc(ctx, caller.holder.eventId, readGroups)
    // Each named facilitator has a link of their own: a new name gets one, a removed one loses it.
    const names = updated.find((g) => g.id === groupId)?.facilitators
    if (c.req.valid('json').facilitators !== undefined && names)
      await followNamedFacilitators(ctx, caller.holder.eventId, groupId, names)
    return c.json({ groups: updated })
  })

  app.post('/:id/groups/:groupId/move', validate('json', MoveBody), async (c) => {
    const caller = await authorise(ctx, c, c.req.param('id'), 'event.manage')
    const groupId = c.req.param('groupId')
    await changeEventDoc(ctx, caller, 'group.move', groupId, (doc) =>
      groups.move(doc, groupId, c.req.valid('json').index),
    )
    return c.json({ groups: await readEventDoc(ctx, caller.holder.eventId, readGroups) })
  })

  app.delete('/:id/groups/:groupId', async (c) => {
    const caller = await authorise(ctx, c, c.req.param('id'), 'event.manage')
    await removeGroup(ctx, caller, c.req.param('groupId'))
    return c.body(null, 204)
  })

  const agendaRows = (eventId: string) =>
    readEventDoc(ctx, eventId, (d) =>
      agenda.numbered(readAgenda(d)).map((r) => ({ ...r.item, label: r.label })),
    )

  app.post('/:id/agenda', validate('json', AgendaBody), async (c) => {
    const caller = await authorise(ctx, c, c.req.param('id'), 'event.manage')
    const body = c.req.valid('json')
    const id = await changeEventDoc(ctx, caller, 'agenda.add', null, (doc) =>
      agenda.add(doc, { ...body, title: body.title ?? '' }),
    )
    return c.json({ id, agenda: await agendaRows(caller.holder.eventId) }, 201)
  })

  app.patch('/:id/agenda/:itemId', validate('json', AgendaBody), async (c) => {
    const caller = await authorise(ctx, c, c.req.param('id'), 'event.manage')
    const itemId = c.req.param('itemId')
    const { parentId: _parent, index: _index, ...patch } = c.req.valid('json')
    await changeEventDoc(ctx, caller, 'agenda.update', itemId, (doc) =>
      agenda.update(doc, itemId, patch),
    )
    return c.json({ agenda: await agendaRows(caller.holder.eventId) })
  })

  app.post('/:id/agenda/:itemId/move', validate('json', MoveBody), async (c) => {
    const caller = await authorise(ctx, c, c.req.param('id'), 'event.manage')
    const itemId = c.req.param('itemId')
    await changeEventDoc(ctx, caller, 'agenda.move', itemId, (doc) =>
      agenda.move(doc, itemId, c.req.valid('json').index),
    )
    return c.json({ agenda: await agendaRows(caller.holder.eventId) })
  })

  app.delete('/:id/agenda/:itemId', async (c) => {
    const caller = await authorise(ctx, c, c.req.param('id'), 'event.manage')
    const itemId = c.req.param('itemId')
    await changeEventDoc(ctx, caller, 'agenda.remove', itemId, (doc) => agenda.remove(doc, itemId))
    return c.json({ agenda: await agendaRows(caller.holder.eventId) })
  })

  app.get('/:id/participants', async (c) => {
    const caller = await authorise(ctx, c, c.req.param('id'), 'event.manage')
    const rows = await listParticipants(ctx.db, caller.holder.eventId)
    return c.json({
      // Participants whose personal data the retention run erased are no longer people here.
      participants: rows
        .filter((p) => p.display_name !== '')
        .map((p) => ({
          id: p.id,
          displayName: p.display_name,
          organisation: p.organisation,
          groupId: p.group_id,
          joinedAt: p.created_at,
          removed: p.revoked_at !== null,
        })),
    })
  })

  // Suggestions for an action's responsible parties (vastuutahot): who takes part. Only for
  // those who write proposals: the join and viewer links are handed around the hall.
  app.get('/:id/organisations', async (c) => {
    const caller = await callerOf(ctx, c, c.req.param('id'))
    requireCommand(caller, 'proposal.write', caller.holder.groupId ?? undefined)
    const rows = await listParticipants(ctx.db, caller.holder.eventId)
    const names = rows
      .filter((p) => p.revoked_at === null && p.organisation)
      .map((p) => p.organisation as string)
    return c.json({ organisations: [...new Set(names)].sort((a, b) => a.localeCompare(b, 'fi')) })
  })

  app.patch('/:id/participants/:participantId', validate('json', ChangeGroupBody), async (c) => {
    const caller = await authorise(ctx, c, c.req.param('id'), 'event.manage')
    await moveParticipant(ctx, caller, c.req.param('participantId'), c.req.valid('json').groupId)
    return c.json({ groupId: c.req.valid('json').groupId })
  })

  app.delete('/:id/participants/:participantId', async (c) => {
    const caller = await authorise(ctx, c, c.req.param('id'), 'event.manage')
    await revokeParticipant(ctx, caller, c.req.param('participantId'))
    return c.body(null, 204)
  })

  app.post('/:id/participants/me/group', validate('json', ChangeGroupBody), async (c) => {
    const caller = await authorise(ctx, c, c.req.param('id'), 'participant.changeGroup')
    const groupId = c.req.valid('json').groupId
    await changeGroup(ctx, caller, groupId)
    return c.json({ groupId })
  })

  return app
}
