import { ConflictError, DomainError, NotFoundError } from '@hytepaja/shared/domain/errors'
import { newId } from '@hytepaja/shared/ids'
import {
  cleanMunicipalityGroup,
  MAX_MUNICIPALITY_GROUPS,
  type MunicipalityGroupInput,
} from '@hytepaja/shared/register/municipalityGroups'
import type { ServerContext } from '../context.js'
import {
  countMunicipalityGroups,
  deleteMunicipalityGroup,
  eventCounts,
  findMunicipalityGroup,
  insertMunicipalityGroup,
  listMembers,
  listMunicipalityGroups,
  renameMunicipalityGroup,
  writeMembers,
} from '../store/municipalityGroups.js'
import { recordRegisterAudit } from '../store/registerAudit.js'
import type { SqlDb } from '../store/sql.js'
import { organisationForName, type RegisterActor, registerSnapshot } from './register.js'

/** A municipality group as the API shows it. */
export interface MunicipalityGroupView {
  id: string
  name: string
  /** Its municipalities as the register now names them (merges followed), in order. */
  municipalities: Array<{ id: string; name: string }>
  /** Events that belong to it. */
  events: number
}

/** Every group, or the one asked for, as they stand. */
export async function municipalityGroupViews(db: SqlDb): Promise<MunicipalityGroupView[]> {
  const [groups, members, counts, register] = await Promise.all([
    listMunicipalityGroups(db),
    listMembers(db),
    eventCounts(db),
    registerSnapshot(db),
  ])
  return groups.map((group) => {
    const seen = new Set<string>()
    const municipalities: Array<{ id: string; name: string }> = []
    for (const member of members.filter((m) => m.group_id === group.id)) {
      const org = register.canonical(member.organisation_id)
      if (!org || seen.has(org.id)) continue
      seen.add(org.id)
      municipalities.push({ id: org.id, name: org.name })
    }
    return { id: group.id, name: group.name, municipalities, events: counts.get(group.id) ?? 0 }
  })
}

export async function municipalityGroupView(db: SqlDb, id: string): Promise<MunicipalityGroupView> {
  const view = (await municipalityGroupViews(db)).find((g) => g.id === id)
  if (!view) throw new NotFoundError('municipalityGroup.notFound', 'no such municipality group')
  return view
}

/** The register's organisations for municipality names (made, as municipalities, if new). */
async function municipalityIds(db: SqlDb, names: string[]): Promise<string[]> {
  const ids: string[] = []
  for (const name of names) {
    const row = await organisationForName(db, name, 'municipalityGroup', { kind: 'municipality' })
    if (row && !ids.includes(row.id)) ids.push(row.id)
  }
  return ids
}

function audit(ctx: ServerContext, actor: RegisterActor, action: string, target: string) {
  return recordRegisterAudit(ctx.db, { actorRole: actor.role, actorId: actor.id, action, target })
}

export async function createMunicipalityGroup(
  ctx: ServerContext,
  actor: RegisterActor,
  input: MunicipalityGroupInput,
): Promise<MunicipalityGroupView> {
  const clean = cleanMunicipalityGroup(input)
  if ((await countMunicipalityGroups(ctx.db)) >= MAX_MUNICIPALITY_GROUPS)
    throw new ConflictError(
      'municipalityGroup.tooMany',
      `at most ${MAX_MUNICIPALITY_GROUPS} municipality groups`,
    )
  const id = newId(10)
  const now = Date.now()
  await ctx.db.transaction(async (tx) => {
    const members = await municipalityIds(tx, clean.municipalities ?? [])
    await insertMunicipalityGroup(tx, {
      id,
      name: clean.name as string,
      created_at: now,
      updated_at: now,
    })
    await writeMembers(tx, id, members)
  })
  await audit(ctx, actor, 'municipalityGroup.create', id)
  return municipalityGroupView(ctx.db, id)
}

export async function editMunicipalityGroup(
  ctx: ServerContext,
  actor: RegisterActor,
  id: string,
  input: MunicipalityGroupInput,
): Promise<MunicipalityGroupView> {
  const clean = cleanMunicipalityGroup(input, { partial: true })
  await ctx.db.transaction(async (tx) => {
    if (!(await findMunicipalityGroup(tx, id)))
      throw new NotFoundError('municipalityGroup.notFound', 'no such municipality group')
    if (clean.name !== undefined) await renameMunicipalityGroup(tx, id, clean.name)
    if (clean.municipalities !== undefined)
      await writeMembers(tx, id, await municipalityIds(tx, clean.municipalities))
  })
  await audit(ctx, actor, 'municipalityGroup.edit', id)
  return municipalityGroupView(ctx.db, id)
}

/** Deletes a group no event (or series) belongs to. */
export async function removeMunicipalityGroup(
  ctx: ServerContext,
  actor: RegisterActor,
  id: string,
): Promise<void> {
  const view = await municipalityGroupView(ctx.db, id)
  if (view.events > 0)
    throw new ConflictError('municipalityGroup.inUse', 'events belong to this group')
  await deleteMunicipalityGroup(ctx.db, id)
  await audit(ctx, actor, 'municipalityGroup.delete', id)
}

/** Checks that a group an event or a series names exists: 400 (bad input) when it does not. */
export async function requireMunicipalityGroup(db: SqlDb, id: string): Promise<void> {
  if (!(await findMunicipalityGroup(db, id)))
    throw new DomainError('event.municipalityGroup.unknown', 'no such municipality group')
}
