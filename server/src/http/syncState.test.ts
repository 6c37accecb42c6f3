import { request } from 'node:http'
import { brotliDecompressSync, gunzipSync } from 'node:zlib'
import { boardDocName, eventDocName, withheldDocName } from '@hytepaja/shared/doc/names'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  addNotes,
  Clients,
  type CreatedEventBody,
  createTestEvent,
  noteTexts,
  startWithEvent,
  type TestServer,
  waitFor,
} from '../testing/sync.js'

interface Answer {
  status: number
  headers: Record<string, string | string[] | undefined>
  /** The bytes as sent (still compressed when `Content-Encoding` says so). */
  raw: Buffer
}

/** A GET with node:http, which (unlike fetch) leaves the body as the server encoded it. */
function get(server: TestServer, path: string, acceptEncoding?: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(
      `${server.url}${path}`,
      { headers: acceptEncoding ? { 'Accept-Encoding': acceptEncoding } : {} },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (chunk: Buffer) => chunks.push(chunk))
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            raw: Buffer.concat(chunks),
          }),
        )
        res.on('error', reject)
      },
    )
    req.on('error', reject)
    req.end()
  })
}

function decoded(answer: Answer): Buffer {
  const encoding = answer.headers['content-encoding']
  if (encoding === 'br') return brotliDecompressSync(answer.raw)
  if (encoding === 'gzip') return gunzipSync(answer.raw)
  return answer.raw
}

const statePath = (doc: string, token?: string) =>
  `/api/sync/${encodeURIComponent(doc)}/state${token === undefined ? '' : `?token=${encodeURIComponent(token)}`}`

describe('GET /api/sync/{doc}/state', () => {
  let server: TestServer
  let event: CreatedEventBody
  let other: CreatedEventBody
  let board: string
  let facilitator: string
  const clients = new Clients()

  beforeAll(async () => {
    ;({ server, event, board, facilitator } = await startWithEvent())
    other = await createTestEvent(server)
    const writer = clients.connect(server, board, facilitator)
    await writer.synced()
    addNotes(
      writer.doc,
      Array.from({ length: 300 }, (_, i) => `idea ${i}: ${'words that repeat '.repeat(3)}`),
    )
    await waitFor(() => writer.provider.synced, 'the notes to be sent')
  })
  afterAll(() => server.dispose())
  afterEach(() => clients.destroyAll())

  it('gives the document a socket joiner gets, with no cache allowed', async () => {
    const joiner = clients.connect(server, board, event.tokens.viewer)
    await joiner.synced()
    await waitFor(() => noteTexts(joiner.doc).length === 300, 'the joiner to have every note')
    const answer = await get(server, statePath(board, event.tokens.viewer))
    expect(answer.status).toBe(200)
    expect(answer.headers['cache-control']).toBe('no-store')
    expect(answer.headers['content-type']).toBe('application/octet-stream')
    expect(answer.headers['content-encoding']).toBeUndefined()
    const fetched = new Y.Doc()
    Y.applyUpdate(fetched, decoded(answer))
    expect(noteTexts(fetched)).toHaveLength(300)
    expect(Y.encodeStateAsUpdate(fetched)).toEqual(Y.encodeStateAsUpdate(joiner.doc))
  })

  it('compresses by Accept-Encoding: br and gzip decode to the same bytes as the plain answer', async () => {
    const plain = await get(server, statePath(board, event.tokens.viewer))
    const br = await get(server, statePath(board, event.tokens.viewer), 'gzip, deflate, br')
    const gzip = await get(server, statePath(board, event.tokens.viewer), 'gzip;q=1, br;q=0')
    expect(br.headers['content-encoding']).toBe('br')
    expect(gzip.headers['content-encoding']).toBe('gzip')
    for (const answer of [br, gzip]) {
      expect(answer.headers.vary).toBe('Accept-Encoding')
      expect(Number(answer.headers['content-length'])).toBe(answer.raw.byteLength)
      expect(answer.raw.byteLength).toBeLessThan(plain.raw.byteLength / 3)
      expect(decoded(answer)).toEqual(plain.raw)
    }
  })

  it('has an edit made after one fetch in the next', async () => {
    const before = new Y.Doc()
    Y.applyUpdate(before, decoded(await get(server, statePath(board, facilitator), 'br')))
    const writer = clients.connect(server, board, facilitator)
    await writer.synced()
    addNotes(writer.doc, ['added after the first fetch'])
    const after = new Y.Doc()
    await waitFor(async () => {
      const answer = await get(server, statePath(board, facilitator), 'br')
      Y.applyUpdate(after, decoded(answer))
      return noteTexts(after).includes('added after the first fetch')
    }, 'the new note in the fetched state')
    expect(noteTexts(before)).not.toContain('added after the first fetch')
    expect(noteTexts(after)).toHaveLength(noteTexts(before).length + 1)
  })

  it('refuses as the socket does, with the JSON error body', async () => {
    const refusals: Array<[string, number]> = [
      [statePath(board), 401],
      [statePath(board, ''), 401],
      [statePath(board, 'not-a-token'), 401],
      [statePath(board, other.tokens.organiser), 403],
      [statePath(eventDocName(event.id), other.tokens.viewer), 403],
      [statePath(boardDocName(event.id, 'nosuchgroup'), event.tokens.organiser), 404],
      [statePath('nonsense', event.tokens.organiser), 404],
      [`/api/sync/%E0%A4%A/state?token=${event.tokens.organiser}`, 404],
      [statePath('x'.repeat(300), event.tokens.organiser), 404],
    ]
    for (const [path, status] of refusals) {
      const answer = await get(server, path, 'br')
      expect({ path, status: answer.status }).toEqual({ path, status })
      expect(answer.headers['content-type']).toMatch(/^application\/json/)
      expect(answer.headers['cache-control']).toBe('no-store')
      expect(JSON.parse(decoded(answer).toString('utf8'))).toEqual({
        error: { code: expect.any(String), message: expect.any(String) },
      })
    }
  })

  it('keeps a board\u2019s withheld notes from those who may not read them, as the socket does', async () => {
    const withheld = withheldDocName(event.id, event.groups[0]?.id as string)
    expect((await get(server, statePath(withheld, event.tokens.viewer))).status).toBe(403)
    expect((await get(server, statePath(withheld, facilitator))).status).toBe(200)
  })
})
