import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { boardDocName } from '@hytepaja/shared/doc/names'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { createEventOn, TestCluster } from '../testing/cluster.js'
import { createTestDatabase, postgresAvailable, type TestDatabase } from '../testing/postgres.js'
import type { ServerProcess } from '../testing/process.js'
import {
  freePort,
  redisAvailable,
  startRedis,
  type TestRedis,
  testPrefix,
} from '../testing/redis.js'
import {
  addNotes,
  Clients,
  createTestEvent,
  noteTexts,
  startSyncServer,
  type TestServer,
  waitFor,
} from '../testing/sync.js'

const haveRedis = redisAvailable()
const havePostgres = await postgresAvailable()

const clients = new Clients()
const servers: TestServer[] = []
const dirs: string[] = []
/** Servers go before their database is dropped (a dropped database ends their connections). */
async function disposeAll() {
  clients.destroyAll()
  await Promise.all(servers.splice(0).map((s) => s.dispose()))
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
}
afterEach(disposeAll)

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'hytepaja-cluster-'))
  dirs.push(dir)
  return dir
}

const batch = (label: string, n: number) => Array.from({ length: n }, (_, i) => `${label} ${i}`)

async function readBack(server: { port: number }, board: string, token: string) {
  const reader = clients.connect(server, board, token)
  await reader.synced()
  const texts = noteTexts(reader.doc)
  reader.destroy()
  return texts
}

/** An in-process instance of a cluster (for tuning that main.ts does not read). */
function startInstance(env: Record<string, string>, tuning = {}) {
  return startSyncServer(tuning, tempDir(), env).then((server) => {
    servers.push(server)
    return server
  })
}

describe.skipIf(!haveRedis || !havePostgres)('a cluster over time', () => {
  let redis: TestRedis
  let database: TestDatabase
  let env: Record<string, string>

  beforeAll(async () => {
    redis = await startRedis()
  })
  afterAll(async () => {
    await redis?.stop()
  })

  beforeEach(async () => {
    database = await createTestDatabase()
    env = {
      REDIS_URL: redis.url,
      REDIS_PREFIX: testPrefix(),
      DATABASE_URL: database.url,
      LINK_SECRET: 'a-link-secret-that-both-instances-share',
    }
  })
  afterEach(async () => {
    await disposeAll()
    await database.drop()
  })

  it('comes back after every instance restarts with what was written on each', async () => {
    const cluster = new TestCluster({
      redisUrl: redis.url,
      prefix: env.REDIS_PREFIX as string,
      databaseUrl: database.url,
    })
    try {
      const [a, b] = await Promise.all([cluster.start(), cluster.start()])
      const event = await createEventOn(a)
      const group = event.groups[0]?.id as string
      const board = boardDocName(event.id, group)
      const token = event.tokens.facilitators[group] as string
      const onA = clients.connect(a, board, token)
      const onB = clients.connect(b, board, token)
      await Promise.all([onA.synced(), onB.synced()])
      addNotes(onA.doc, batch('A', 15))
      addNotes(onB.doc, batch('B', 15))
      await waitFor(() => noteTexts(onA.doc).length === 30, 'A to converge')
      await waitFor(() => noteTexts(onB.doc).length === 30, 'B to converge')
      onA.destroy()
      onB.destroy()
      for (const server of [a, b]) server.child.kill('SIGTERM')
      expect(await a.exited).toEqual({ code: 0, signal: null })
      expect(await b.exited).toEqual({ code: 0, signal: null })

      const again = await cluster.start()
      expect(await readBack(again, board, token)).toEqual(
        [...batch('A', 15), ...batch('B', 15)].sort(),
      )
    } finally {
      await cluster.stopAll()
    }
  }, 90_000)

  it('loses nothing when one instance compacts while another writes', async () => {
    const tuning = { compactAfterUpdates: 8, roomLingerMs: 0 }
    const [a, b] = await Promise.all([startInstance(env, tuning), startInstance(env, tuning)])
    const event = await createTestEvent(a)
    const group = event.groups[0]?.id as string
    const board = boardDocName(event.id, group)
    const token = event.tokens.facilitators[group] as string
    const onA = clients.connect(a, board, token)
    const onB = clients.connect(b, board, token)
    await Promise.all([onA.synced(), onB.synced()])
    // One update per note, interleaved, without waiting: compactions on either instance run
    // while the other's updates are on their way over Redis and into the shared log.
    for (let i = 0; i < 60; i++) {
      addNotes(onA.doc, [`A ${i}`])
      addNotes(onB.doc, [`B ${i}`])
      if (i % 10 === 0) await new Promise((resolve) => setTimeout(resolve, 5))
    }
    const all = [...batch('A', 60), ...batch('B', 60)].sort()
    await waitFor(() => noteTexts(onA.doc).length === 120, 'A to converge')
    await waitFor(() => noteTexts(onB.doc).length === 120, 'B to converge')
    // A compaction runs in the background after its eighth update: wait for its commit.
    const snapshots = async () =>
      Number(
        (
          await a.ctx.db.all<{ n: number }>(
            'SELECT COUNT(*) AS n FROM doc_snapshot WHERE name = ?',
            [board],
          )
        )[0]?.n,
      )
    await waitFor(async () => (await snapshots()) === 1, 'a compaction')

    // Both leave: both rooms write what they have and unload.
    onA.destroy()
    onB.destroy()
    await waitFor(() => !a.ctx.rooms.names().includes(board), 'A to unload the board')
    await waitFor(() => !b.ctx.rooms.names().includes(board), 'B to unload the board')
    await Promise.all([a.ctx.docs.flush(), b.ctx.docs.flush()])
    const stored = await a.ctx.docs.load(board)
    const doc = new Y.Doc()
    if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot)
    for (const update of stored.updates) Y.applyUpdate(doc, update)
    expect(noteTexts(doc)).toEqual(all)
    expect(await readBack(b, board, token)).toEqual(all)
  }, 60_000)

  it('fails to start, saying why, when Redis does not answer', async () => {
    const closed = await freePort()
    const started = Date.now()
    await expect(
      startSyncServer({}, tempDir(), { ...env, REDIS_URL: `redis://127.0.0.1:${closed}` }),
    ).rejects.toThrow(`Redis at 127.0.0.1:${closed} (REDIS_URL) is not usable`)
    expect(Date.now() - started).toBeLessThan(10_000)
  })
})

