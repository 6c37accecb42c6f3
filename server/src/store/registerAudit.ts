import type { SqlDb } from './sql.js'

/**
 * The county register's audit trail (organisations, merges, municipality groups, follow-up
 * links): the register belongs to no one event, so it has a trail of its own. Ids only, never
 * what people wrote.
 */
export interface RegisterAuditEntry {
  actorRole: string
  actorId: string
  action: string
  target: string | null
}

export interface RegisterAuditRow {
  seq: number
  at: number
  actor_role: string
  actor_id: string
  action: string
  target: string | null
}

export function recordRegisterAudit(db: SqlDb, entry: RegisterAuditEntry, now = Date.now()) {
  return db.run(
    'INSERT INTO register_audit (at, actor_role, actor_id, action, target) VALUES (?, ?, ?, ?, ?)',
    [now, entry.actorRole, entry.actorId, entry.action, entry.target],
  )
}

export function listRegisterAudit(db: SqlDb, limit = 1000) {
  return db.all<RegisterAuditRow>('SELECT * FROM register_audit ORDER BY seq DESC LIMIT ?', [limit])
}
