import { first, type SqlDb } from './sql.js'

export interface PreAnswerRow {
  event_id: string
  participant_id: string
  text: string
  /** The writer's UI language, set as the note's `lang` (spellcheck, screen readers). */
  lang: string | null
  updated_at: number
}

export function readPreAnswer(db: SqlDb, participantId: string) {
  return first<PreAnswerRow>(db, 'SELECT * FROM pre_answer WHERE participant_id = ?', [
    participantId,
  ])
}

export function writePreAnswer(
  db: SqlDb,
  eventId: string,
  participantId: string,
  answer: { text: string; lang: string | null },
  now = Date.now(),
) {
  return db.run(
    `INSERT INTO pre_answer (event_id, participant_id, text, lang, updated_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (participant_id) DO UPDATE
     SET text = excluded.text, lang = excluded.lang, updated_at = excluded.updated_at`,
    [eventId, participantId, answer.text, answer.lang, now],
  )
}

/** The answers of the (not removed) participants who sit in a group now. */
export function groupPreAnswers(db: SqlDb, eventId: string, groupId: string) {
  return db.all<PreAnswerRow & { display_name: string }>(
    `SELECT a.*, p.display_name FROM pre_answer a JOIN participant p ON p.id = a.participant_id
     WHERE a.event_id = ? AND p.group_id = ? AND p.revoked_at IS NULL ORDER BY a.updated_at`,
    [eventId, groupId],
  )
}

/** Every answer of an event (for its export). */
export function eventPreAnswers(db: SqlDb, eventId: string) {
  return db.all<PreAnswerRow>(
    'SELECT * FROM pre_answer WHERE event_id = ? ORDER BY updated_at, participant_id',
    [eventId],
  )
}
