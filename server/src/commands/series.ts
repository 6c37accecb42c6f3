import { readFollowUpItem } from '@hytepaja/shared/doc/followUpItem'
import { readAgenda, readGroups, readMeta } from '@hytepaja/shared/doc/schema/event'
import { ConflictError, NotFoundError } from '@hytepaja/shared/domain/errors'
import type { ActionView } from '@hytepaja/shared/followUp/actionViews'
import { isOpen } from '@hytepaja/shared/followUp/reports'
import { newId } from '@hytepaja/shared/ids'
import { dateFormatter } from '@hytepaja/shared/minutes/dates'
import {
  agendaForNextMeeting,
  type CleanSeries,
  cleanSeries,
  MAX_MEETINGS,
  MAX_SERIES,
  nextMeetingStart,
  type SeriesInput,
} from '@hytepaja/shared/series/series'
import type { ServerContext } from '../context.js'
import type { Caller } from '../http/caller.js'
import { listEvents } from '../store/events.js'
import { recordRegisterAudit } from '../store/registerAudit.js'
import {
  countSeries,
  deleteSeries,
  findSeries,
  insertSeries,
  listSeries,
  type SeriesRow,
  seriesMembers,
  setEventSeries,
  updateSeries,
  writeSeriesMembers,
} from '../store/series.js'
import type { SqlDb } from '../store/sql.js'
import { allActionViews } from './actionViews.js'
import { readEventDoc } from './change.js'
import { createEvent } from './events.js'
import { acceptFollowUpItem } from './followUpItem.js'
import { requireMunicipalityGroup } from './municipalityGroups.js'
import { organisationForName, type RegisterActor, registerSnapshot } from './register.js'

/** Partnership groups: a series of meetings (events) of the same municipalities and members. */

export interface SeriesView {
  id: string
  name: string
  cadence: number
  themes: string[]
  municipalityGroupId: string | null
  municipalities: Array<{ id: string; name: string }>
  members: Array<{ id: string; name: string; kind: string }>
  meetings: number
  lastMeetingAt: string | null
  /** When the next meeting would be by the cadence (what "new meeting" takes by default). */
  nextMeetingAt: string
}

export interface SeriesMeeting {
  id: string
  title: string
  startsAt: string
  minutes: { state: 'draft' | 'locked'; version: number } | null
}

async function seriesViews(ctx: ServerContext): Promise<SeriesView[]> {
  const [rows, members, register, events] = await Promise.all([
    listSeries(ctx.db),
    seriesMembers(ctx.db),
    registerSnapshot(ctx.db),
    listEvents(ctx.db),
  ])
  const now = new Date(ctx.clock.now())
  return rows.map((row) => {
    const named = (kind: 'municipality' | 'member') => {
      const seen = new Set<string>()
      const out: Array<{ id: string; name: string; kind: string }> = []
      for (const m of members.filter((m) => m.series_id === row.id && m.kind === kind)) {
        const org = register.canonical(m.organisation_id)
        if (!org || seen.has(org.id)) continue
        seen.add(org.id)
        out.push({ id: org.id, name: org.name, kind: org.kind })
      }
      return out
    }
    const meetings = events
      .filter((e) => e.series_id === row.id)
      .sort((a, b) => Date.parse(a.starts_at) - Date.parse(b.starts_at))
    const last = meetings.at(-1)?.starts_at ?? null
    return {
      id: row.id,
      name: row.name,
      cadence: Number(row.cadence),
      themes: JSON.parse(row.themes) as string[],
      municipalityGroupId: row.municipality_group_id,
      municipalities: named('municipality').map(({ id, name }) => ({ id, name })),
      members: named('member'),
      meetings: meetings.length,
      lastMeetingAt: last,
      nextMeetingAt: nextMeetingStart(last, Number(row.cadence), now),
    }
  })
}

export function listSeriesViews(ctx: ServerContext) {
  return seriesViews(ctx)
}

export async function seriesView(ctx: ServerContext, id: string): Promise<SeriesView> {
  const view = (await seriesViews(ctx)).find((s) => s.id === id)
  if (!view) throw new NotFoundError('series.notFound', 'no such series')
  return view
}

async function organisationIds(db: SqlDb, names: string[], municipalities: boolean) {
  const ids: string[] = []
  for (const name of names) {
    const row = await organisationForName(
      db,
      name,
      'organiser',
      municipalities ? { kind: 'municipality' } : {},
    )
    if (row && !ids.includes(row.id)) ids.push(row.id)
  }
  return ids
}

