import { eventDocName } from '@hytepaja/shared/doc/names'
import type { AgendaItem, Group, Language, Translated } from '@hytepaja/shared/doc/schema/event'
import * as agenda from '@hytepaja/shared/domain/agenda'
import { cleanTranslations } from '@hytepaja/shared/domain/bilingual'
import { DomainError } from '@hytepaja/shared/domain/errors'
import * as event from '@hytepaja/shared/domain/event'
import { defaultThemes } from '@hytepaja/shared/domain/groups'
import type { Role } from '@hytepaja/shared/domain/roles'
import { newId } from '@hytepaja/shared/ids'
import { deriveToken, hashToken, newJoinCode, newNonce } from '../auth/tokens.js'
import type { ServerContext } from '../context.js'
import type { Caller } from '../http/caller.js'
import { roleLink } from '../http/links.js'
import { recordAudit } from '../store/audit.js'
import { findEventByCode, insertEvent, setMunicipalityGroup } from '../store/events.js'
import type { SqlDb } from '../store/sql.js'
import { insertToken, roleTokens } from '../store/tokens.js'
import { audit } from './change.js'
import {
  type FacilitatorSeatLink,
  facilitatorSeatLinks,
  followNamedFacilitators,
} from './facilitatorSeats.js'
import { municipalityGroupViews, requireMunicipalityGroup } from './municipalityGroups.js'

export interface CreateEventInput extends Translated<'title'> {
  title: string
  municipalities: string[]
  startsAt: string
  endsAt?: string | null
  place?: string | null
  remoteUrl?: string | null
  language?: Language
  groups?: Array<
    { name: string; description?: string; facilitators?: string[] } & Translated<
      'name' | 'description'
    >
  >
  /** The municipality group (kuntaryhmä) the event belongs to; its municipalities fill an empty list. */
  municipalityGroupId?: string | null
}

/** What only the server's own commands set when they make an event (a series' next meeting). */
export interface CreateEventOptions {
  seriesId?: string | null
  /** The agenda for the groups made (default: the template). */
  agenda?: (language: Language, groups: Group[]) => AgendaItem[]
}

export interface RoleLinks<T> {
  organiser: T
  chair: T
  viewer: T
  join: T
  facilitators: Record<string, T>
}

export interface CreatedEvent {
  id: string
  joinCode: string
  groups: Array<{ id: string; name: string } & Translated<'name'>>
  tokens: RoleLinks<string>
  links: RoleLinks<string>
  /** Per group, a link of its own for each facilitator the organiser named. */
  facilitatorSeats: Record<string, FacilitatorSeatLink[]>
}

const SHARED_ROLES = ['organiser', 'chair', 'viewer', 'join'] as const

/** A join code no existing event uses. */
export async function uniqueJoinCode(db: SqlDb): Promise<string> {
  for (;;) {
    const code = newJoinCode()
    if (!(await findEventByCode(db, code))) return code
  }
}

