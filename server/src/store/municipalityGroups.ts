import { first, type SqlDb } from './sql.js'

export interface MunicipalityGroupRow {
  id: string
  name: string
  created_at: number
  updated_at: number
}

export interface MemberRow {
  group_id: string
  organisation_id: string
  position: number
}

export function insertMunicipalityGroup(db: SqlDb, row: MunicipalityGroupRow) {
  return db.run(
    'INSERT INTO municipality_group (id, name, created_at, updated_at) VALUES (?, ?, ?, ?)',
    [row.id, row.name, row.created_at, row.updated_at],
  )
}

export function findMunicipalityGroup(db: SqlDb, id: string) {
  return first<MunicipalityGroupRow>(db, 'SELECT * FROM municipality_group WHERE id = ?', [id])
}

export function listMunicipalityGroups(db: SqlDb) {
  return db.all<MunicipalityGroupRow>('SELECT * FROM municipality_group ORDER BY name, id')
}

export async function countMunicipalityGroups(db: SqlDb): Promise<number> {
  const row = await first<{ n: number }>(db, 'SELECT COUNT(*) AS n FROM municipality_group')
  return Number(row?.n ?? 0)
}

export function renameMunicipalityGroup(db: SqlDb, id: string, name: string, now = Date.now()) {
  return db.run('UPDATE municipality_group SET name = ?, updated_at = ? WHERE id = ?', [
    name,
    now,
    id,
  ])
}

export function deleteMunicipalityGroup(db: SqlDb, id: string) {
  return db.run('DELETE FROM municipality_group WHERE id = ?', [id])
}

/** Every group's members, in their order. */
export function listMembers(db: SqlDb) {
  return db.all<MemberRow>('SELECT * FROM municipality_group_member ORDER BY group_id, position')
}

/** Replaces a group's members with `organisationIds`, in that order. */
export async function writeMembers(db: SqlDb, groupId: string, organisationIds: string[]) {
  await db.run('DELETE FROM municipality_group_member WHERE group_id = ?', [groupId])
  for (const [position, organisationId] of organisationIds.entries()) {
    await db.run(
      'INSERT INTO municipality_group_member (group_id, organisation_id, position) VALUES (?, ?, ?)',
      [groupId, organisationId, position],
    )
  }
}

/** How many events belong to each group. */
export async function eventCounts(db: SqlDb): Promise<Map<string, number>> {
  const rows = await db.all<{ municipality_group_id: string; n: number }>(
    `SELECT municipality_group_id, COUNT(*) AS n FROM event
     WHERE municipality_group_id IS NOT NULL GROUP BY municipality_group_id`,
  )
  return new Map(rows.map((r) => [r.municipality_group_id, Number(r.n)]))
}