describe.skipIf(!haveRedis || !havePostgres)('a Redis restart under running instances', () => {
  it('keeps serving local peers while Redis is away and catches up when it is back', async () => {
    const aofDir = tempDir()
    let redis = await startRedis({ aofDir })
    const database = await createTestDatabase()
    try {
      const env = {
        REDIS_URL: redis.url,
        REDIS_PREFIX: testPrefix(),
        DATABASE_URL: database.url,
        LINK_SECRET: 'a-link-secret-that-both-instances-share',
      }
      const [a, b] = await Promise.all([startInstance(env), startInstance(env)])
      const event = await createTestEvent(a)
      const group = event.groups[0]?.id as string
      const board = boardDocName(event.id, group)
      const token = event.tokens.facilitators[group] as string
      const onA = clients.connect(a, board, token)
      const alsoOnA = clients.connect(a, board, token)
      const onB = clients.connect(b, board, token)
      await Promise.all([onA.synced(), alsoOnA.synced(), onB.synced()])
      addNotes(onA.doc, ['before'])
      await waitFor(() => noteTexts(onB.doc).length === 1, 'B to see the first note')

      await redis.stop()
      addNotes(onA.doc, ['while Redis is away, on A'])
      addNotes(onB.doc, ['while Redis is away, on B'])
      await waitFor(() => noteTexts(alsoOnA.doc).length === 2, 'A’s peers to be served')

      redis = await redis.restart()
      const all = ['before', 'while Redis is away, on A', 'while Redis is away, on B']
      await waitFor(() => noteTexts(onB.doc).length === 3, 'B to get A’s note', 20_000)
      await waitFor(() => noteTexts(onA.doc).length === 3, 'A to get B’s note', 20_000)
      expect(noteTexts(onA.doc)).toEqual(all)
      expect(noteTexts(onB.doc)).toEqual(all)
      addNotes(onB.doc, ['after'])
      await waitFor(() => noteTexts(alsoOnA.doc).length === 4, 'live updates again')
    } finally {
      await disposeAll()
      await database.drop()
      await redis.stop()
    }
  }, 60_000)
})

describe.skipIf(!haveRedis)('instances sharing one SQLite DATA_DIR on one machine', () => {
  it('converge and find everything after a restart', async () => {
    const redis = await startRedis()
    const cluster = new TestCluster({ redisUrl: redis.url, prefix: testPrefix() })
    const dir = tempDir()
    try {
      const a: ServerProcess = await cluster.start(dir)
      const b = await cluster.start(dir)
      const event = await createEventOn(b)
      const group = event.groups[0]?.id as string
      const board = boardDocName(event.id, group)
      const token = event.tokens.facilitators[group] as string
      const onA = clients.connect(a, board, token)
      const onB = clients.connect(b, board, token)
      await Promise.all([onA.synced(), onB.synced()])
      addNotes(onA.doc, batch('A', 10))
      addNotes(onB.doc, batch('B', 10))
      await waitFor(() => noteTexts(onA.doc).length === 20, 'A to converge')
      await waitFor(() => noteTexts(onB.doc).length === 20, 'B to converge')
      onA.destroy()
      onB.destroy()
      for (const server of [a, b]) server.child.kill('SIGTERM')
      await Promise.all([a.exited, b.exited])
      const again = await cluster.start(dir)
      expect(await readBack(again, board, token)).toEqual(
        [...batch('A', 10), ...batch('B', 10)].sort(),
      )
    } finally {
      await cluster.stopAll()
      await redis.stop()
    }
  }, 90_000)
})
