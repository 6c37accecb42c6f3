import {
  boardDocName,
  eventDocName,
  proposalDocName,
  withheldDocName,
} from '@hytepaja/shared/doc/names'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { SqlDb } from '../store/sql.js'
import {
  addNotes,
  Clients,
  type CreatedEventBody,
  createTestEvent,
  joinAs,
  noteTexts,
  startSyncServer,
  type TestServer,
  waitFor,
} from '../testing/sync.js'

/** A room load reads its document's Yjs client ids once (`clientSeats.load`), by this query. */
const LOAD_QUERY = 'SELECT client_id, seat FROM doc_client WHERE name = ?'

/**
 * The server's real SQLite behind a disk the test slows down: a room load's read waits while
 * the test holds that document, and every load is counted. Outside a transaction, so nothing
 * else waits behind it.
 */
class SlowDisk {
  private readonly counted = new Map<string, number>()
  private readonly held = new Map<string, { opened: Promise<void>; open: () => void }>()
  private readonly waiting = new Set<string>()

  loads(name: string): number {
    return this.counted.get(name) ?? 0
  }

  hold(names: string[]): void {
    for (const name of names) {
      let open: () => void = () => undefined
      const opened = new Promise<void>((resolve) => {
        open = resolve
      })
      this.held.set(name, { opened, open })
    }
  }

  /** Until every one of `names` is being loaded and waits for the disk. */
  async loading(names: string[]): Promise<void> {
    await waitFor(() => names.every((n) => this.waiting.has(n)), `${names.join(', ')} to load`)
  }

  releaseAll(): void {
    for (const { open } of this.held.values()) open()
    this.held.clear()
  }

  readonly wrap = (db: SqlDb): SqlDb =>
    ({
      dialect: db.dialect,
      all: async (sql, params) => {
        const name = sql === LOAD_QUERY ? String(params?.[0]) : null
        if (name !== null) {
          this.counted.set(name, this.loads(name) + 1)
          const held = this.held.get(name)
          if (held) {
            this.waiting.add(name)
            await held.opened
            this.waiting.delete(name)
          }
        }
        return db.all(sql, params)
      },
      run: (sql, params) => db.run(sql, params),
      transaction: (fn) => db.transaction((tx) => fn(this.wrap(tx))),
      ...(db.transactionSyncedLater
        ? { transactionSyncedLater: (fn) => db.transactionSyncedLater?.((tx) => fn(this.wrap(tx))) }
        : {}),
      ...(db.allSyncedLater ? { allSyncedLater: db.allSyncedLater.bind(db) } : {}),
      close: () => db.close(),
    }) as SqlDb
}

const disk = new SlowDisk()
const clients = new Clients()
let server: TestServer
let event: CreatedEventBody
let other: CreatedEventBody
let groups: [string, string]
// Small caps, so that reaching them takes a few requests (the defaults are in README).
const PER_TOKEN_A_MINUTE = 5
const PER_SHARED_LINK_A_MINUTE = 8
const AT_ONCE_PER_TOKEN = 3
const AT_ONCE_PER_ADDRESS = 5

beforeAll(async () => {
  server = await startSyncServer(
    {
      wrapDb: disk.wrap,
      rateLimits: {
        statesPerToken: PER_TOKEN_A_MINUTE,
        statesPerSharedLink: PER_SHARED_LINK_A_MINUTE,
      },
    },
    undefined,
    {
      MAX_SOCKETS_PER_TOKEN: String(AT_ONCE_PER_TOKEN),
      MAX_SOCKETS_PER_ADDRESS: String(AT_ONCE_PER_ADDRESS),
      // Each test asks from addresses of its own (X-Forwarded-For).
      TRUST_PROXY: '1',
    },
  )
  event = await createTestEvent(server)
  other = await createTestEvent(server)
  groups = event.groups.map((g) => g.id).slice(0, 2) as [string, string]
  expect(groups).toHaveLength(2)
})
afterAll(() => server?.dispose())
afterEach(() => {
  disk.releaseAll()
  clients.destroyAll()
})

