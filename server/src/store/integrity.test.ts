import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { boardDocName } from '@hytepaja/shared/doc/names'
import * as ideas from '@hytepaja/shared/domain/ideas'
import { CloseCode } from '@hytepaja/shared/protocol/closeCodes'
import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { api } from '../testing/accessFixture.js'
import { createTestDatabase, postgresAvailable } from '../testing/postgres.js'
import {
  Clients,
  type CreatedEventBody,
  createTestEvent,
  startSyncServer,
  type TestServer,
  testActor,
  waitFor,
} from '../testing/sync.js'
import { checkIntegrity } from './integrity.js'
import { openPostgres } from './postgres.js'

const clients = new Clients()
const servers: TestServer[] = []
const dirs: string[] = []
afterEach(async () => {
  clients.destroyAll()
  for (const server of servers.splice(0)) await server.dispose()
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
})

/** A stopped server's data directory with an event whose first board holds `notes` notes. */
async function storedEvent(notes: number, text = 'Lähiliikuntapaikat kuntoon') {
  const dir = mkdtempSync(join(tmpdir(), 'hytepaja-integrity-'))
  dirs.push(dir)
  const server = await startSyncServer({}, dir)
  const event = await createTestEvent(server)
  const [a, b] = event.groups.map((g) => boardDocName(event.id, g.id)) as [string, string]
  await server.ctx.rooms.withDoc(a, (room) => {
    for (let i = 0; i < notes; i++) ideas.add(room.doc, { text: `${i} ${text}` }, testActor())
  })
  await server.ctx.rooms.withDoc(b, (room) => {
    ideas.add(room.doc, { text: 'Toisen ryhmän idea' }, testActor())
  })
  // Stopping writes every document as one compacted snapshot.
  await server.dispose({ keepData: true })
  return { dir, event, a, b, file: join(dir, 'hytepaja.sqlite') }
}

async function restart(dir: string) {
  const server = await startSyncServer({}, dir)
  servers.push(server)
  return server
}

/** Connects a real client and waits for the server to close it; resolves with the code. */
async function closedWith(server: TestServer, doc: string, token: string): Promise<number> {
  const client = clients.connect(server, doc, token)
  await waitFor(() => client.closes.length > 0, 'the server to close the socket')
  return client.closes[0]?.code as number
}

async function expectDamagedBoardHandled(
  server: TestServer,
  event: CreatedEventBody,
  a: string,
  b: string,
) {
  const group = event.groups[0]?.id as string
  const facilitator = event.tokens.facilitators[group] as string
  // A final code: the client stops instead of retrying for ever.
  const client = clients.connect(server, a, facilitator)
  await waitFor(() => client.closes.length > 0, 'the close')
  expect(client.closes[0]?.code).toBe(CloseCode.Unreadable)
  await waitFor(() => !client.provider.shouldConnect, 'the client to stop')
  expect(client.closes).toHaveLength(1)

  expect(await (await fetch(`${server.url}/healthz`)).json()).toMatchObject({
    status: 'degraded',
    store: { unreadableDocuments: 1 },
  })

  // The export leaves the damaged board out and says so; everything else is in it.
  const exported = await api(
    server,
    'GET',
    `/api/events/${event.id}/export`,
    event.tokens.organiser,
  )
  expect(exported.status).toBe(200)
  expect(exported.json.unreadable).toEqual([a])
  expect(exported.json.boards[group]).toBe(null)
  const other = event.groups[1]?.id as string
  expect(exported.json.boards[other].ideas.map((i: { text: string }) => i.text)).toEqual([
    'Toisen ryhmän idea',
  ])
  const overview = await api(
    server,
    'GET',
    `/api/events/${event.id}/overview`,
    event.tokens.organiser,
  )
  expect(overview.status).toBe(200)
  expect(overview.json.groups.map((g: { ideas: number | null }) => g.ideas)).toEqual([null, 1, 0])

  // The other board works as before.
  const reader = clients.connect(server, b, event.tokens.viewer)
  await reader.synced()
  const metrics = await server.ctx.metrics.registry.metrics()
  expect(metrics).toMatch(/hytepaja_store_unreadable_docs_total [1-9]/)
}

describe('a damaged store', () => {
  it('closes a board whose stored state cannot be decoded with a final code, and tells', async () => {
    const { dir, event, a, b, file } = await storedEvent(3)
    const db = new Database(file)
    db.prepare('UPDATE doc_snapshot SET state = ? WHERE name = ?').run(
      Buffer.from([0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f]),
      a,
    )
    db.close()
    const server = await restart(dir)
    expect(server.ctx.health.integrity).toBe('ok')
    await expectDamagedBoardHandled(server, event, a, b)
  })

  it('finds a damaged page at start (quick_check), and serves everything that can be read', async () => {
    const { dir, event, a, b, file } = await storedEvent(400, 'x'.repeat(480))
    // Overwrite a page in the middle of the big board's overflow pages with junk.
    const db = new Database(file, { readonly: true })
    const pageSize = db.pragma('page_size', { simple: true }) as number
    const pages = db
      .prepare("SELECT pageno FROM dbstat WHERE name = 'doc_snapshot' AND pagetype = 'overflow'")
      .all()
      .map((row) => (row as { pageno: number }).pageno)
    db.close()
    expect(pages.length).toBeGreaterThan(20)
    const fd = openSync(file, 'r+')
    const page = pages[Math.floor(pages.length * 0.6)] as number
    writeSync(fd, Buffer.alloc(pageSize, 0xaa), 0, pageSize, (page - 1) * pageSize)
    closeSync(fd)
    const server = await restart(dir)
    expect(server.ctx.health.integrity).toBe('damaged')
    expect(server.ctx.health.problems.join('\n')).toMatch(/page/)
    expect(await closedWith(server, a, event.tokens.organiser)).toBe(CloseCode.Unreadable)
    await expectDamagedBoardHandled(server, event, a, b)
    expect(await (await fetch(`${server.url}/healthz`)).json()).toMatchObject({
      store: { integrity: 'damaged' },
    })
  })
})

describe.skipIf(!(await postgresAvailable()))('the PostgreSQL store’s check', () => {
  it('reads the checksum failures PostgreSQL counted (none here), without a full scan', async () => {
    const database = await createTestDatabase()
    const db = openPostgres(database.url)
    try {
      const health = await checkIntegrity(db)
      expect(['ok', 'unchecked']).toContain(health.integrity)
      expect(health.problems).toEqual([])
    } finally {
      await db.close()
      await database.drop()
    }
  })
})
