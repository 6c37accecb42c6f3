import { boardDocName, eventDocName } from '@hytepaja/shared/doc/names'
import { CloseCode } from '@hytepaja/shared/protocol/closeCodes'
import * as encoding from 'lib0/encoding'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import WebSocket from 'ws'
import * as Y from 'yjs'
import { MAX_FRAME_BYTES } from '../server.js'
import { api } from '../testing/accessFixture.js'
import {
  addNotes,
  Clients,
  type CreatedEventBody,
  createTestEvent,
  notesUpdate,
  noteTexts,
  rawClient,
  startSyncServer,
  type TestServer,
  waitFor,
  wire,
} from '../testing/sync.js'

interface UpgradeAnswer {
  status: number
  /** The parsed JSON body of a refusal (undefined when it opened). */
  body?: { error?: { code?: string; message?: string } }
  contentType?: string
}

/** The HTTP answer to an upgrade request for a raw path under /sync/ (101 when it opens). */
function upgrade(server: TestServer, rawPath: string): Promise<UpgradeAnswer> {
  const ws = new WebSocket(`ws://127.0.0.1:${server.port}/sync/${rawPath}`)
  return new Promise((resolve, reject) => {
    ws.once('open', () => {
      ws.terminate()
      resolve({ status: 101 })
    })
    ws.once('unexpected-response', (_req, res) => {
      let text = ''
      res.setEncoding('utf8')
      res.on('data', (chunk: string) => {
        text += chunk
      })
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          body: text ? JSON.parse(text) : undefined,
          contentType: res.headers['content-type'],
        }),
      )
    })
    ws.once('error', (error) => {
      if (!/Unexpected server response/.test(error.message)) reject(error)
    })
  })
}

describe('who may open a sync socket', () => {
  let server: TestServer
  let event: CreatedEventBody
  let other: CreatedEventBody
  let board: string
  const clients = new Clients()

  beforeAll(async () => {
    server = await startSyncServer()
    event = await createTestEvent(server)
    other = await createTestEvent(server)
    board = boardDocName(event.id, event.groups[0]?.id as string)
  })
  afterAll(() => server.dispose())
  afterEach(() => clients.destroyAll())

  const q = (token: string) => `?token=${encodeURIComponent(token)}`

  it('answers 401 before the upgrade without a token or with an unknown one', async () => {
    for (const path of [board, `${board}?token=`, `${board}${q('not-a-token')}`]) {
      // Like every HTTP error of the contract: JSON {error: {code, message}}.
      const answer = await upgrade(server, path)
      expect(answer).toMatchObject({
        status: 401,
        body: { error: { code: expect.any(String), message: expect.any(String) } },
      })
      expect(answer.contentType).toMatch(/^application\/json/)
    }
  })

  it('answers 403 to a token of another event', async () => {
    expect(await upgrade(server, `${board}${q(other.tokens.viewer)}`)).toMatchObject({
      status: 403,
      body: { error: { code: expect.any(String) } },
    })
    expect(
      (await upgrade(server, `${eventDocName(event.id)}${q(other.tokens.organiser)}`)).status,
    ).toBe(403)
  })

  it('answers 404 for a board of a group that does not exist and for malformed names', async () => {
    const token = q(event.tokens.organiser)
    for (const name of [
      boardDocName(event.id, 'nosuchgroup'),
      'nonsense',
      `board:${event.id}`,
      `event:${event.id.toUpperCase()}`,
      `board:${event.id}:${event.groups[0]?.id}:extra`,
      `unknown:${event.id}`,
      '%E0%A4%A',
      encodeURIComponent(`${board} `),
      'x'.repeat(300),
    ]) {
      const answer = await upgrade(server, `${name}${token}`)
      expect({ name, status: answer.status }).toEqual({ name, status: 404 })
      expect(answer.body?.error?.code).toEqual(expect.any(String))
    }
  })

  it('opens the board of a group added a moment ago, and answers 404 once its group is removed', async () => {
    const token = q(event.tokens.organiser)
    // Sockets are open, so the event document is loaded and read when the next one comes.
    const open = clients.connect(server, board, event.tokens.viewer)
    await open.synced()
    const added = await api(
      server,
      'POST',
      `/api/events/${event.id}/groups`,
      event.tokens.organiser,
      {
        name: 'Uusi ryhmä',
      },
    )
    expect(added.status).toBe(201)
    const newBoard = boardDocName(event.id, added.json.id)
    expect((await upgrade(server, `${newBoard}${token}`)).status).toBe(101)
    const removed = await api(
      server,
      'DELETE',
      `/api/events/${event.id}/groups/${added.json.id}`,
      event.tokens.organiser,
    )
    expect(removed.status).toBe(204)
    expect(await upgrade(server, `${newBoard}${token}`)).toMatchObject({
      status: 404,
      body: { error: { code: 'doc.notFound' } },
    })
    // The other groups' boards are as they were.
    expect((await upgrade(server, `${board}${token}`)).status).toBe(101)
  })

  it('opens for every role of the event, with the name plain or percent-encoded', async () => {
    for (const token of [event.tokens.viewer, event.tokens.chair, event.tokens.organiser]) {
      expect((await upgrade(server, `${board}${q(token)}`)).status).toBe(101)
      expect((await upgrade(server, `${encodeURIComponent(board)}${q(token)}`)).status).toBe(101)
    }
  })

  it('syncs a document whose name arrives percent-encoded (board%3A…)', async () => {
    const token = event.tokens.facilitators[event.groups[0]?.id as string] as string
    const encoded = clients.connect(server, encodeURIComponent(board), token)
    const plain = clients.connect(server, board, token)
    await Promise.all([encoded.synced(), plain.synced()])
    expect(encodeURIComponent(board)).toMatch(/^board%3A/)
    addNotes(encoded.doc, ['through the encoded name'])
    await waitFor(() => noteTexts(plain.doc).length === 1, 'the plain client to see it')
  })

  it('answers 426 to a plain HTTP request for a sync path', async () => {
    const res = await fetch(`${server.url}/sync/${board}${q(event.tokens.viewer)}`)
    expect(res.status).toBe(426)
  })
})

