import type { Ballot } from '@hytepaja/shared/domain/votes'
import type { SqlDb } from './sql.js'

type Row = { participant_id: string; idea_id: string; dots: number }

/** One participant's dots in a group. */
export async function readBallot(
  db: SqlDb,
  eventId: string,
  groupId: string,
  participantId: string,
): Promise<Ballot> {
  const rows = await db.all<Row>(
    'SELECT participant_id, idea_id, dots FROM vote WHERE event_id = ? AND group_id = ? AND participant_id = ?',
    [eventId, groupId, participantId],
  )
  return Object.fromEntries(rows.map((r) => [r.idea_id, Number(r.dots)]))
}

/** Replaces a participant's ballot (inside the caller's transaction). */
export async function writeBallot(
  db: SqlDb,
  eventId: string,
  groupId: string,
  participantId: string,
  ballot: Ballot,
): Promise<void> {
  await db.run('DELETE FROM vote WHERE event_id = ? AND group_id = ? AND participant_id = ?', [
    eventId,
    groupId,
    participantId,
  ])
  for (const [ideaId, dots] of Object.entries(ballot)) {
    await db.run(
      'INSERT INTO vote (event_id, group_id, participant_id, idea_id, dots) VALUES (?, ?, ?, ?, ?)',
      [eventId, groupId, participantId, ideaId, dots],
    )
  }
}

/** Every ballot of a group, keyed by participant. */
export async function groupBallots(
  db: SqlDb,
  eventId: string,
  groupId: string,
): Promise<Map<string, Ballot>> {
  const rows = await db.all<Row>(
    'SELECT participant_id, idea_id, dots FROM vote WHERE event_id = ? AND group_id = ?',
    [eventId, groupId],
  )
  const ballots = new Map<string, Ballot>()
  for (const row of rows) {
    const ballot = ballots.get(row.participant_id) ?? {}
    ballot[row.idea_id] = Number(row.dots)
    ballots.set(row.participant_id, ballot)
  }
  return ballots
}

/**
 * Takes the participant's row lock for the rest of the transaction, so two dots sent at once
 * cannot both pass the budget check (PostgreSQL; SQLite's BEGIN IMMEDIATE already serialises).
 */
export async function lockVoter(db: SqlDb, participantId: string): Promise<void> {
  await db.run('UPDATE participant SET group_id = group_id WHERE id = ?', [participantId])
}
