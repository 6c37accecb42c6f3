import type { SqlDb } from './sql.js'

/**
 * Schema changes, numbered and applied once each. A step is written per dialect where the
 * two differ (blob and serial types); everything else is plain SQL both understand.
 */
type Step = { sqlite: string[]; postgres: string[] }

const both = (statements: string[]): Step => ({ sqlite: statements, postgres: statements })

const STEPS: Step[] = [
  // 1: the Yjs documents: one compacted snapshot per document plus the log of later updates.
  {
    sqlite: [
      'CREATE TABLE doc_snapshot (name TEXT PRIMARY KEY, state BLOB NOT NULL, upto INTEGER NOT NULL, updated_at INTEGER NOT NULL)',
      'CREATE TABLE doc_update (seq INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT NOT NULL, data BLOB NOT NULL)',
      'CREATE INDEX doc_update_name ON doc_update (name, seq)',
    ],
    postgres: [
      'CREATE TABLE doc_snapshot (name TEXT PRIMARY KEY, state BYTEA NOT NULL, upto BIGINT NOT NULL, updated_at BIGINT NOT NULL)',
      'CREATE TABLE doc_update (seq BIGSERIAL PRIMARY KEY, name TEXT NOT NULL, data BYTEA NOT NULL)',
      'CREATE INDEX doc_update_name ON doc_update (name, seq)',
    ],
  },
  // 2: events, capability tokens (hashes only) and participants.
  both([
    `CREATE TABLE event (
      id TEXT PRIMARY KEY,
      join_code TEXT NOT NULL UNIQUE,
      title TEXT NOT NULL,
      starts_at TEXT NOT NULL,
      created_at BIGINT NOT NULL
    )`,
    `CREATE TABLE token (
      hash TEXT PRIMARY KEY,
      event_id TEXT NOT NULL REFERENCES event (id) ON DELETE CASCADE,
      role TEXT NOT NULL,
      group_id TEXT,
      participant_id TEXT,
      nonce TEXT,
      created_at BIGINT NOT NULL,
      revoked_at BIGINT
    )`,
    'CREATE INDEX token_event ON token (event_id, role)',
    `CREATE TABLE participant (
      id TEXT PRIMARY KEY,
      event_id TEXT NOT NULL REFERENCES event (id) ON DELETE CASCADE,
      display_name TEXT NOT NULL,
      organisation TEXT,
      group_id TEXT NOT NULL,
      created_at BIGINT NOT NULL,
      revoked_at BIGINT
    )`,
    'CREATE INDEX participant_event ON participant (event_id)',
  ]),
  // 3: the audit trail (who, role, what, when; never note text).
  {
    sqlite: [
      `CREATE TABLE audit (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        event_id TEXT NOT NULL REFERENCES event (id) ON DELETE CASCADE,
        at BIGINT NOT NULL, actor_role TEXT NOT NULL, actor_id TEXT NOT NULL,
        action TEXT NOT NULL, target TEXT
      )`,
      'CREATE INDEX audit_event ON audit (event_id, seq)',
    ],
    postgres: [
      `CREATE TABLE audit (
        seq BIGSERIAL PRIMARY KEY,
        event_id TEXT NOT NULL REFERENCES event (id) ON DELETE CASCADE,
        at BIGINT NOT NULL, actor_role TEXT NOT NULL, actor_id TEXT NOT NULL,
        action TEXT NOT NULL, target TEXT
      )`,
      'CREATE INDEX audit_event ON audit (event_id, seq)',
    ],
  },
  // 4: secret dot votes (only totals leave the server) and pre-assignment answers.
  both([
    `CREATE TABLE vote (
      event_id TEXT NOT NULL REFERENCES event (id) ON DELETE CASCADE,
      group_id TEXT NOT NULL,
      participant_id TEXT NOT NULL,
      idea_id TEXT NOT NULL,
      dots INTEGER NOT NULL,
      PRIMARY KEY (event_id, participant_id, idea_id)
    )`,
    'CREATE INDEX vote_group ON vote (event_id, group_id)',
    `CREATE TABLE pre_answer (
      event_id TEXT NOT NULL REFERENCES event (id) ON DELETE CASCADE,
      participant_id TEXT NOT NULL PRIMARY KEY,
      text TEXT NOT NULL,
      updated_at BIGINT NOT NULL
    )`,
  ]),
  // 5: the language a pre-assignment answer was written in (the note's `lang`).
  both(['ALTER TABLE pre_answer ADD COLUMN lang TEXT']),
  // 6: the plenary's records that hold names and must not enter the event document (which
  // every token of the event syncs): §2 attendance and the minute-checkers' comments; and the
  // elected minute-checker a `checker` token speaks for.
  both([
    `CREATE TABLE attendance (
      event_id TEXT NOT NULL REFERENCES event (id) ON DELETE CASCADE,
      id TEXT NOT NULL,
      participant_id TEXT,
      name TEXT,
      organisation TEXT,
      presence TEXT,
      arrived_at TEXT,
      created_at BIGINT NOT NULL,
      updated_at BIGINT NOT NULL,
      PRIMARY KEY (event_id, id)
    )`,
    `CREATE TABLE minutes_comment (
      id TEXT PRIMARY KEY,
      event_id TEXT NOT NULL REFERENCES event (id) ON DELETE CASCADE,
      checker_id TEXT NOT NULL,
      checker_name TEXT NOT NULL,
      item_id TEXT,
      text TEXT NOT NULL,
      version INTEGER NOT NULL,
      created_at BIGINT NOT NULL
    )`,
    'CREATE INDEX minutes_comment_event ON minutes_comment (event_id, created_at)',
    'ALTER TABLE token ADD COLUMN checker_id TEXT',
  ]),
  // 7: the attendance as it stood when a version of the minutes locked (JSON): the locked
  // minutes keep it, and their hash stays true, whatever happens to the participants later.
  both([
    `CREATE TABLE minutes_attendance (
      event_id TEXT NOT NULL REFERENCES event (id) ON DELETE CASCADE,
      version INTEGER NOT NULL,
      attendance TEXT NOT NULL,
      created_at BIGINT NOT NULL,
      PRIMARY KEY (event_id, version)
    )`,
  ]),
  // 8: the county's register (issue 13): organisations (a merged one points at what it was
  // merged into; its references stay, so an undone merge restores them), the merges, the
  // register's own audit trail, municipality groups, and which group an event belongs to and
  // which organisation a participant named.
  {
    sqlite: [
      ...registerTables(),
      `CREATE TABLE register_audit (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        at BIGINT NOT NULL, actor_role TEXT NOT NULL, actor_id TEXT NOT NULL,
        action TEXT NOT NULL, target TEXT
      )`,
    ],
    postgres: [
      ...registerTables(),
      `CREATE TABLE register_audit (
        seq BIGSERIAL PRIMARY KEY,
        at BIGINT NOT NULL, actor_role TEXT NOT NULL, actor_id TEXT NOT NULL,
        action TEXT NOT NULL, target TEXT
      )`,
    ],
  },
  // 9: the decided actions of every event (an index kept from the event documents, so that a
  // summary over years reads rows, not dozens of documents), their responsible parties mapped
  // to the register, the organiser's fixes of that mapping, the follow-up reports, and the
  // responsible organisations' follow-up links (hashes only).
  both([
    `CREATE TABLE decided_action (
      id TEXT PRIMARY KEY,
      event_id TEXT NOT NULL REFERENCES event (id) ON DELETE CASCADE,
      item_id TEXT NOT NULL,
      action_id TEXT NOT NULL,
      position INTEGER NOT NULL,
      label TEXT,
      theme TEXT NOT NULL,
      group_id TEXT,
      outcome TEXT NOT NULL,
      revision INTEGER NOT NULL,
      what TEXT NOT NULL,
      timeline TEXT NOT NULL,
      indicator TEXT NOT NULL,
      target TEXT NOT NULL,
      age_groups TEXT NOT NULL,
      decided_at BIGINT NOT NULL,
      minutes_state TEXT NOT NULL,
      minutes_version INTEGER NOT NULL,
      active INTEGER NOT NULL,
      indexed_at BIGINT NOT NULL
    )`,
    'CREATE INDEX decided_action_event ON decided_action (event_id)',
    `CREATE TABLE action_party (
      action_id TEXT NOT NULL REFERENCES decided_action (id) ON DELETE CASCADE,
      position INTEGER NOT NULL,
      name TEXT NOT NULL,
      organisation_id TEXT,
      mapped_by TEXT NOT NULL,
      PRIMARY KEY (action_id, position)
    )`,
    'CREATE INDEX action_party_organisation ON action_party (organisation_id)',
    `CREATE TABLE party_mapping (
      action_id TEXT NOT NULL REFERENCES decided_action (id) ON DELETE CASCADE,
      name_key TEXT NOT NULL,
      organisation_id TEXT NOT NULL,
      mapped_at BIGINT NOT NULL,
      PRIMARY KEY (action_id, name_key)
    )`,
    `CREATE TABLE follow_up_report (
      id TEXT PRIMARY KEY,
      action_id TEXT NOT NULL REFERENCES decided_action (id) ON DELETE CASCADE,
      organisation_id TEXT,
      status TEXT NOT NULL,
      report TEXT NOT NULL,
      measured_value TEXT,
      measured_on TEXT,
      reporter_name TEXT NOT NULL,
      reporter_organisation TEXT,
      via TEXT NOT NULL,
      created_at BIGINT NOT NULL
    )`,
    'CREATE INDEX follow_up_report_action ON follow_up_report (action_id, created_at)',
    `CREATE TABLE follow_up_link (
      hash TEXT PRIMARY KEY,
      organisation_id TEXT NOT NULL,
      nonce TEXT NOT NULL,
      created_at BIGINT NOT NULL,
      revoked_at BIGINT
    )`,
    'CREATE INDEX follow_up_link_organisation ON follow_up_link (organisation_id)',
  ]),
  // 10: where each event's minutes stand (draft or locked, and the version), kept with the
  // index of decided actions: the summaries and series list events without reading each
  // event's document.
  both([
    'ALTER TABLE event ADD COLUMN minutes_state TEXT',
    'ALTER TABLE event ADD COLUMN minutes_version INTEGER',
  ]),
  // 11: the service's settings (one row, JSON: the controller, the accessibility feedback
  // channel, the default retention) and each event's retention: its own months (null: the
  // service's default), the lease a retention run holds on it (several instances may run the
  // schedule; one claims an event at a time), and the last run with what it erased (counts).
  both([
    `CREATE TABLE service_settings (
      id INTEGER PRIMARY KEY,
      settings TEXT NOT NULL,
      updated_at BIGINT NOT NULL
    )`,
    `CREATE TABLE event_retention (
      event_id TEXT PRIMARY KEY REFERENCES event (id) ON DELETE CASCADE,
      after_lock_months INTEGER,
      after_end_months INTEGER,
      claimed_by TEXT,
      claimed_until BIGINT,
      erased_at BIGINT,
      erased TEXT
    )`,
  ]),
  // 12: partnership groups (series of recurring meetings): the series, its municipalities and
  // member organisations (register ids, in order), and the series an event is a meeting of.
  both([
    `CREATE TABLE series (
      id TEXT PRIMARY KEY,
      name TEXT NOT NULL,
      cadence INTEGER NOT NULL,
      themes TEXT NOT NULL,
      municipality_group_id TEXT,
      created_at BIGINT NOT NULL,
      updated_at BIGINT NOT NULL
    )`,
    `CREATE TABLE series_member (
      series_id TEXT NOT NULL REFERENCES series (id) ON DELETE CASCADE,
      organisation_id TEXT NOT NULL,
      kind TEXT NOT NULL,
      position INTEGER NOT NULL,
      PRIMARY KEY (series_id, kind, organisation_id)
    )`,
    'ALTER TABLE event ADD COLUMN series_id TEXT',
    'CREATE INDEX event_series ON event (series_id)',
  ]),
  // 13: the seat (participant or role link) that first wrote under each Yjs client id of a
  // document: another seat's updates under that id are refused (sync/clientOwners.ts).
  both([
    `CREATE TABLE doc_client (
      name TEXT NOT NULL,
      client_id BIGINT NOT NULL,
      seat TEXT NOT NULL,
      PRIMARY KEY (name, client_id)
    )`,
  ]),
  // 14: the follow-up item's actions and their statuses as a version of the minutes locked
  // with them (JSON), like the attendance in 7.
  both([
    `CREATE TABLE minutes_follow_up (
      event_id TEXT NOT NULL REFERENCES event (id) ON DELETE CASCADE,
      version INTEGER NOT NULL,
      follow_up TEXT NOT NULL,
      created_at BIGINT NOT NULL,
      PRIMARY KEY (event_id, version)
    )`,
  ]),
  // 15: each facilitator of a group as a seat of their own: the organiser's named ones (a
  // link each) and those who named themselves on the group's shared facilitator link. A
  // facilitator token points at its seat; the group's shared link has none.
  both([
    `CREATE TABLE facilitator_seat (
      id TEXT PRIMARY KEY,
      event_id TEXT NOT NULL REFERENCES event (id) ON DELETE CASCADE,
      group_id TEXT NOT NULL,
      name TEXT NOT NULL,
      named_by_organiser INTEGER NOT NULL,
      created_at BIGINT NOT NULL,
      revoked_at BIGINT
    )`,
    'CREATE INDEX facilitator_seat_event ON facilitator_seat (event_id, group_id)',
    'ALTER TABLE token ADD COLUMN facilitator_id TEXT',
  ]),
  // 16: SQLite's update log without AUTOINCREMENT, its rows kept as they are. AUTOINCREMENT
  // read and rewrote sqlite_sequence with every insert: one more page in every batch's commit.
  // A plain rowid is still above every row in the table when it is taken, so the log keeps
  // its order; only the seq of rows deleted from its top may come again, and nothing reads a
  // seq across a deletion (a compaction deletes what it read, by seq, in its transaction).
  {
    sqlite: [
      'CREATE TABLE doc_update_rowid (seq INTEGER PRIMARY KEY, name TEXT NOT NULL, data BLOB NOT NULL)',
      'INSERT INTO doc_update_rowid (seq, name, data) SELECT seq, name, data FROM doc_update ORDER BY seq',
      'DROP TABLE doc_update',
      'ALTER TABLE doc_update_rowid RENAME TO doc_update',
      'CREATE INDEX doc_update_name ON doc_update (name, seq)',
    ],
    postgres: [],
  },
]