/** Creates an event: its record, one link per role and group, and its event document. */
export async function createEvent(
  ctx: ServerContext,
  input: CreateEventInput,
  actor: { role: string; id: string },
  now = Date.now(),
  options: CreateEventOptions = {},
): Promise<CreatedEvent> {
  const id = newId(12)
  const language = input.language ?? 'fi'
  const municipalityGroupId = input.municipalityGroupId ?? null
  let municipalities = input.municipalities
  if (municipalityGroupId !== null) {
    const group = (await municipalityGroupViews(ctx.db)).find((g) => g.id === municipalityGroupId)
    if (!group)
      throw new DomainError('event.municipalityGroup.unknown', 'no such municipality group')
    if (municipalities.length === 0) municipalities = group.municipalities.map((m) => m.name)
  }
  const themes: NonNullable<CreateEventInput['groups']> = input.groups ?? defaultThemes(language)
  // The versions in Finnish and Swedish, checked like the texts themselves (400 before
  // anything is stored).
  const titles = cleanTranslations(input, 'title', 'event.title', 200, language)
  const groups: Group[] = themes.map((theme, order) => ({
    id: newId(8),
    name: theme.name,
    description: theme.description ?? '',
    ...cleanTranslations(theme, 'name', 'group.name', 100, language),
    ...cleanTranslations(theme, 'description', 'group.description', 500, language),
    facilitators: theme.facilitators ?? [],
    order,
  }))
  const tokenRows = [
    ...SHARED_ROLES.map((role) => ({ role: role as Role, groupId: null as string | null })),
    ...groups.map((g) => ({ role: 'facilitator' as Role, groupId: g.id })),
  ].map((r) => ({ ...r, nonce: newNonce() }))

  const joinCode = await ctx.db.transaction(async (tx) => {
    const code = await uniqueJoinCode(tx)
    await insertEvent(tx, {
      id,
      join_code: code,
      title: input.title,
      starts_at: input.startsAt,
      created_at: now,
      municipality_group_id: municipalityGroupId,
      series_id: options.seriesId ?? null,
    })
    for (const r of tokenRows) {
      await insertToken(tx, {
        hash: hashToken(deriveToken(ctx.secrets.linkSecret, r.nonce)),
        event_id: id,
        role: r.role,
        group_id: r.groupId,
        participant_id: null,
        nonce: r.nonce,
        created_at: now,
      })
    }
    await recordAudit(
      tx,
      { eventId: id, actorRole: actor.role, actorId: actor.id, action: 'event.create', target: id },
      now,
    )
    return code
  })

  const name = eventDocName(id)
  await ctx.rooms.withDoc(name, (room) =>
    event.initialise(
      room.doc,
      {
        id,
        title: input.title,
        municipalities,
        startsAt: input.startsAt,
        endsAt: input.endsAt ?? null,
        place: input.place ?? null,
        remoteUrl: input.remoteUrl ?? null,
        language,
        preAssignment: null,
        titleFi: titles.titleFi ?? null,
        titleSv: titles.titleSv ?? null,
      },
      groups,
      options.agenda
        ? options.agenda(language, groups)
        : agenda.templateAgenda(language, groups, {
            startsAt: input.startsAt,
            endsAt: input.endsAt ?? null,
          }),
    ),
  )
  await ctx.docs.flush(name)
  for (const g of groups) await followNamedFacilitators(ctx, id, g.id, g.facilitators, now)
  const { tokens, links, facilitatorSeats } = await eventLinks(ctx, id)
  return {
    id,
    joinCode,
    groups: groups.map((g) => ({ id: g.id, name: g.name, nameFi: g.nameFi, nameSv: g.nameSv })),
    tokens,
    links,
    facilitatorSeats,
  }
}

/** Files an event under a municipality group (or none); 400 for a group that does not exist. */
export async function setEventMunicipalityGroup(
  ctx: ServerContext,
  caller: Caller,
  municipalityGroupId: string | null,
) {
  if (municipalityGroupId !== null) await requireMunicipalityGroup(ctx.db, municipalityGroupId)
  await setMunicipalityGroup(ctx.db, caller.holder.eventId, municipalityGroupId)
  await audit(ctx, caller, 'event.municipalityGroup', municipalityGroupId)
}

/** Re-derives the live role links of an event (for the console and the creation answer). */
export async function eventLinks(ctx: ServerContext, eventId: string) {
  const rows = await roleTokens(ctx.db, eventId)
  const tokens: RoleLinks<string> = {
    organiser: '',
    chair: '',
    viewer: '',
    join: '',
    facilitators: {},
  }
  const links: RoleLinks<string> = {
    organiser: '',
    chair: '',
    viewer: '',
    join: '',
    facilitators: {},
  }
  for (const row of rows) {
    const token = deriveToken(ctx.secrets.linkSecret, row.nonce as string)
    // A named facilitator's own link is listed with their seat, not as the group's link.
    if (row.facilitator_id) continue
    const link = roleLink(ctx.config.publicUrl, eventId, row.role, token, row.group_id ?? undefined)
    if (row.role === 'facilitator' && row.group_id) {
      tokens.facilitators[row.group_id] = token
      links.facilitators[row.group_id] = link
    } else if ((SHARED_ROLES as readonly string[]).includes(row.role)) {
      tokens[row.role as (typeof SHARED_ROLES)[number]] = token
      links[row.role as (typeof SHARED_ROLES)[number]] = link
    }
  }
  const seats = await facilitatorSeatLinks(ctx, eventId)
  return {
    tokens,
    links,
    facilitatorSeats: seats.named,
    facilitatorSelfSeats: seats.selfNamed,
  }
}
