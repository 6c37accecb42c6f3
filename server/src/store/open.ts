import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Config } from '../config.js'
import { migrate } from './migrations.js'
import { openPostgres } from './postgres.js'
import type { SqlDb } from './sql.js'
import { openSqlite } from './sqlite.js'

/** PostgreSQL when DATABASE_URL is set, else the embedded SQLite file in DATA_DIR; migrated. */
export async function openDatabase(
  config: Pick<Config, 'databaseUrl' | 'dataDir'>,
): Promise<SqlDb> {
  let db: SqlDb
  if (config.databaseUrl) {
    db = openPostgres(config.databaseUrl)
  } else {
    mkdirSync(config.dataDir, { recursive: true })
    db = openSqlite(join(config.dataDir, 'hytepaja.sqlite'))
  }
  await migrate(db)
  return db
}
