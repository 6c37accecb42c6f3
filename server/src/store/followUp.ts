import type { FollowUpStatus } from '@hytepaja/shared/followUp/reports'
import { first, type SqlDb } from './sql.js'

/** One follow-up report: kept for ever (the history), the latest per organisation stands. */
export interface ReportRow {
  id: string
  action_id: string
  /** The organisation it reports for (as linked when reported; merges followed when read). */
  organisation_id: string | null
  status: FollowUpStatus
  report: string
  measured_value: string | null
  measured_on: string | null
  reporter_name: string
  /** The organisation's name as it was when the report was made. */
  reporter_organisation: string | null
  /** `link` (the organisation's follow-up link) or `organiser` (the console, on its behalf). */
  via: 'link' | 'organiser'
  created_at: number
}

export function insertReport(db: SqlDb, row: ReportRow) {
  return db.run(
    `INSERT INTO follow_up_report (id, action_id, organisation_id, status, report, measured_value,
       measured_on, reporter_name, reporter_organisation, via, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [
      row.id,
      row.action_id,
      row.organisation_id,
      row.status,
      row.report,
      row.measured_value,
      row.measured_on,
      row.reporter_name,
      row.reporter_organisation,
      row.via,
      row.created_at,
    ],
  )
}

/** Reports of the given actions (every report when left out), oldest first. */
export function reportRows(db: SqlDb, actionIds?: string[]) {
  if (!actionIds) return db.all<ReportRow>('SELECT * FROM follow_up_report ORDER BY created_at, id')
  if (actionIds.length === 0) return Promise.resolve([] as ReportRow[])
  return db.all<ReportRow>(
    `SELECT * FROM follow_up_report WHERE action_id IN (${actionIds.map(() => '?').join(', ')})
     ORDER BY created_at, id`,
    actionIds,
  )
}

export async function countReports(
  db: SqlDb,
  actionId: string,
  organisationIds: string[],
): Promise<number> {
  if (organisationIds.length === 0) return 0
  const row = await first<{ n: number }>(
    db,
    `SELECT COUNT(*) AS n FROM follow_up_report WHERE action_id = ?
     AND organisation_id IN (${organisationIds.map(() => '?').join(', ')})`,
    [actionId, ...organisationIds],
  )
  return Number(row?.n ?? 0)
}

/** A responsible organisation's follow-up link: its token is derived from `nonce`. */
export interface FollowUpLinkRow {
  hash: string
  organisation_id: string
  nonce: string
  created_at: number
  revoked_at: number | null
}

export function insertFollowUpLink(db: SqlDb, row: Omit<FollowUpLinkRow, 'revoked_at'>) {
  return db.run(
    'INSERT INTO follow_up_link (hash, organisation_id, nonce, created_at) VALUES (?, ?, ?, ?)',
    [row.hash, row.organisation_id, row.nonce, row.created_at],
  )
}

export function findFollowUpLink(db: SqlDb, hash: string) {
  return first<FollowUpLinkRow>(db, 'SELECT * FROM follow_up_link WHERE hash = ?', [hash])
}

export function liveFollowUpLinks(db: SqlDb) {
  return db.all<FollowUpLinkRow>(
    'SELECT * FROM follow_up_link WHERE revoked_at IS NULL ORDER BY created_at',
  )
}

/** Revokes an organisation's live links; answers how many. */
export async function revokeFollowUpLinks(db: SqlDb, organisationId: string, now = Date.now()) {
  const { changes } = await db.run(
    'UPDATE follow_up_link SET revoked_at = ? WHERE organisation_id = ? AND revoked_at IS NULL',
    [now, organisationId],
  )
  return changes
}
