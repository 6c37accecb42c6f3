import { ConflictError, DomainError, NotFoundError } from '@hytepaja/shared/domain/errors'
import { newId } from '@hytepaja/shared/ids'
import {
  canonicalId,
  cleanKind,
  cleanOrganisationName,
  guessKind,
  likelyDuplicates,
  nameKey,
  type Organisation,
  type OrganisationKind,
  suggest,
} from '@hytepaja/shared/register/organisations'
import type { ServerContext } from '../context.js'
import {
  asOrganisation,
  findMerge,
  findOrganisation,
  findOrganisationByKey,
  insertMerge,
  insertOrganisation,
  listMerges,
  listOrganisations,
  type MergeRow,
  markMergeUndone,
  type OrganisationOrigin,
  type OrganisationRow,
  participantCounts,
  setMergedInto,
  updateOrganisation,
} from '../store/organisations.js'
import { recordRegisterAudit } from '../store/registerAudit.js'
import type { SqlDb } from '../store/sql.js'

/**
 * The county's register of organisations: found or made from the names people type, edited
 * and merged by the organiser (the console key). A merge is reversible: references keep the
 * id they were made with and count as the organisation it was merged into while the merge
 * stands; undoing it lets them count as themselves again.
 */

/** Who changes the register: the console key (the county's organisers). */
export interface RegisterActor {
  role: string
  id: string
}

/** The whole register at one moment, with merges followed. */
export interface RegisterSnapshot {
  rows: OrganisationRow[]
  byId: Map<string, Organisation>
  /** The organisation an id counts as (itself unless merged). */
  canonical(id: string): Organisation | null
}

export async function registerSnapshot(db: SqlDb): Promise<RegisterSnapshot> {
  const rows = await listOrganisations(db)
  const byId = new Map(rows.map((r) => [r.id, asOrganisation(r)]))
  return { rows, byId, canonical: (id) => byId.get(canonicalId(byId, id)) ?? null }
}

/**
 * The register's entry for a typed name: the organisation of that name (merged or not), else
 * a new one of `kind` (default: guessed from the name). References keep this entry's id, so
 * they follow its merges both ways; `RegisterSnapshot.canonical` says what it counts as now.
 * Answers null for a name that is not a valid name after cleaning.
 */
export async function organisationForName(
  db: SqlDb,
  typed: string,
  origin: OrganisationOrigin,
  { kind, now = Date.now() }: { kind?: OrganisationKind; now?: number } = {},
): Promise<OrganisationRow | null> {
  let name: string
  try {
    name = cleanOrganisationName(typed)
  } catch {
    return null
  }
  const key = nameKey(name)
  if (!key) return null
  const known = await findOrganisationByKey(db, key)
  if (known) return known
  return insertOrganisation(db, {
    id: newId(12),
    name,
    name_key: key,
    kind: kind ?? guessKind(name),
    merged_into: null,
    origin,
    created_at: now,
    updated_at: now,
  })
}

export interface OrganisationView {
  id: string
  name: string
  kind: OrganisationKind
  origin: OrganisationOrigin
  mergedInto: string | null
  /** Names of organisations merged into this one (it is known by them too). */
  aliases: string[]
  /** Participants who named it (or a name merged into it). */
  participants: number
  createdAt: number
}

export async function listRegister(ctx: ServerContext): Promise<OrganisationView[]> {
  const snapshot = await registerSnapshot(ctx.db)
  const counts = await participantCounts(ctx.db)
  const aliases = new Map<string, string[]>()
  const people = new Map<string, number>()
  for (const row of snapshot.rows) {
    const target = snapshot.canonical(row.id)?.id ?? row.id
    if (target !== row.id) aliases.set(target, [...(aliases.get(target) ?? []), row.name])
    people.set(target, (people.get(target) ?? 0) + (counts.get(row.id) ?? 0))
  }
  return snapshot.rows.map((row) => ({
    id: row.id,
    name: row.name,
    kind: row.kind,
    origin: row.origin,
    mergedInto: row.merged_into,
    aliases: aliases.get(row.id) ?? [],
    participants: row.merged_into ? (counts.get(row.id) ?? 0) : (people.get(row.id) ?? 0),
    createdAt: Number(row.created_at),
  }))
}

function audit(ctx: ServerContext, actor: RegisterActor, action: string, target: string) {
  return recordRegisterAudit(ctx.db, {
    actorRole: actor.role,
    actorId: actor.id,
    action,
    target,
  })
}

async function existing(db: SqlDb, id: string): Promise<OrganisationRow> {
  const row = await findOrganisation(db, id)
  if (!row) throw new NotFoundError('organisation.notFound', 'no such organisation')
  return row
}

function taken(row: OrganisationRow): ConflictError {
  return new ConflictError(
    'organisation.exists',
    `the register has this name already (organisation ${row.id})`,
  )
}

