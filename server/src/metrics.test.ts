import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { MAX_BODY_BYTES } from './app.js'
import { api, createTestEvent, startTestServer } from './testing/accessFixture.js'

type Server = Awaited<ReturnType<typeof startTestServer>>
let server: Server

beforeAll(async () => {
  server = await startTestServer({ METRICS_PORT: '0' })
})
afterAll(() => server?.dispose())

async function scrape(url: string, token?: string) {
  const res = await fetch(url, { headers: token ? { authorization: `Bearer ${token}` } : {} })
  return { status: res.status, type: res.headers.get('content-type'), text: await res.text() }
}

/** The value of one sample line (`name{labels} value`), 0 when it is not there yet. */
function sample(text: string, line: string): number {
  const found = text.split('\n').find((l) => l.startsWith(`${line} `))
  return found ? Number(found.slice(line.length + 1)) : 0
}

describe('/metrics', () => {
  it('answers only the console key on the main port, in the Prometheus text format', async () => {
    expect((await scrape(`${server.url}/metrics`)).status).toBe(401)
    expect((await scrape(`${server.url}/metrics`, 'wrong')).status).toBe(401)
    const event = await createTestEvent(server)
    expect((await scrape(`${server.url}/metrics`, event.tokens.organiser)).status).toBe(401)
    const res = await scrape(`${server.url}/metrics`, server.ctx.secrets.adminToken)
    expect(res.status).toBe(200)
    expect(res.type).toContain('text/plain')
    expect(res.text).toContain('# TYPE hytepaja_sync_sockets gauge')
    expect(res.text).toContain('hytepaja_process_resident_memory_bytes')
  })

  it('serves the same metrics without a key on METRICS_PORT, and counts refusals', async () => {
    const url = `http://127.0.0.1:${server.metricsPort}/metrics`
    const line = 'hytepaja_http_refused_requests_total{reason="bodyTooLarge"}'
    const before = sample((await scrape(url)).text, line)
    const res = await api(server, 'POST', '/api/join', undefined, {
      code: '1'.repeat(MAX_BODY_BYTES),
    })
    expect(res.status).toBe(413)
    expect(sample((await scrape(url)).text, line)).toBe(before + 1)
    expect((await fetch(`http://127.0.0.1:${server.metricsPort}/api/time`)).status).toBe(404)
  })
})
