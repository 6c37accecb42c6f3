import type { Organisation, OrganisationKind } from '@hytepaja/shared/register/organisations'
import { first, type SqlDb } from './sql.js'

/** Where an organisation entered the register. */
export type OrganisationOrigin = 'join' | 'organiser' | 'action' | 'municipalityGroup'

export interface OrganisationRow {
  id: string
  name: string
  name_key: string
  kind: OrganisationKind
  merged_into: string | null
  origin: OrganisationOrigin
  created_at: number
  updated_at: number
}

export function asOrganisation(row: OrganisationRow): Organisation {
  return { id: row.id, name: row.name, kind: row.kind, mergedInto: row.merged_into }
}

/**
 * Inserts an organisation unless its name key is taken (two people joining with the same new
 * name at once); answers the row that holds the key either way.
 */
export async function insertOrganisation(
  db: SqlDb,
  row: OrganisationRow,
): Promise<OrganisationRow> {
  await db.run(
    `INSERT INTO organisation (id, name, name_key, kind, merged_into, origin, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (name_key) DO NOTHING`,
    [
      row.id,
      row.name,
      row.name_key,
      row.kind,
      row.merged_into,
      row.origin,
      row.created_at,
      row.updated_at,
    ],
  )
  return (await findOrganisationByKey(db, row.name_key)) as OrganisationRow
}

export function findOrganisation(db: SqlDb, id: string) {
  return first<OrganisationRow>(db, 'SELECT * FROM organisation WHERE id = ?', [id])
}

export function findOrganisationByKey(db: SqlDb, key: string) {
  return first<OrganisationRow>(db, 'SELECT * FROM organisation WHERE name_key = ?', [key])
}

export function listOrganisations(db: SqlDb) {
  return db.all<OrganisationRow>('SELECT * FROM organisation ORDER BY name, id')
}

export function updateOrganisation(
  db: SqlDb,
  id: string,
  fields: { name: string; name_key: string; kind: OrganisationKind },
  now = Date.now(),
) {
  return db.run(
    'UPDATE organisation SET name = ?, name_key = ?, kind = ?, updated_at = ? WHERE id = ?',
    [fields.name, fields.name_key, fields.kind, now, id],
  )
}

export function setMergedInto(db: SqlDb, id: string, into: string | null, now = Date.now()) {
  return db.run('UPDATE organisation SET merged_into = ?, updated_at = ? WHERE id = ?', [
    into,
    now,
    id,
  ])
}

export interface MergeRow {
  id: string
  source_id: string
  target_id: string
  merged_at: number
  merged_by: string
  undone_at: number | null
  undone_by: string | null
}

export function insertMerge(db: SqlDb, row: Omit<MergeRow, 'undone_at' | 'undone_by'>) {
  return db.run(
    'INSERT INTO organisation_merge (id, source_id, target_id, merged_at, merged_by) VALUES (?, ?, ?, ?, ?)',
    [row.id, row.source_id, row.target_id, row.merged_at, row.merged_by],
  )
}

export function findMerge(db: SqlDb, id: string) {
  return first<MergeRow>(db, 'SELECT * FROM organisation_merge WHERE id = ?', [id])
}

export function listMerges(db: SqlDb) {
  return db.all<MergeRow>('SELECT * FROM organisation_merge ORDER BY merged_at DESC, id')
}

export function markMergeUndone(db: SqlDb, id: string, by: string, now = Date.now()) {
  return db.run(
    'UPDATE organisation_merge SET undone_at = ?, undone_by = ? WHERE id = ? AND undone_at IS NULL',
    [now, by, id],
  )
}

/** How many participants named each organisation (by the id they were linked to). */
export async function participantCounts(db: SqlDb): Promise<Map<string, number>> {
  const rows = await db.all<{ organisation_id: string; n: number }>(
    `SELECT organisation_id, COUNT(*) AS n FROM participant
     WHERE organisation_id IS NOT NULL AND revoked_at IS NULL GROUP BY organisation_id`,
  )
  return new Map(rows.map((r) => [r.organisation_id, Number(r.n)]))
}
