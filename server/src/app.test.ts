import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { request } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestEvent, rawSyncClient, startTestServer } from './testing/accessFixture.js'

/** The raw answer, bytes as they came over the wire (fetch would decompress them). */
function raw(
  url: string,
  headers: Record<string, string> = {},
  method = 'GET',
): Promise<{ status: number; headers: Record<string, string | undefined>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method, headers }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (chunk: Buffer) => chunks.push(chunk))
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers as Record<string, string | undefined>,
          body: Buffer.concat(chunks),
        }),
      )
    })
    req.on('error', reject)
    req.end()
  })
}

/** A built file and the copies `client/build/precompress.ts` writes beside it. */
function writeBuilt(path: string, text: string) {
  writeFileSync(path, text)
  writeFileSync(`${path}.br`, brotliCompressSync(text))
  writeFileSync(`${path}.gz`, gzipSync(text))
}

const ENTRY = `export const words = ${JSON.stringify('kävelyreitit valaistaan '.repeat(400))}\n`
const SHELL =
  '<!doctype html><html><head><title>Hytepaja</title></head><body><p>Ladataan…</p></body></html>'

const clientDir = mkdtempSync(join(tmpdir(), 'hytepaja-client-'))
let server: Awaited<ReturnType<typeof startTestServer>>

beforeAll(async () => {
  mkdirSync(join(clientDir, 'assets'))
  writeBuilt(join(clientDir, 'index.html'), SHELL)
  writeBuilt(join(clientDir, 'assets', 'index-abc123.js'), ENTRY)
  writeFileSync(join(clientDir, 'assets', 'tiny-abc123.js'), 'console.log(1)')
  writeFileSync(join(clientDir, 'sw.js'), 'self.addEventListener("fetch", () => {})')
  writeFileSync(
    join(clientDir, 'route-preloads.json'),
    JSON.stringify({
      routes: [
        {
          path: '/e/:eventId/join',
          modules: ['/assets/JoinPage-abc123.js'],
          styles: ['/assets/JoinPage-abc123.css'],
        },
      ],
    }),
  )
  server = await startTestServer({ CLIENT_DIR: clientDir })
})
afterAll(async () => {
  await server?.dispose()
  rmSync(clientDir, { recursive: true, force: true })
})