async function writeClean(db: SqlDb, id: string, clean: CleanSeries) {
  if (clean.municipalities !== undefined)
    await writeSeriesMembers(
      db,
      id,
      'municipality',
      await organisationIds(db, clean.municipalities, true),
    )
  if (clean.members !== undefined)
    await writeSeriesMembers(db, id, 'member', await organisationIds(db, clean.members, false))
}

function audit(ctx: ServerContext, actor: RegisterActor, action: string, target: string) {
  return recordRegisterAudit(ctx.db, { actorRole: actor.role, actorId: actor.id, action, target })
}

export async function createSeries(
  ctx: ServerContext,
  actor: RegisterActor,
  input: SeriesInput,
): Promise<SeriesView> {
  const clean = cleanSeries(input)
  if (clean.municipalityGroupId) await requireMunicipalityGroup(ctx.db, clean.municipalityGroupId)
  if ((await countSeries(ctx.db)) >= MAX_SERIES)
    throw new ConflictError('series.tooMany', `at most ${MAX_SERIES} series`)
  const id = newId(10)
  const now = ctx.clock.now()
  await ctx.db.transaction(async (tx) => {
    await insertSeries(tx, {
      id,
      name: clean.name as string,
      cadence: clean.cadence as number,
      themes: JSON.stringify(clean.themes ?? []),
      municipality_group_id: clean.municipalityGroupId ?? null,
      created_at: now,
      updated_at: now,
    })
    await writeClean(tx, id, clean)
  })
  await audit(ctx, actor, 'series.create', id)
  return seriesView(ctx, id)
}

async function requireSeries(db: SqlDb, id: string): Promise<SeriesRow> {
  const row = await findSeries(db, id)
  if (!row) throw new NotFoundError('series.notFound', 'no such series')
  return row
}

export async function editSeries(
  ctx: ServerContext,
  actor: RegisterActor,
  id: string,
  input: SeriesInput,
): Promise<SeriesView> {
  const clean = cleanSeries(input, { partial: true })
  await requireSeries(ctx.db, id)
  if (clean.municipalityGroupId) await requireMunicipalityGroup(ctx.db, clean.municipalityGroupId)
  await ctx.db.transaction(async (tx) => {
    await updateSeries(
      tx,
      id,
      {
        name: clean.name,
        cadence: clean.cadence,
        themes: clean.themes && JSON.stringify(clean.themes),
        municipality_group_id: clean.municipalityGroupId,
      },
      ctx.clock.now(),
    )
    await writeClean(tx, id, clean)
  })
  await audit(ctx, actor, 'series.edit', id)
  return seriesView(ctx, id)
}

/** Deletes a series no meeting belongs to (409 `series.inUse`: detach or delete them first). */
export async function removeSeries(ctx: ServerContext, actor: RegisterActor, id: string) {
  const view = await seriesView(ctx, id)
  if (view.meetings > 0) throw new ConflictError('series.inUse', 'meetings belong to this series')
  await deleteSeries(ctx.db, id)
  await audit(ctx, actor, 'series.delete', id)
}

/** The series' page: its meetings with their minutes' state, and its open actions. */
export async function seriesPage(ctx: ServerContext, id: string) {
  const series = await seriesView(ctx, id)
  const [events, { views }] = await Promise.all([listEvents(ctx.db), allActionViews(ctx)])
  const meetings: SeriesMeeting[] = events
    .filter((e) => e.series_id === id)
    .sort((a, b) => Date.parse(a.starts_at) - Date.parse(b.starts_at))
    .map((e) => ({
      id: e.id,
      title: e.title,
      startsAt: e.starts_at,
      minutes:
        e.minutes_state === null
          ? null
          : { state: e.minutes_state, version: Number(e.minutes_version ?? 1) },
    }))
  const ids = new Set(meetings.map((m) => m.id))
  const openActions: ActionView[] = views.filter((v) => ids.has(v.event.id) && isOpen(v.status))
  return { series, meetings, openActions }
}

