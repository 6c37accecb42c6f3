import { readServiceSettings, type ServiceSettings } from '@hytepaja/shared/service/settings'
import { first, type SqlDb } from './sql.js'

/** The one row of the service's settings (id 1), as JSON. */
const ROW_ID = 1

export async function loadServiceSettings(
  db: SqlDb,
): Promise<{ settings: ServiceSettings; updatedAt: number | null }> {
  const row = await first<{ settings: string; updated_at: number }>(
    db,
    'SELECT settings, updated_at FROM service_settings WHERE id = ?',
    [ROW_ID],
  )
  if (!row) return { settings: readServiceSettings(null), updatedAt: null }
  return {
    settings: readServiceSettings(JSON.parse(row.settings)),
    updatedAt: Number(row.updated_at),
  }
}

export function storeServiceSettings(db: SqlDb, settings: ServiceSettings, now: number) {
  return db.run(
    `INSERT INTO service_settings (id, settings, updated_at) VALUES (?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET settings = excluded.settings, updated_at = excluded.updated_at`,
    [ROW_ID, JSON.stringify(settings), now],
  )
}