type BadFrame = { what: string; frame: () => Uint8Array | string; code: [number, number] }

const badFrames: BadFrame[] = [
  {
    what: 'a frame over 2 MiB',
    frame: () => new Uint8Array(MAX_FRAME_BYTES + 1),
    code: [CloseCode.MessageTooBig, CloseCode.MessageTooBig],
  },
  {
    what: 'garbage bytes',
    frame: () => new Uint8Array([0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f]),
    code: [4400, 4499],
  },
  { what: 'an empty frame', frame: () => new Uint8Array([]), code: [4400, 4499] },
  { what: 'a truncated sync message', frame: () => new Uint8Array([0, 2]), code: [4400, 4499] },
  {
    what: 'a sync message whose payload is cut short',
    frame: () => wire.update(notesUpdate(['cut'])).slice(0, 12),
    code: [4400, 4499],
  },
  {
    what: 'an unknown message type',
    frame: () => new Uint8Array([7, 1, 2, 3]),
    code: [4400, 4499],
  },
  {
    what: 'an unknown sync message type',
    frame: () => new Uint8Array([0, 9, 1, 0]),
    code: [4400, 4499],
  },
  {
    what: 'a sync update whose payload is not a Yjs update',
    frame: () => wire.update(new TextEncoder().encode('DROP TABLE doc_update; -- not yjs')),
    code: [4400, 4499],
  },
  {
    what: 'a sync step 2 whose payload is not a Yjs update',
    frame: () => wire.syncStep2(new Uint8Array([1, 2, 3])),
    code: [4400, 4499],
  },
  {
    what: 'a sync step 1 whose state vector does not decode',
    frame: () => wire.syncStep1(new Uint8Array([5, 1])),
    code: [4400, 4499],
  },
  {
    what: 'awareness that is not JSON',
    frame: () =>
      wire.awarenessRaw(
        wire.build((e) => {
          encoding.writeVarUint(e, 1) // one entry
          encoding.writeVarUint(e, 1) // client
          encoding.writeVarUint(e, 1) // clock
          encoding.writeVarString(e, '{not json')
        }),
      ),
    code: [4400, 4499],
  },
  { what: 'a text frame', frame: () => 'hello, server', code: [4400, 4499] },
]