/** Files an existing event as a meeting of the series (or takes it out with null). */
export async function attachMeeting(
  ctx: ServerContext,
  actor: RegisterActor,
  seriesId: string,
  eventId: string,
  attach: boolean,
) {
  const series = await seriesView(ctx, seriesId)
  const event = (await listEvents(ctx.db)).find((e) => e.id === eventId)
  if (!event) throw new NotFoundError('event.notFound', 'no such event')
  if (attach && event.series_id !== seriesId && series.meetings >= MAX_MEETINGS)
    throw new ConflictError('series.meetings.tooMany', `at most ${MAX_MEETINGS} meetings`)
  if (!attach && event.series_id !== seriesId)
    throw new NotFoundError('series.meeting.notFound', 'the event is not a meeting of this series')
  await setEventSeries(ctx.db, eventId, attach ? seriesId : null)
  await audit(ctx, actor, attach ? 'series.attach' : 'series.detach', `${seriesId}:${eventId}`)
}

export interface NextMeetingInput {
  title?: string
  startsAt?: string
  place?: string | null
}

/**
 * "New meeting in this series": the last meeting's groups (names, descriptions,
 * facilitators), agenda, remote link, place, language and municipalities, at the next date
 * by the cadence unless given; the first meeting takes the series' themes as its groups. The
 * earlier meetings' open actions go into its follow-up item.
 */
export async function newMeeting(
  ctx: ServerContext,
  actor: RegisterActor,
  seriesId: string,
  input: NextMeetingInput,
) {
  const series = await seriesView(ctx, seriesId)
  if (series.meetings >= MAX_MEETINGS)
    throw new ConflictError('series.meetings.tooMany', `at most ${MAX_MEETINGS} meetings`)
  const meetings = (await listEvents(ctx.db))
    .filter((e) => e.series_id === seriesId)
    .sort((a, b) => Date.parse(a.starts_at) - Date.parse(b.starts_at))
  const last = meetings.at(-1)
  const previous = last
    ? await readEventDoc(ctx, last.id, (d) => ({
        meta: readMeta(d),
        groups: readGroups(d).sort((a, b) => a.order - b.order),
        agenda: readAgenda(d),
        followUpItemId: readFollowUpItem(d)?.agendaItemId ?? null,
      }))
    : null
  const meta = previous?.meta ?? null
  const startsAt = input.startsAt ?? series.nextMeetingAt
  // "Keskinen kumppanuusryhmä 23.1.2027": the day on Finnish clocks, as the meeting is held.
  const title = input.title ?? `${series.name} ${dateFormatter('fi').shortDate(new Date(startsAt))}`
  const groups = previous?.groups.length
    ? previous.groups.map((g) => ({
        name: g.name,
        description: g.description,
        facilitators: g.facilitators,
        nameFi: g.nameFi ?? null,
        nameSv: g.nameSv ?? null,
        descriptionFi: g.descriptionFi ?? null,
        descriptionSv: g.descriptionSv ?? null,
      }))
    : series.themes.length
      ? series.themes.map((name) => ({ name }))
      : undefined
  const created = await createEvent(
    ctx,
    {
      title,
      municipalities: meta?.municipalities ?? series.municipalities.map((m) => m.name),
      startsAt,
      place: input.place !== undefined ? input.place : (meta?.place ?? null),
      remoteUrl: meta?.remoteUrl ?? null,
      language: meta?.language ?? 'fi',
      ...(groups ? { groups } : {}),
      municipalityGroupId: last?.municipality_group_id ?? series.municipalityGroupId,
    },
    actor,
    ctx.clock.now(),
    {
      seriesId,
      ...(previous
        ? {
            agenda: (_language, made) =>
              agendaForNextMeeting(
                previous.agenda,
                made,
                new Set(previous.followUpItemId ? [previous.followUpItemId] : []),
              ),
          }
        : {}),
    },
  )
  await audit(ctx, actor, 'series.newMeeting', `${seriesId}:${created.id}`)
  // The open actions of the earlier meetings go on its agenda at once: the organiser may
  // still leave the item out. A series whose actions are all done has nothing to follow up.
  const caller: Caller = {
    holder: { eventId: created.id, role: 'organiser', groupId: null },
    session: null,
    actorId: actor.id,
    actorRole: actor.role,
  }
  const followUp = await acceptFollowUpItem(ctx, caller).catch((error: unknown) => {
    if (error instanceof ConflictError && error.code === 'followUpItem.nothing') return null
    throw error
  })
  return { ...created, seriesId, followUpItemId: followUp?.agendaItemId ?? null }
}