describe('one process serves the built client, /api and /sync on one port', () => {
  it('answers every client route with the app shell, never cached', async () => {
    for (const path of ['/', '/e/abc/g/def', '/admin', '/e/abc/agenda?x=1']) {
      const res = await fetch(`${server.url}${path}`)
      expect({ path, status: res.status }).toEqual({ path, status: 200 })
      expect(await res.text()).toContain('<title>Hytepaja</title>')
      expect(res.headers.get('cache-control')).toBe('no-cache')
    }
  })

  it('serves built files for a year, and a missing one as a 404, not as the app shell', async () => {
    const asset = await fetch(`${server.url}/assets/tiny-abc123.js`)
    expect(asset.status).toBe(200)
    expect(asset.headers.get('cache-control')).toContain('immutable')
    const missing = await fetch(`${server.url}/assets/index-old999.js`)
    expect(missing.status).toBe(404)
    expect(missing.headers.get('cache-control') ?? '').not.toContain('immutable')
    expect(await missing.json()).toMatchObject({ error: { code: 'notFound' } })
  })

  it('serves the service worker so that every visit checks it for a new version', async () => {
    const worker = await fetch(`${server.url}/sw.js`)
    expect(worker.status).toBe(200)
    expect(worker.headers.get('content-type')).toMatch(/javascript/)
    expect(worker.headers.get('cache-control')).toBe('no-cache')
  })

  it('keeps /api, /healthz and /sync their own', async () => {
    expect(await (await fetch(`${server.url}/healthz`)).json()).toEqual({ status: 'ok' })
    const api = await fetch(`${server.url}/api/nothing`)
    expect(api.status).toBe(404)
    expect(await api.json()).toMatchObject({ error: { code: 'notFound' } })
    const noToken = await fetch(`${server.url}/sync/board:x:y`)
    expect(noToken.status).toBe(401)
    expect(await noToken.json()).toMatchObject({ error: { code: expect.any(String) } })
    const event = await createTestEvent(server)
    const plain = await fetch(
      `${server.url}/sync/event:${event.id}?token=${encodeURIComponent(event.tokens.viewer)}`,
    )
    expect(plain.status).toBe(426)
  })

  it('sends a built file as its brotli or gzip copy, by Accept-Encoding, with Vary', async () => {
    const url = `${server.url}/assets/index-abc123.js`
    const br = await raw(url, { 'accept-encoding': 'gzip, deflate, br, zstd' })
    expect(br.status).toBe(200)
    expect(br.headers['content-encoding']).toBe('br')
    expect(br.headers['content-type']).toMatch(/^text\/javascript/)
    expect(br.headers.vary).toBe('Accept-Encoding')
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable')
    expect(Number(br.headers['content-length'])).toBe(br.body.byteLength)
    expect(br.body.byteLength).toBeLessThan(ENTRY.length / 10)
    expect(brotliDecompressSync(br.body).toString()).toBe(ENTRY)

    const gz = await raw(url, { 'accept-encoding': 'gzip' })
    expect(gz.headers['content-encoding']).toBe('gzip')
    expect(gunzipSync(gz.body).toString()).toBe(ENTRY)
    expect(gz.headers.etag).not.toBe(br.headers.etag)

    const plain = await raw(url)
    expect(plain.headers['content-encoding']).toBeUndefined()
    expect(plain.headers.vary).toBe('Accept-Encoding')
    expect(plain.body.toString()).toBe(ENTRY)
    // The copies are not files of their own.
    expect((await raw(`${url}.br`)).status).toBe(404)
  })

  it('sends the app shell compressed, revalidated by its ETag', async () => {
    const first = await raw(`${server.url}/e/abc/g/def`, { 'accept-encoding': 'br' })
    expect(first.headers['content-encoding']).toBe('br')
    expect(first.headers['content-type']).toBe('text/html; charset=utf-8')
    expect(first.headers.vary).toBe('Accept-Encoding')
    expect(brotliDecompressSync(first.body).toString()).toBe(SHELL)
    const again = await raw(`${server.url}/e/abc/g/def`, {
      'accept-encoding': 'br',
      'if-none-match': first.headers.etag ?? '',
    })
    expect(again.status).toBe(304)
    expect(again.body.byteLength).toBe(0)
    // Each copy is made on its first request: gzip's too, and the same bytes the next time.
    const gzipped = await raw(`${server.url}/e/abc/g/def`, { 'accept-encoding': 'gzip' })
    expect(gzipped.headers['content-encoding']).toBe('gzip')
    expect(gunzipSync(gzipped.body).toString()).toBe(SHELL)
    const gzippedAgain = await raw(`${server.url}/e/abc/g/def`, { 'accept-encoding': 'gzip' })
    expect(gzippedAgain.body.equals(gzipped.body)).toBe(true)
    expect(gzippedAgain.headers.etag).toBe(gzipped.headers.etag)
  })

  it("names a route's own chunks in its shell, so they load beside the entry", async () => {
    const join = await (await fetch(`${server.url}/e/ev1/join`)).text()
    expect(join).toContain(
      '<link rel="modulepreload" crossorigin href="/assets/JoinPage-abc123.js">',
    )
    expect(join).toContain(
      '<link rel="preload" as="style" crossorigin href="/assets/JoinPage-abc123.css">',
    )
    expect(join.indexOf('modulepreload')).toBeLessThan(join.indexOf('</head>'))
    const board = await (await fetch(`${server.url}/e/ev1/g/g1`)).text()
    expect(board).not.toContain('JoinPage')
  })

  it('compresses JSON answers worth it, and leaves small ones and sockets alone', async () => {
    const createEvent = (acceptEncoding: string) =>
      new Promise<{ headers: Record<string, string | undefined>; body: Buffer }>(
        (resolve, reject) => {
          const req = request(
            `${server.url}/api/events`,
            {
              method: 'POST',
              headers: {
                authorization: `Bearer ${server.ctx.secrets.adminToken}`,
                'content-type': 'application/json',
                'accept-encoding': acceptEncoding,
              },
            },
            (res) => {
              const chunks: Buffer[] = []
              res.on('data', (c: Buffer) => chunks.push(c))
              res.on('end', () =>
                resolve({
                  headers: res.headers as Record<string, string | undefined>,
                  body: Buffer.concat(chunks),
                }),
              )
            },
          )
          req.on('error', reject)
          req.end(
            JSON.stringify({
              title: 'Pakattu vastaus',
              municipalities: ['Järvilaakso'],
              startsAt: new Date().toISOString(),
            }),
          )
        },
      )
    const created = await createEvent('br, gzip')
    expect(created.headers['content-encoding']).toBe('br')
    expect(created.headers.vary).toContain('Accept-Encoding')
    expect(created.headers['cache-control']).toBe('no-store')
    const event = JSON.parse(brotliDecompressSync(created.body).toString())
    expect(event.tokens.organiser).toEqual(expect.any(String))
    const gz = await createEvent('gzip')
    expect(gz.headers['content-encoding']).toBe('gzip')
    expect(JSON.parse(gunzipSync(gz.body).toString())).toMatchObject({ id: expect.any(String) })

    const small = await raw(`${server.url}/healthz`, { 'accept-encoding': 'br' })
    expect(small.headers['content-encoding']).toBeUndefined()
    const time = await raw(`${server.url}/api/time`, { 'accept-encoding': 'br' })
    expect(time.headers['content-encoding']).toBeUndefined()
    expect(JSON.parse(time.body.toString())).toMatchObject({ now: expect.any(Number) })

    const error = await raw(`${server.url}/api/events`, { 'accept-encoding': 'br' })
    expect(error.status).toBe(401)
    expect(JSON.parse(error.body.toString())).toMatchObject({ error: { code: expect.any(String) } })

    // The sync route is not under the compression: a socket still opens and syncs.
    const client = await rawSyncClient(server, `event:${event.id}`, event.tokens.viewer)
    await client.roundTrip()
    client.close()
  })
})