describe('frames that do not decode', () => {
  let server: TestServer
  let event: CreatedEventBody
  let board: string
  let token: string
  const clients = new Clients()

  beforeAll(async () => {
    server = await startSyncServer()
    event = await createTestEvent(server)
    const group = event.groups[0]?.id as string
    board = boardDocName(event.id, group)
    token = event.tokens.facilitators[group] as string
  })
  afterAll(() => server.dispose())
  afterEach(() => clients.destroyAll())

  it.each(badFrames)('closes the socket for $what and keeps serving the others', async (bad) => {
    const bystander = clients.connect(server, board, token)
    await bystander.synced()
    addNotes(bystander.doc, [`before ${bad.what}`])
    const room = await server.ctx.rooms.loaded(board)
    await waitFor(() => noteTexts(room?.doc as Y.Doc).includes(`before ${bad.what}`), 'the note')
    const before = Y.encodeStateAsUpdate(room?.doc as Y.Doc)

    const attacker = clients.track(await rawClient(server, board, token))
    await attacker.roundTrip()
    attacker.send(bad.frame())
    const closed = await attacker.closed
    expect(closed.code).toBeGreaterThanOrEqual(bad.code[0])
    expect(closed.code).toBeLessThanOrEqual(bad.code[1])

    // The document is unharmed and everyone else carries on.
    expect(Y.encodeStateAsUpdate(room?.doc as Y.Doc)).toEqual(before)
    expect(bystander.closes).toEqual([])
    addNotes(bystander.doc, [`after ${bad.what}`])
    const fresh = clients.connect(server, board, token)
    await fresh.synced()
    await waitFor(() => noteTexts(fresh.doc).includes(`after ${bad.what}`), 'a fresh client')
    expect(noteTexts(fresh.doc)).toEqual(noteTexts(bystander.doc))
  })
})

describe('frames that arrive while the room loads', () => {
  let server: TestServer
  const clients = new Clients()
  afterEach(async () => {
    clients.destroyAll()
    await server.dispose()
  })

  /** A server whose board load waits until `open()` is called. */
  async function slowBoard() {
    server = await startSyncServer()
    const event = await createTestEvent(server)
    const group = event.groups[0]?.id as string
    const board = boardDocName(event.id, group)
    let open: () => void = () => undefined
    const gate = new Promise<void>((resolve) => {
      open = resolve
    })
    const load = server.ctx.docs.load
    vi.spyOn(server.ctx.docs, 'load').mockImplementation(async (name) => {
      if (name === board) await gate
      return load(name)
    })
    return { board, token: event.tokens.facilitators[group] as string, open }
  }

  it('are kept and handled in order once the room is there', async () => {
    const { board, token, open } = await slowBoard()
    const raw = clients.track(await rawClient(server, board, token))
    raw.send(wire.update(notesUpdate(['sent before the room loaded'])))
    open()
    await raw.roundTrip()
    const reader = clients.connect(server, board, token)
    await reader.synced()
    expect(noteTexts(reader.doc)).toEqual(['sent before the room loaded'])
  })

  it('close a socket that sends more than a client would before its room loads', async () => {
    const { board, token, open } = await slowBoard()
    const raw = clients.track(await rawClient(server, board, token))
    const big = new Uint8Array(MAX_FRAME_BYTES - 1024)
    for (let i = 0; i < 3; i++) raw.send(big)
    const closed = await raw.closed
    expect(closed.code).toBe(CloseCode.BadMessage)
    open()
    const writer = clients.connect(server, board, token)
    await writer.synced()
    addNotes(writer.doc, ['the board still works'])
    const reader = clients.connect(server, board, token)
    await waitFor(() => noteTexts(reader.doc).length === 1, 'the reader')
  })
})
