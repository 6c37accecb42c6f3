import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Config } from '../config.js'
import { migrate } from './migrations.js'
import type { SqlDb } from './sql.js'
import { openSqlite } from './sqlite.js'

/** PostgreSQL when DATABASE_URL is set, else the embedded SQLite file in DATA_DIR; migrated. */
export async function openDatabase(
  config: Pick<Config, 'databaseUrl' | 'dataDir'> & Partial<Pick<Config, 'sqliteCheckpointPages'>>,
  onError?: (error: unknown) => void,
): Promise<SqlDb> {
  let db: SqlDb
  if (config.databaseUrl) {
    // Loaded only when used: the driver costs a lone SQLite instance ~5 MB of memory for nothing.
    const { openPostgres } = await import('./postgres.js')
    db = openPostgres(config.databaseUrl)
  } else {
    mkdirSync(config.dataDir, { recursive: true })
    db = openSqlite(join(config.dataDir, 'hytepaja.sqlite'), {
      checkpointPages: config.sqliteCheckpointPages,
      onError,
    })
  }
  await migrate(db)
  return db
}
