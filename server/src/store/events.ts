import { first, type SqlDb } from './sql.js'

export interface EventRow {
  id: string
  join_code: string
  title: string
  starts_at: string
  created_at: number
  /** The municipality group (kuntaryhmä) the event belongs to, if any. */
  municipality_group_id: string | null
  /** Where its minutes stand, kept by the index of decided actions (null: not indexed yet). */
  minutes_state: 'draft' | 'locked' | null
  minutes_version: number | null
  /** The partnership group (series) the event is a meeting of, if any. */
  series_id: string | null
}

export function insertEvent(
  db: SqlDb,
  row: Omit<EventRow, 'municipality_group_id' | 'minutes_state' | 'minutes_version' | 'series_id'> &
    Partial<Pick<EventRow, 'municipality_group_id' | 'series_id'>>,
) {
  return db.run(
    `INSERT INTO event (id, join_code, title, starts_at, created_at, municipality_group_id, series_id)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
    [
      row.id,
      row.join_code,
      row.title,
      row.starts_at,
      row.created_at,
      row.municipality_group_id ?? null,
      row.series_id ?? null,
    ],
  )
}

export function setMinutesState(
  db: SqlDb,
  id: string,
  minutes: { state: 'draft' | 'locked'; version: number },
) {
  return db.run('UPDATE event SET minutes_state = ?, minutes_version = ? WHERE id = ?', [
    minutes.state,
    minutes.version,
    id,
  ])
}

export function setMunicipalityGroup(db: SqlDb, id: string, groupId: string | null) {
  return db.run('UPDATE event SET municipality_group_id = ? WHERE id = ?', [groupId, id])
}

/** The events of a municipality group, the latest start first. */
export function eventsOfMunicipalityGroup(db: SqlDb, groupId: string) {
  return db.all<EventRow>(
    'SELECT * FROM event WHERE municipality_group_id = ? ORDER BY starts_at DESC, created_at DESC',
    [groupId],
  )
}

/** The meetings of a series, the earliest first. */
export function eventsOfSeries(db: SqlDb, seriesId: string) {
  return db.all<EventRow>(
    'SELECT * FROM event WHERE series_id = ? ORDER BY starts_at, created_at',
    [seriesId],
  )
}

export function findEvent(db: SqlDb, id: string) {
  return first<EventRow>(db, 'SELECT * FROM event WHERE id = ?', [id])
}

export function findEventByCode(db: SqlDb, code: string) {
  return first<EventRow>(db, 'SELECT * FROM event WHERE join_code = ?', [code])
}

export function listEvents(db: SqlDb) {
  return db.all<EventRow>('SELECT * FROM event ORDER BY starts_at DESC, created_at DESC')
}

export async function countEvents(db: SqlDb): Promise<number> {
  const row = await first<{ n: number }>(db, 'SELECT COUNT(*) AS n FROM event')
  return Number(row?.n ?? 0)
}

export function updateEventSummary(db: SqlDb, id: string, title: string, startsAt: string) {
  return db.run('UPDATE event SET title = ?, starts_at = ? WHERE id = ?', [title, startsAt, id])
}

export function setJoinCode(db: SqlDb, id: string, code: string) {
  return db.run('UPDATE event SET join_code = ? WHERE id = ?', [code, id])
}

export function deleteEventRow(db: SqlDb, id: string) {
  return db.run('DELETE FROM event WHERE id = ?', [id])
}
