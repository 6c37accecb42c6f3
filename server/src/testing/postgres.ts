import { randomBytes } from 'node:crypto'
import pg from 'pg'

/**
 * The PostgreSQL the tests use: a server on loopback with trust auth and a database to connect
 * to while creating the per-test databases. Override with HYTEPAJA_TEST_POSTGRES.
 */
export const ADMIN_URL =
  process.env.HYTEPAJA_TEST_POSTGRES ?? 'postgres://postgres@127.0.0.1:5432/test'

/**
 * Whether that server answers; suites skip (visibly) when it does not, except in CI (`CI` set),
 * where a missing PostgreSQL must fail the run instead of silently testing less.
 */
export async function postgresAvailable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: ADMIN_URL, connectionTimeoutMillis: 3000 })
  try {
    await client.connect()
    await client.query('SELECT 1')
    return true
  } catch (error) {
    if (process.env.CI)
      throw new Error(`PostgreSQL at ${ADMIN_URL} is required in CI: ${String(error)}`)
    return false
  } finally {
    await client.end().catch(() => undefined)
  }
}

export interface TestDatabase {
  url: string
  drop(): Promise<void>
}

/** A fresh, empty database of its own (`hp_test_<random>`), dropped by `drop()`. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const name = `hp_test_${randomBytes(6).toString('hex')}`
  const admin = new pg.Client({ connectionString: ADMIN_URL })
  await admin.connect()
  try {
    await admin.query(`CREATE DATABASE ${name}`)
  } finally {
    await admin.end()
  }
  const url = new URL(ADMIN_URL)
  url.pathname = `/${name}`
  return {
    url: url.toString(),
    async drop() {
      const client = new pg.Client({ connectionString: ADMIN_URL })
      await client.connect()
      try {
        // WITH (FORCE) ends connections a failed test left open (PostgreSQL 13+).
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
      } finally {
        await client.end()
      }
    },
  }
}
