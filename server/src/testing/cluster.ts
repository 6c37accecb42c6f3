import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll } from 'vitest'
import type { CreatedEventBody } from './accessFixture.js'
import { api } from './accessFixture.js'
import { createTestDatabase, type TestDatabase } from './postgres.js'
import { ADMIN_TOKEN, type ServerProcess, spawnServer } from './process.js'
import { startRedis, type TestRedis, testPrefix } from './redis.js'

/**
 * Several server processes sharing one PostgreSQL and one Redis, each with a DATA_DIR of its
 * own: the console key and the link secret come from the environment, as they must when
 * instances do not share DATA_DIR.
 */
export class TestCluster {
  readonly env: Record<string, string>
  private readonly processes: ServerProcess[] = []
  private readonly dirs: string[] = []

  constructor(shared: { redisUrl: string; prefix: string; databaseUrl?: string }) {
    this.env = {
      REDIS_URL: shared.redisUrl,
      REDIS_PREFIX: shared.prefix,
      LINK_SECRET: randomBytes(32).toString('base64url'),
      ...(shared.databaseUrl ? { DATABASE_URL: shared.databaseUrl } : {}),
    }
  }

  /** A new instance; `dataDir` shares one (SQLite on one machine), else each gets its own. */
  async start(dataDir?: string): Promise<ServerProcess> {
    const dir = dataDir ?? mkdtempSync(join(tmpdir(), 'hytepaja-cluster-'))
    if (!dataDir) this.dirs.push(dir)
    const server = await spawnServer(dir, 30_000, this.env)
    this.processes.push(server)
    return server
  }

  async stopAll(): Promise<void> {
    for (const p of this.processes.splice(0)) {
      if (p.child.exitCode === null && p.child.signalCode === null) p.child.kill('SIGKILL')
      await p.exited
    }
    for (const dir of this.dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
  }
}

/** What a suite of cluster tests shares: filled in before its first test. */
export interface SuiteCluster {
  redis: TestRedis
  database: TestDatabase
  cluster: TestCluster
  a: ServerProcess
  b: ServerProcess
}

/**
 * Two instances on a PostgreSQL database and a redis-server of the suite's own, started before
 * the suite's tests (call it inside the `describe`) and stopped after them.
 */
export function twoInstancesForSuite(): SuiteCluster {
  const shared: Partial<SuiteCluster> = {}
  beforeAll(async () => {
    const redis = await startRedis()
    shared.redis = redis
    const database = await createTestDatabase()
    shared.database = database
    const cluster = new TestCluster({
      redisUrl: redis.url,
      prefix: testPrefix(),
      databaseUrl: database.url,
    })
    shared.cluster = cluster
    ;[shared.a, shared.b] = await Promise.all([cluster.start(), cluster.start()])
  }, 60_000)
  afterAll(async () => {
    await shared.cluster?.stopAll()
    await shared.database?.drop()
    await shared.redis?.stop()
  })
  return shared as SuiteCluster
}

/** One HTTP call to an instance; the body parsed as JSON. */
export const call = api

export async function createEventOn(server: { url: string }): Promise<CreatedEventBody> {
  const { status, json } = await call(server, 'POST', '/api/events', ADMIN_TOKEN, {
    title: 'Monen palvelimen testi',
    municipalities: [],
    startsAt: new Date().toISOString(),
  })
  if (status !== 201) throw new Error(`create event ${status} ${JSON.stringify(json)}`)
  return json as CreatedEventBody
}

/** A participant of `groupId`, joined through `server` with the event's join link. */
export async function joinOn(
  server: { url: string },
  event: CreatedEventBody,
  groupId: string,
  displayName = 'Osallistuja',
): Promise<{ participantId: string; token: string }> {
  const { status, json } = await call(
    server,
    'POST',
    `/api/events/${event.id}/participants`,
    event.tokens.join,
    { displayName, groupId },
  )
  if (status !== 201) throw new Error(`join ${status} ${JSON.stringify(json)}`)
  return json
}
