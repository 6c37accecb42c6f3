import type { SqlDb } from './sql.js'

/** One agreed action as indexed from its event's document (see commands/actionIndex.ts). */
export interface DecidedActionRow {
  id: string
  event_id: string
  item_id: string
  action_id: string
  position: number
  label: string | null
  theme: string
  group_id: string | null
  outcome: string
  revision: number
  what: string
  timeline: string
  indicator: string
  target: string
  /** JSON array of age groups. */
  age_groups: string
  decided_at: number
  minutes_state: 'draft' | 'locked'
  minutes_version: number
  /** 0 once the standing decision no longer agrees on it (its reports are kept). */
  active: number
  indexed_at: number
}

export interface PartyRow {
  action_id: string
  position: number
  /** As the proposal or the amendment wrote it. */
  name: string
  /** The register's entry the name was linked to (merges are followed when read). */
  organisation_id: string | null
  /** `auto` (by name) or `organiser` (fixed by hand). */
  mapped_by: 'auto' | 'organiser'
}

const COLUMNS = [
  'id',
  'event_id',
  'item_id',
  'action_id',
  'position',
  'label',
  'theme',
  'group_id',
  'outcome',
  'revision',
  'what',
  'timeline',
  'indicator',
  'target',
  'age_groups',
  'decided_at',
  'minutes_state',
  'minutes_version',
  'active',
  'indexed_at',
] as const

export function writeDecidedAction(db: SqlDb, row: DecidedActionRow) {
  const updates = COLUMNS.filter((c) => c !== 'id' && c !== 'event_id')
    .map((c) => `${c} = excluded.${c}`)
    .join(', ')
  return db.run(
    `INSERT INTO decided_action (${COLUMNS.join(', ')}) VALUES (${COLUMNS.map(() => '?').join(', ')})
     ON CONFLICT (id) DO UPDATE SET ${updates}`,
    COLUMNS.map((c) => row[c]),
  )
}

export function eventActionRows(db: SqlDb, eventId: string) {
  return db.all<DecidedActionRow>(
    'SELECT * FROM decided_action WHERE event_id = ? ORDER BY label, position',
    [eventId],
  )
}

export function setActive(db: SqlDb, id: string, active: boolean, now = Date.now()) {
  return db.run('UPDATE decided_action SET active = ?, indexed_at = ? WHERE id = ?', [
    active ? 1 : 0,
    now,
    id,
  ])
}

export async function findDecidedAction(db: SqlDb, id: string) {
  const rows = await db.all<DecidedActionRow>('SELECT * FROM decided_action WHERE id = ?', [id])
  return rows[0]
}

/** Every action that counts, of every event (the summaries filter them further). */
export function activeActionRows(db: SqlDb) {
  return db.all<DecidedActionRow>('SELECT * FROM decided_action WHERE active = 1')
}

export async function writeParties(db: SqlDb, actionId: string, parties: PartyRow[]) {
  await db.run('DELETE FROM action_party WHERE action_id = ?', [actionId])
  for (const party of parties) {
    await db.run(
      'INSERT INTO action_party (action_id, position, name, organisation_id, mapped_by) VALUES (?, ?, ?, ?, ?)',
      [party.action_id, party.position, party.name, party.organisation_id, party.mapped_by],
    )
  }
}

/** The parties of the given actions (all when `actionIds` is left out), in order. */
export function partyRows(db: SqlDb, actionIds?: string[]) {
  if (!actionIds) return db.all<PartyRow>('SELECT * FROM action_party ORDER BY action_id, position')
  if (actionIds.length === 0) return Promise.resolve([] as PartyRow[])
  return db.all<PartyRow>(
    `SELECT * FROM action_party WHERE action_id IN (${actionIds.map(() => '?').join(', ')})
     ORDER BY action_id, position`,
    actionIds,
  )
}

/** The organiser's fixes of one action's parties: name key → organisation id. */
export async function partyMappings(db: SqlDb, actionId: string): Promise<Map<string, string>> {
  const rows = await db.all<{ name_key: string; organisation_id: string }>(
    'SELECT name_key, organisation_id FROM party_mapping WHERE action_id = ?',
    [actionId],
  )
  return new Map(rows.map((r) => [r.name_key, r.organisation_id]))
}

export function setPartyMapping(
  db: SqlDb,
  actionId: string,
  nameKey: string,
  organisationId: string | null,
  now = Date.now(),
) {
  if (organisationId === null)
    return db.run('DELETE FROM party_mapping WHERE action_id = ? AND name_key = ?', [
      actionId,
      nameKey,
    ])
  return db.run(
    `INSERT INTO party_mapping (action_id, name_key, organisation_id, mapped_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (action_id, name_key) DO UPDATE
     SET organisation_id = excluded.organisation_id, mapped_at = excluded.mapped_at`,
    [actionId, nameKey, organisationId, now],
  )
}

/**
 * Events with decisions recorded or minutes locked that were never indexed (made before the
 * index existed): indexing sets their minutes' state, so each is found once.
 */
export async function unindexedDecidedEvents(db: SqlDb): Promise<string[]> {
  const rows = await db.all<{ event_id: string }>(
    `SELECT DISTINCT audit.event_id FROM audit JOIN event ON event.id = audit.event_id
     WHERE audit.action IN ('decision.record', 'decision.correct', 'minutes.lock')
     AND event.minutes_state IS NULL`,
  )
  return rows.map((r) => r.event_id)
}
