import { first, type SqlDb } from './sql.js'

export interface SeriesRow {
  id: string
  name: string
  cadence: number
  /** JSON array of theme names. */
  themes: string
  municipality_group_id: string | null
  created_at: number
  updated_at: number
}

export interface SeriesMemberRow {
  series_id: string
  organisation_id: string
  /** `municipality` or `member`. */
  kind: 'municipality' | 'member'
  position: number
}

export function insertSeries(db: SqlDb, row: SeriesRow) {
  return db.run(
    `INSERT INTO series (id, name, cadence, themes, municipality_group_id, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
    [
      row.id,
      row.name,
      row.cadence,
      row.themes,
      row.municipality_group_id,
      row.created_at,
      row.updated_at,
    ],
  )
}

export function updateSeries(
  db: SqlDb,
  id: string,
  fields: Partial<Pick<SeriesRow, 'name' | 'cadence' | 'themes' | 'municipality_group_id'>>,
  now = Date.now(),
) {
  const entries = Object.entries(fields).filter(([, value]) => value !== undefined)
  const sets = [...entries.map(([key]) => `${key} = ?`), 'updated_at = ?']
  return db.run(`UPDATE series SET ${sets.join(', ')} WHERE id = ?`, [
    ...entries.map(([, value]) => value as string | number | null),
    now,
    id,
  ])
}

export function findSeries(db: SqlDb, id: string) {
  return first<SeriesRow>(db, 'SELECT * FROM series WHERE id = ?', [id])
}

export function listSeries(db: SqlDb) {
  return db.all<SeriesRow>('SELECT * FROM series ORDER BY name, id')
}

export async function countSeries(db: SqlDb): Promise<number> {
  const row = await first<{ n: number }>(db, 'SELECT COUNT(*) AS n FROM series')
  return Number(row?.n ?? 0)
}

export function deleteSeries(db: SqlDb, id: string) {
  return db.run('DELETE FROM series WHERE id = ?', [id])
}

export function seriesMembers(db: SqlDb) {
  return db.all<SeriesMemberRow>('SELECT * FROM series_member ORDER BY series_id, kind, position')
}

export async function writeSeriesMembers(
  db: SqlDb,
  seriesId: string,
  kind: SeriesMemberRow['kind'],
  organisationIds: string[],
) {
  await db.run('DELETE FROM series_member WHERE series_id = ? AND kind = ?', [seriesId, kind])
  for (const [position, id] of organisationIds.entries())
    await db.run(
      'INSERT INTO series_member (series_id, organisation_id, kind, position) VALUES (?, ?, ?, ?)',
      [seriesId, id, kind, position],
    )
}

export function setEventSeries(db: SqlDb, eventId: string, seriesId: string | null) {
  return db.run('UPDATE event SET series_id = ? WHERE id = ?', [seriesId, eventId])
}
