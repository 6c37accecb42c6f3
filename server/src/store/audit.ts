import type { SqlDb } from './sql.js'

/** One command of an organiser or facilitator: who, in what role, did what to what, when. */
export interface AuditEntry {
  eventId: string
  actorRole: string
  actorId: string
  action: string
  /** An id (group, item, participant), never note or proposal text. */
  target: string | null
}

export interface AuditRow {
  event_id: string
  at: number
  actor_role: string
  actor_id: string
  action: string
  target: string | null
}

export function recordAudit(db: SqlDb, entry: AuditEntry, now = Date.now()) {
  return db.run(
    'INSERT INTO audit (event_id, at, actor_role, actor_id, action, target) VALUES (?, ?, ?, ?, ?, ?)',
    [entry.eventId, now, entry.actorRole, entry.actorId, entry.action, entry.target],
  )
}

export function listAudit(db: SqlDb, eventId: string) {
  return db.all<AuditRow>('SELECT * FROM audit WHERE event_id = ? ORDER BY seq', [eventId])
}