interface StateAnswer {
  status: number
  retryAfter: string | null
  code: string | null
  body: Uint8Array
}

async function askState(doc: string, token: string, address: string): Promise<StateAnswer> {
  const res = await fetch(
    `${server.url}/api/sync/${encodeURIComponent(doc)}/state?token=${encodeURIComponent(token)}`,
    { headers: { 'X-Forwarded-For': address } },
  )
  const body = new Uint8Array(await res.arrayBuffer())
  const json = res.headers.get('content-type')?.startsWith('application/json')
  return {
    status: res.status,
    retryAfter: res.headers.get('retry-after'),
    code: json ? JSON.parse(new TextDecoder().decode(body)).error.code : null,
    body,
  }
}

/** Writes notes onto `board` and waits until its room is let go (it loads anew when asked). */
async function storedBoard(board: string, texts: string[]): Promise<void> {
  const writer = clients.connect(server, board, event.tokens.facilitators[groups[0]] as string)
  await writer.synced()
  addNotes(writer.doc, texts)
  await waitFor(() => writer.provider.synced, 'the notes to be sent')
  writer.destroy()
  await waitFor(() => !server.ctx.rooms.names().includes(board), 'the board to be let go')
}

async function refusedCount(reason: string): Promise<number> {
  const res = await fetch(`${server.url}/metrics`, {
    headers: { authorization: `Bearer ${server.ctx.secrets.adminToken}` },
  })
  const line = (await res.text()).split('\n').find((l) => l.includes(`reason="${reason}"`))
  return line ? Number(line.split(' ').at(-1)) : 0
}

describe('how often one token may ask for whole states', () => {
  it('refuses a participant past the minute’s rate with 429 and Retry-After, loads nothing for it, and lets another participant and its socket through', async () => {
    const board = boardDocName(event.id, groups[0])
    await storedBoard(board, ['Kävelyreitit valaistaan'])
    const anna = await joinAs(server, event, 'Anna', groups[0])
    const ben = await joinAs(server, event, 'Ben', groups[0])
    const address = '198.51.100.1'
    for (let i = 0; i < PER_TOKEN_A_MINUTE; i++) {
      expect((await askState(eventDocName(event.id), anna.token, address)).status).toBe(200)
    }
    const refusedBefore = await refusedCount('stateRate')
    const loadsBefore = disk.loads(board)

    const refused = await askState(board, anna.token, address)
    expect(refused).toMatchObject({ status: 429, code: 'sync.stateRateLimited' })
    const retryAfter = Number(refused.retryAfter)
    expect(Number.isInteger(retryAfter)).toBe(true)
    expect(retryAfter).toBeGreaterThanOrEqual(1)
    expect(retryAfter).toBeLessThanOrEqual(60)
    expect(disk.loads(board)).toBe(loadsBefore)
    expect(server.ctx.rooms.names()).not.toContain(board)
    expect(await refusedCount('stateRate')).toBe(refusedBefore + 1)

    // Another participant of the event, from the same address, has a count of their own.
    const forBen = await askState(board, ben.token, address)
    expect(forBen.status).toBe(200)
    const fetched = new Y.Doc()
    Y.applyUpdate(fetched, forBen.body)
    expect(noteTexts(fetched)).toEqual(['Kävelyreitit valaistaan'])
    // What Anna's page does after the 429: its socket brings the board.
    const annasSocket = clients.connect(server, board, anna.token)
    await annasSocket.synced()
    expect(noteTexts(annasSocket.doc)).toEqual(['Kävelyreitit valaistaan'])
  })

  it('counts a role link per address: one office past the rate does not stop another', async () => {
    const facilitator = event.tokens.facilitators[groups[1]] as string
    const eventDoc = eventDocName(event.id)
    for (let i = 0; i < PER_SHARED_LINK_A_MINUTE; i++) {
      expect((await askState(eventDoc, facilitator, '198.51.100.2')).status).toBe(200)
    }
    expect(await askState(eventDoc, facilitator, '198.51.100.2')).toMatchObject({
      status: 429,
      code: 'sync.stateRateLimited',
    })
    expect((await askState(eventDoc, facilitator, '198.51.100.3')).status).toBe(200)
  })
})

