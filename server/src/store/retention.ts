import { first, type SqlDb } from './sql.js'

/**
 * Each event's retention (README, "Retention"): its own months (null: the service's default),
 * the lease of the instance running its erasure, and the last run.
 */
export interface RetentionRow {
  event_id: string
  after_lock_months: number | null
  after_end_months: number | null
  claimed_by: string | null
  claimed_until: number | null
  erased_at: number | null
  /** JSON: what the last run erased (counts per kind). */
  erased: string | null
}

export function findRetention(db: SqlDb, eventId: string) {
  return first<RetentionRow>(db, 'SELECT * FROM event_retention WHERE event_id = ?', [eventId])
}

/** Every event with its retention row (null columns when it has none yet). */
export function eventsWithRetention(db: SqlDb) {
  return db.all<RetentionRow & { id: string; created_at: number }>(
    `SELECT e.id, e.created_at, r.event_id, r.after_lock_months, r.after_end_months,
            r.claimed_by, r.claimed_until, r.erased_at, r.erased
     FROM event e LEFT JOIN event_retention r ON r.event_id = e.id ORDER BY e.created_at`,
  )
}

const ensureRow = (db: SqlDb, eventId: string) =>
  db.run('INSERT INTO event_retention (event_id) VALUES (?) ON CONFLICT (event_id) DO NOTHING', [
    eventId,
  ])

export async function setRetentionMonths(
  db: SqlDb,
  eventId: string,
  months: { afterLockMonths: number | null; afterEndMonths: number | null },
) {
  await ensureRow(db, eventId)
  await db.run(
    'UPDATE event_retention SET after_lock_months = ?, after_end_months = ? WHERE event_id = ?',
    [months.afterLockMonths, months.afterEndMonths, eventId],
  )
}

/**
 * Claims an event's erasure for `instance` until `until`, unless another instance holds a
 * claim that has not run out: one UPDATE, so two instances never both win it.
 */
export async function claimRetention(
  db: SqlDb,
  eventId: string,
  instance: string,
  now: number,
  until: number,
): Promise<boolean> {
  await ensureRow(db, eventId)
  const { changes } = await db.run(
    `UPDATE event_retention SET claimed_by = ?, claimed_until = ?
     WHERE event_id = ? AND (claimed_until IS NULL OR claimed_until < ?)`,
    [instance, until, eventId, now],
  )
  return changes === 1
}

/** Lets go of a claim; with `erased`, records the run (when, and what it erased). */
export function releaseRetention(
  db: SqlDb,
  eventId: string,
  instance: string,
  run: { at: number; erased: object } | null,
) {
  if (!run) {
    return db.run(
      `UPDATE event_retention SET claimed_by = NULL, claimed_until = NULL
       WHERE event_id = ? AND claimed_by = ?`,
      [eventId, instance],
    )
  }
  return db.run(
    `UPDATE event_retention SET claimed_by = NULL, claimed_until = NULL, erased_at = ?, erased = ?
     WHERE event_id = ? AND claimed_by = ?`,
    [run.at, JSON.stringify(run.erased), eventId, instance],
  )
}