export async function createOrganisation(
  ctx: ServerContext,
  actor: RegisterActor,
  input: { name?: unknown; kind?: unknown },
): Promise<OrganisationRow> {
  const name = cleanOrganisationName(input.name)
  const kind = input.kind === undefined ? guessKind(name) : cleanKind(input.kind)
  const key = nameKey(name)
  const known = await findOrganisationByKey(ctx.db, key)
  if (known) throw taken(known)
  const now = Date.now()
  const row = await insertOrganisation(ctx.db, {
    id: newId(12),
    name,
    name_key: key,
    kind,
    merged_into: null,
    origin: 'organiser',
    created_at: now,
    updated_at: now,
  })
  await audit(ctx, actor, 'organisation.create', row.id)
  return row
}

export async function editOrganisation(
  ctx: ServerContext,
  actor: RegisterActor,
  id: string,
  input: { name?: unknown; kind?: unknown },
): Promise<OrganisationRow> {
  const row = await existing(ctx.db, id)
  const name = input.name === undefined ? row.name : cleanOrganisationName(input.name)
  const kind = input.kind === undefined ? row.kind : cleanKind(input.kind)
  const key = nameKey(name)
  const holder = await findOrganisationByKey(ctx.db, key)
  if (holder && holder.id !== id) throw taken(holder)
  await updateOrganisation(ctx.db, id, { name, name_key: key, kind })
  await audit(ctx, actor, 'organisation.edit', id)
  return existing(ctx.db, id)
}

export interface MergeView {
  id: string
  sourceId: string
  targetId: string
  mergedAt: number
  mergedBy: string
  undoneAt: number | null
  undoneBy: string | null
}

export function mergeView(row: MergeRow): MergeView {
  return {
    id: row.id,
    sourceId: row.source_id,
    targetId: row.target_id,
    mergedAt: Number(row.merged_at),
    mergedBy: row.merged_by,
    undoneAt: row.undone_at === null ? null : Number(row.undone_at),
    undoneBy: row.undone_by,
  }
}

/**
 * Merges `sourceId` into `targetId`: the source's name becomes one the target is known by,
 * and everything that names the source counts as the target. Neither may be merged already
 * (merge into what it became instead); the merge is recorded and can be undone.
 */
export async function mergeOrganisations(
  ctx: ServerContext,
  actor: RegisterActor,
  sourceId: string,
  targetId: string,
): Promise<MergeView> {
  if (sourceId === targetId)
    throw new DomainError('organisation.merge.self', 'an organisation cannot merge into itself')
  const id = newId(12)
  const now = Date.now()
  await ctx.db.transaction(async (tx) => {
    const source = await existing(tx, sourceId)
    const target = await existing(tx, targetId)
    if (source.merged_into || target.merged_into)
      throw new ConflictError(
        'organisation.merged',
        'one of the two is merged already; merge into the organisation it became',
      )
    await setMergedInto(tx, sourceId, targetId, now)
    await insertMerge(tx, {
      id,
      source_id: sourceId,
      target_id: targetId,
      merged_at: now,
      merged_by: actor.role,
    })
  })
  await audit(ctx, actor, 'organisation.merge', id)
  return mergeView((await findMerge(ctx.db, id)) as MergeRow)
}

/** Undoes a merge that still stands: the source counts as itself again. */
export async function undoMerge(
  ctx: ServerContext,
  actor: RegisterActor,
  mergeId: string,
): Promise<MergeView> {
  await ctx.db.transaction(async (tx) => {
    const merge = await findMerge(tx, mergeId)
    if (!merge) throw new NotFoundError('merge.notFound', 'no such merge')
    if (merge.undone_at !== null) throw new ConflictError('merge.undone', 'undone already')
    const source = await existing(tx, merge.source_id)
    if (source.merged_into !== merge.target_id)
      throw new ConflictError('merge.superseded', 'the organisation was merged differently since')
    await setMergedInto(tx, merge.source_id, null)
    await markMergeUndone(tx, mergeId, actor.role)
  })
  await audit(ctx, actor, 'organisation.unmerge', mergeId)
  return mergeView((await findMerge(ctx.db, mergeId)) as MergeRow)
}

export async function merges(ctx: ServerContext): Promise<MergeView[]> {
  return (await listMerges(ctx.db)).map(mergeView)
}

/** Pairs the organiser may want to merge, most alike first. */
export async function duplicatePairs(ctx: ServerContext) {
  const { rows } = await registerSnapshot(ctx.db)
  return likelyDuplicates(rows.map(asOrganisation)).map((pair) => ({
    a: { id: pair.a.id, name: pair.a.name, kind: pair.a.kind },
    b: { id: pair.b.id, name: pair.b.name, kind: pair.b.kind },
    similarity: pair.similarity,
  }))
}

/** Names to suggest while a person types their organisation (never people, never counts). */
export async function suggestions(ctx: ServerContext, typed: string) {
  const { rows } = await registerSnapshot(ctx.db)
  return suggest(rows.map(asOrganisation), typed)
}