describe('how many whole states are worked on at once', () => {
  it('gives a participant as many at once as sockets, refuses one more with Retry-After 1, and takes it again once they are answered', async () => {
    const carl = await joinAs(server, event, 'Carl', groups[0])
    const dana = await joinAs(server, event, 'Dana', groups[0])
    const address = '198.51.100.4'
    const slow = [
      boardDocName(event.id, groups[1]),
      proposalDocName(event.id, groups[0], 'main'),
      proposalDocName(event.id, groups[1], 'main'),
    ]
    expect(slow).toHaveLength(AT_ONCE_PER_TOKEN)
    disk.hold(slow)
    const answers = slow.map((doc) => askState(doc, carl.token, address))
    await disk.loading(slow)
    const refusedBefore = await refusedCount('stateConcurrency')

    const oneMore = await askState(eventDocName(event.id), carl.token, address)
    expect(oneMore).toMatchObject({ status: 429, code: 'sync.tooManyStates', retryAfter: '1' })
    expect(await refusedCount('stateConcurrency')).toBe(refusedBefore + 1)
    // Someone else's token is not held up by Carl's.
    expect((await askState(eventDocName(event.id), dana.token, address)).status).toBe(200)

    disk.releaseAll()
    expect((await Promise.all(answers)).map((a) => a.status)).toEqual([200, 200, 200])
    expect((await askState(eventDocName(event.id), carl.token, address)).status).toBe(200)
  })

  it('gives one address as many at once as sockets, every token together, and no more', async () => {
    const address = '198.51.100.5'
    const slow = [
      withheldDocName(event.id, groups[0]),
      withheldDocName(event.id, groups[1]),
      proposalDocName(event.id, groups[0], 'body'),
      proposalDocName(event.id, groups[1], 'body'),
      boardDocName(other.id, other.groups[0]?.id as string),
    ]
    expect(slow).toHaveLength(AT_ONCE_PER_ADDRESS)
    disk.hold(slow)
    const answers = slow.map((doc) =>
      askState(
        doc,
        doc.includes(other.id) ? other.tokens.organiser : event.tokens.organiser,
        address,
      ),
    )
    await disk.loading(slow)
    const eve = await joinAs(server, event, 'Eve', groups[0])

    const fromThere = await askState(eventDocName(event.id), eve.token, address)
    expect(fromThere).toMatchObject({ status: 429, code: 'sync.tooManyStates', retryAfter: '1' })
    expect((await askState(eventDocName(event.id), eve.token, '198.51.100.6')).status).toBe(200)

    disk.releaseAll()
    expect((await Promise.all(answers)).every((a) => a.status === 200)).toBe(true)
    expect((await askState(eventDocName(event.id), eve.token, address)).status).toBe(200)
  })
})

describe('a document the token may not read', () => {
  it('is refused (403) before it is loaded', async () => {
    const withheld = withheldDocName(event.id, groups[0])
    const board = boardDocName(event.id, groups[1])
    await waitFor(
      () => !server.ctx.rooms.names().some((n) => n === withheld || n === board),
      'the documents to be let go',
    )
    const before = [disk.loads(withheld), disk.loads(board)]
    const address = '198.51.100.7'
    expect((await askState(withheld, event.tokens.viewer, address)).status).toBe(403)
    expect((await askState(board, other.tokens.organiser, address)).status).toBe(403)
    expect([disk.loads(withheld), disk.loads(board)]).toEqual(before)
    // The count sees a load: a token that may read the withheld notes loads them.
    const facilitator = event.tokens.facilitators[groups[0]] as string
    expect((await askState(withheld, facilitator, address)).status).toBe(200)
    expect(disk.loads(withheld)).toBe((before[0] as number) + 1)
  })
})
