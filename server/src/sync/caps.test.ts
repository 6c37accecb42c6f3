import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { boardDocName, eventDocName } from '@hytepaja/shared/doc/names'
import { CloseCode } from '@hytepaja/shared/protocol/closeCodes'
import { afterEach, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import { defaultSocketTotal } from '../config.js'
import {
  Clients,
  createTestEvent,
  joinAs,
  type RawClient,
  rawClient,
  startSyncServer,
  type TestServer,
  waitFor,
} from '../testing/sync.js'

const servers: TestServer[] = []
const clients = new Clients()
const sockets: RawClient[] = []
afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.destroy()
  clients.destroyAll()
  for (const server of servers.splice(0)) await server.dispose()
})

async function start(env: Record<string, string> = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'hytepaja-caps-'))
  const server = await startSyncServer({}, dir, env)
  servers.push(server)
  const event = await createTestEvent(server)
  const group = event.groups[0]?.id as string
  return { server, event, group, board: boardDocName(event.id, group) }
}

/** Opens a socket; resolves with it, or with the refusal's status and JSON body. */
function tryOpen(
  server: TestServer,
  doc: string,
  token: string,
  headers: Record<string, string> = {},
): Promise<{ socket: RawClient } | { status: number; code?: string }> {
  return rawClient(server, doc, token, { headers }).then(
    (socket) => {
      sockets.push(socket)
      return { socket }
    },
    async (error: Error) => {
      // rawClient rejects with the status; ask again to read the body.
      const status = Number(/answered (\d+)/.exec(error.message)?.[1])
      return { status, code: await refusalCode(server, doc, token, headers) }
    },
  )
}

function refusalCode(
  server: TestServer,
  doc: string,
  token: string,
  headers: Record<string, string>,
): Promise<string | undefined> {
  const ws = new WebSocket(
    `ws://127.0.0.1:${server.port}/sync/${encodeURIComponent(doc)}?token=${encodeURIComponent(token)}`,
    { headers },
  )
  return new Promise((resolve) => {
    ws.on('error', () => undefined)
    ws.once('open', () => {
      ws.terminate()
      resolve(undefined)
    })
    ws.once('unexpected-response', (_req, res) => {
      let text = ''
      res.on('data', (chunk) => {
        text += chunk
      })
      res.on('end', () => resolve(JSON.parse(text).error?.code))
    })
  })
}

async function metric(server: TestServer, line: string): Promise<number> {
  const text = await server.ctx.metrics.registry.metrics()
  const found = text.split('\n').find((l) => l.startsWith(`${line} `))
  return found ? Number(found.slice(line.length + 1)) : 0
}

describe('socket caps', () => {
  it('refuses a participant’s socket past the cap with 429, and others still get in', async () => {
    const { server, event, group, board } = await start({ MAX_SOCKETS_PER_TOKEN: '8' })
    const anna = await joinAs(server, event, 'Anna', group)
    for (let i = 0; i < 8; i++) {
      const opened = await tryOpen(server, i % 2 ? board : eventDocName(event.id), anna.token)
      expect([i, 'socket' in opened]).toEqual([i, true])
    }
    const refused = await tryOpen(server, board, anna.token)
    expect(refused).toEqual({ status: 429, code: 'sync.tooManySockets' })
    expect(await metric(server, 'hytepaja_sync_refused_sockets_total{reason="token"}')).toBe(2)

    // An honest viewer, another participant and /healthz are not held up.
    const viewer = clients.connect(server, board, event.tokens.viewer)
    await viewer.synced()
    const ben = await joinAs(server, event, 'Ben', group)
    expect('socket' in (await tryOpen(server, board, ben.token))).toBe(true)
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200)

    // A socket that closes frees its place.
    sockets[0]?.destroy()
    await waitFor(
      async () => 'socket' in (await tryOpen(server, board, anna.token)),
      'a free place',
    )
  })

  it('counts a role link’s sockets per address, generous for a venue behind one address', async () => {
    const { server, event, board } = await start({
      TRUST_PROXY: '1',
      MAX_SOCKETS_PER_TOKEN: '4',
      MAX_SOCKETS_PER_ADDRESS: '12',
    })
    const venue = { 'x-forwarded-for': '198.51.100.20' }
    // A role link is many people's: the per-token cap is not theirs.
    for (let i = 0; i < 12; i++) {
      expect('socket' in (await tryOpen(server, board, event.tokens.viewer, venue))).toBe(true)
    }
    expect(await tryOpen(server, board, event.tokens.viewer, venue)).toEqual({
      status: 429,
      code: 'sync.tooManySockets',
    })
    // Another address, and an IPv6 client whose whole /64 counts as one.
    expect('socket' in (await tryOpen(server, board, event.tokens.viewer))).toBe(true)
    for (let i = 0; i < 12; i++) {
      const v6 = { 'x-forwarded-for': `2001:db8:1:2::${(i + 1).toString(16)}` }
      expect('socket' in (await tryOpen(server, board, event.tokens.viewer, v6))).toBe(true)
    }
    const sameNetwork = { 'x-forwarded-for': '2001:db8:1:2:ffff::1' }
    expect(await tryOpen(server, board, event.tokens.viewer, sameNetwork)).toMatchObject({
      status: 429,
    })
    expect(await metric(server, 'hytepaja_sync_refused_sockets_total{reason="address"}')).toBe(4)
  })

  it('lets no more than the cap open when sockets arrive all at once', async () => {
    const { server, event, group, board } = await start({ MAX_SOCKETS_PER_TOKEN: '6' })
    const anna = await joinAs(server, event, 'Anna', group)
    const urls = Array.from(
      { length: 40 },
      () =>
        `ws://127.0.0.1:${server.port}/sync/${encodeURIComponent(board)}?token=${encodeURIComponent(anna.token)}`,
    )
    const outcomes = await Promise.all(
      urls.map(
        (url) =>
          new Promise<{ opened: boolean; close?: number; status?: number; ws: WebSocket }>(
            (resolve) => {
              const ws = new WebSocket(url)
              ws.on('error', () => undefined)
              ws.once('unexpected-response', (_req, res) => {
                resolve({ opened: false, status: res.statusCode, ws })
                ws.terminate()
              })
              ws.once('open', () => {
                // Still open after the server had its chance to close it.
                const timer = setTimeout(() => resolve({ opened: true, ws }), 1_000)
                ws.once('close', (code) => {
                  clearTimeout(timer)
                  resolve({ opened: false, close: code, ws })
                })
              })
            },
          ),
      ),
    )
    try {
      expect(outcomes.filter((o) => o.opened)).toHaveLength(6)
      for (const o of outcomes.filter((o) => !o.opened)) {
        expect(o.status === 429 || o.close === CloseCode.TooManySockets).toBe(true)
      }
      expect(server.ctx.connections.size).toBe(6)
    } finally {
      for (const o of outcomes) o.ws.terminate()
    }
  })

  it('keeps a fifth of the file descriptors free by default', () => {
    const dir = mkdtempSync(join(tmpdir(), 'hytepaja-limits-'))
    const file = join(dir, 'limits')
    writeFileSync(
      file,
      'Limit                     Soft Limit           Hard Limit           Units     \nMax open files            20000                20000                files     \n',
    )
    expect(defaultSocketTotal(file)).toBe(16_000)
    expect(defaultSocketTotal(join(dir, 'missing'))).toBe(10_000)
  })
})
