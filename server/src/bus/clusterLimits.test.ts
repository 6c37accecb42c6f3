import { eventDocName } from '@hytepaja/shared/doc/names'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDatabase, postgresAvailable, type TestDatabase } from '../testing/postgres.js'
import { redisAvailable, startRedis, type TestRedis, testPrefix } from '../testing/redis.js'
import { createTestEvent, joinAs, startSyncServer, type TestServer } from '../testing/sync.js'

const haveRedis = redisAvailable()
const havePostgres = await postgresAvailable()

/** A small rate, so that reaching it takes a few requests (the default is in README). */
const STATES_PER_TOKEN = 6

describe.skipIf(!haveRedis || !havePostgres)('limits counted across instances', () => {
  const shared: { redis?: TestRedis; database?: TestDatabase } = {}
  let instances: [TestServer, TestServer] | undefined

  beforeAll(async () => {
    const redis = await startRedis()
    shared.redis = redis
    const database = await createTestDatabase()
    shared.database = database
    const env = {
      REDIS_URL: redis.url,
      REDIS_PREFIX: testPrefix(),
      DATABASE_URL: database.url,
      LINK_SECRET: 'a-link-secret-that-both-instances-share',
    }
    const tuning = { rateLimits: { statesPerToken: STATES_PER_TOKEN } }
    instances = await Promise.all([
      startSyncServer(tuning, undefined, env),
      startSyncServer(tuning, undefined, env),
    ])
  }, 60_000)
  afterAll(async () => {
    // Servers go before their database is dropped (a dropped database ends their connections).
    await Promise.all((instances ?? []).map((server) => server.dispose()))
    await shared.database?.drop()
    await shared.redis?.stop()
  })

  it('counts the whole states one participant asks for on every instance together', async () => {
    const [a, b] = instances as [TestServer, TestServer]
    const event = await createTestEvent(a)
    const group = event.groups[0]?.id as string
    const anna = await joinAs(a, event, 'Anna', group)
    const ben = await joinAs(b, event, 'Ben', group)
    const state = (server: TestServer, token: string) =>
      fetch(
        `${server.url}/api/sync/${encodeURIComponent(eventDocName(event.id))}/state?token=${token}`,
      )
    // Half through each instance: counted apart, neither would have reached the rate.
    for (let i = 0; i < STATES_PER_TOKEN; i++) {
      const res = await state(i % 2 ? b : a, anna.token)
      expect([i, res.status]).toEqual([i, 200])
      await res.arrayBuffer()
    }
    const refused = await state(a, anna.token)
    expect(refused.status).toBe(429)
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1)
    expect(await refused.json()).toMatchObject({ error: { code: 'sync.stateRateLimited' } })
    expect((await state(b, ben.token)).status).toBe(200)
  })
})
