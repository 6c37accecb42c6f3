import { describe } from 'vitest'
import { startTestServer } from './accessFixture.js'
import { createTestDatabase, postgresAvailable } from './postgres.js'

export type TestServer = Awaited<ReturnType<typeof startTestServer>>

/** How a suite gets its server and lets it go (`beforeAll` / `afterAll`). */
export type SuiteOnStore = (
  start: () => Promise<TestServer>,
  stop: (server: TestServer) => Promise<void>,
) => void

const havePostgres = await postgresAvailable()

/**
 * One suite run twice: on a real server with its own SQLite file, and on one with a PostgreSQL
 * database of its own (dropped after), so that every rule is proved on both stores. The
 * PostgreSQL half is skipped visibly where no PostgreSQL answers (never in CI).
 */
export function describeOnBothStores(title: string, suite: SuiteOnStore): void {
  describe(`${title} (SQLite)`, () => {
    suite(
      () => startTestServer(),
      (server) => server.dispose(),
    )
  })
  describe.skipIf(!havePostgres)(`${title} (PostgreSQL)`, () => {
    let drop: () => Promise<void> = async () => undefined
    suite(
      async () => {
        const database = await createTestDatabase()
        drop = database.drop
        return startTestServer({ DATABASE_URL: database.url })
      },
      async (server) => {
        await server.dispose()
        await drop()
      },
    )
  })
}
