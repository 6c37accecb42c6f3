import type { SqlDb } from './sql.js'

/** A minute-checker's comment on the draft minutes, per agenda item or on the whole. */
export interface CommentRow {
  id: string
  event_id: string
  checker_id: string
  checker_name: string
  item_id: string | null
  text: string
  /** The version of the minutes it was written on. */
  version: number
  created_at: number
}

export function insertComment(db: SqlDb, row: CommentRow) {
  return db.run(
    `INSERT INTO minutes_comment
       (id, event_id, checker_id, checker_name, item_id, text, version, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    [
      row.id,
      row.event_id,
      row.checker_id,
      row.checker_name,
      row.item_id,
      row.text,
      row.version,
      row.created_at,
    ],
  )
}

export function listComments(db: SqlDb, eventId: string) {
  return db.all<CommentRow>(
    'SELECT * FROM minutes_comment WHERE event_id = ? ORDER BY created_at, id',
    [eventId],
  )
}

export async function countComments(db: SqlDb, eventId: string): Promise<number> {
  const rows = await db.all<{ n: number }>(
    'SELECT COUNT(*) AS n FROM minutes_comment WHERE event_id = ?',
    [eventId],
  )
  return Number(rows[0]?.n ?? 0)
}