function registerTables(): string[] {
  return [
    `CREATE TABLE organisation (
      id TEXT PRIMARY KEY,
      name TEXT NOT NULL,
      name_key TEXT NOT NULL UNIQUE,
      kind TEXT NOT NULL,
      merged_into TEXT,
      origin TEXT NOT NULL,
      created_at BIGINT NOT NULL,
      updated_at BIGINT NOT NULL
    )`,
    `CREATE TABLE organisation_merge (
      id TEXT PRIMARY KEY,
      source_id TEXT NOT NULL,
      target_id TEXT NOT NULL,
      merged_at BIGINT NOT NULL,
      merged_by TEXT NOT NULL,
      undone_at BIGINT,
      undone_by TEXT
    )`,
    `CREATE TABLE municipality_group (
      id TEXT PRIMARY KEY,
      name TEXT NOT NULL,
      created_at BIGINT NOT NULL,
      updated_at BIGINT NOT NULL
    )`,
    `CREATE TABLE municipality_group_member (
      group_id TEXT NOT NULL REFERENCES municipality_group (id) ON DELETE CASCADE,
      organisation_id TEXT NOT NULL,
      position INTEGER NOT NULL,
      PRIMARY KEY (group_id, organisation_id)
    )`,
    'ALTER TABLE event ADD COLUMN municipality_group_id TEXT',
    'ALTER TABLE participant ADD COLUMN organisation_id TEXT',
  ]
}

/**
 * Brings the schema to `version` (every step by default; a test builds an older schema with a
 * lower one).
 */
export async function migrate(db: SqlDb, version: number = STEPS.length): Promise<void> {
  await db.transaction(async (tx) => {
    // Several instances may start at once against one PostgreSQL; one of them migrates. The
    // lock comes before every statement: two concurrent CREATE TABLE IF NOT EXISTS of one table
    // fail in PostgreSQL (a duplicate key in its catalog), so that too must wait its turn.
    if (db.dialect === 'postgres') await tx.run('SELECT pg_advisory_xact_lock(727001)')
    await tx.run('CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)')
    const rows = await tx.all<{ version: number }>('SELECT version FROM schema_version')
    const current = rows[0]?.version ?? 0
    for (let i = current; i < version; i++) {
      for (const sql of (STEPS[i] as Step)[db.dialect]) await tx.run(sql)
    }
    if (rows.length === 0)
      await tx.run('INSERT INTO schema_version (version) VALUES (?)', [version])
    else if (version > current) await tx.run('UPDATE schema_version SET version = ?', [version])
  })
}
