import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestEvent, startTestServer } from './testing/accessFixture.js'

const clientDir = mkdtempSync(join(tmpdir(), 'hytepaja-client-'))
let server: Awaited<ReturnType<typeof startTestServer>>

beforeAll(async () => {
  mkdirSync(join(clientDir, 'assets'))
  writeFileSync(join(clientDir, 'index.html'), '<!doctype html><title>Hytepaja</title>')
  writeFileSync(join(clientDir, 'assets', 'index-abc123.js'), 'console.log(1)')
  writeFileSync(join(clientDir, 'sw.js'), 'self.addEventListener("fetch", () => {})')
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
    const asset = await fetch(`${server.url}/assets/index-abc123.js`)
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
})
