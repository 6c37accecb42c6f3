import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { brotliCompressSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { fetchFirstState, firstStateUrl } from './firstState'

/** A board of a few notes, as the server's whole state would hold it. */
function boardWith(texts: string[]): Y.Doc {
  const doc = new Y.Doc()
  const notes = doc.getMap<string>('notes')
  texts.forEach((text, i) => {
    notes.set(`n${i}`, text)
  })
  return doc
}

describe('the whole state fetched before the socket syncs', () => {
  const board = boardWith(['eka', 'toka', 'kolmas'])
  let server: Server
  let location: { protocol: string; host: string }
  /** Requests that are never answered (a stalled network). */
  const stalled: Array<() => void> = []

  beforeAll(async () => {
    server = createServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://localhost')
      if (
        url.pathname === '/api/sync/board%3Ae1%3Ag1/state' &&
        url.searchParams.get('token') === 't+1'
      ) {
        res.writeHead(200, { 'Content-Type': 'application/octet-stream', 'Content-Encoding': 'br' })
        res.end(brotliCompressSync(Y.encodeStateAsUpdate(board)))
      } else if (url.pathname.startsWith('/api/sync/board%3Ae1%3Astall/')) {
        stalled.push(() => res.end())
      } else {
        res.writeHead(401, { 'Content-Type': 'application/json' })
        res.end('{"error":{"code":"token.invalid","message":"no"}}')
      }
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    location = { protocol: 'http:', host: `127.0.0.1:${(server.address() as AddressInfo).port}` }
  })
  afterAll(async () => {
    for (const end of stalled) end()
    await new Promise((resolve) => server.close(resolve))
  })

  it('names the document and the token escaped, on the page’s origin', () => {
    expect(firstStateUrl({ protocol: 'https:', host: 'paja.fi' }, 'board:e1:g1', 'a&b')).toBe(
      'https://paja.fi/api/sync/board%3Ae1%3Ag1/state?token=a%26b',
    )
  })

  it('brings the whole document, decompressed, ready to apply', async () => {
    const whole = await fetchFirstState(firstStateUrl(location, 'board:e1:g1', 't+1'))
    expect(whole).not.toBeNull()
    const doc = new Y.Doc()
    Y.applyUpdate(doc, whole as Uint8Array)
    expect(doc.getMap('notes').toJSON()).toEqual({ n0: 'eka', n1: 'toka', n2: 'kolmas' })
  })

  it('loses and doubles nothing when the socket’s answer and a local edit came first', async () => {
    const doc = new Y.Doc()
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(board))
    doc.getMap<string>('notes').set('mine', 'oma')
    const whole = await fetchFirstState(firstStateUrl(location, 'board:e1:g1', 't+1'))
    const before = Y.encodeStateVector(doc)
    Y.applyUpdate(doc, whole as Uint8Array)
    expect(Y.encodeStateVector(doc)).toEqual(before)
    expect(doc.getMap('notes').toJSON()).toEqual({
      n0: 'eka',
      n1: 'toka',
      n2: 'kolmas',
      mine: 'oma',
    })
  })

  it('gives nothing for a refused token, an unreachable server or a stalled answer', async () => {
    expect(await fetchFirstState(firstStateUrl(location, 'board:e1:g1', 'wrong'))).toBeNull()
    expect(
      await fetchFirstState(firstStateUrl({ protocol: 'http:', host: '127.0.0.1:1' }, 'x', 't')),
    ).toBeNull()
    expect(
      await fetchFirstState(firstStateUrl(location, 'board:e1:stall', 't+1'), { waitMs: 50 }),
    ).toBeNull()
  })

  it('stops when the document is closed meanwhile', async () => {
    const closed = new AbortController()
    const answer = fetchFirstState(firstStateUrl(location, 'board:e1:stall', 't+1'), {
      signal: closed.signal,
    })
    closed.abort()
    expect(await answer).toBeNull()
  })
})
