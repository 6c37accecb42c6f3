import { request } from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { MAX_BODY_BYTES } from '../app.js'
import { api, createTestEvent, joinAs, startTestServer } from '../testing/accessFixture.js'

type Server = Awaited<ReturnType<typeof startTestServer>>
let server: Server

beforeAll(async () => {
  server = await startTestServer({}, { rateLimits: { participantsPerEvent: 12 } })
})
afterAll(() => server?.dispose())

interface Streamed {
  status: number
  body: string
  /** Bytes the client had written when the answer came. */
  sent: number
  /** The highest RSS of this process (which runs the server) while the body streamed. */
  peakRssGrowth: number
}

/**
 * Streams up to `total` bytes of a JSON-looking body in chunks (no Content-Length, as a client
 * that lies about nothing would), and stops writing as soon as the server answers.
 */
function streamBody(
  path: string,
  total: number,
  headers: Record<string, string> = {},
): Promise<Streamed> {
  const url = new URL(path, server.url)
  const base = process.memoryUsage().rss
  let peak = base
  // One JSON string: `{"title":"aaaa…"}`.
  const chunk = Buffer.alloc(64 * 1024, 'a')
  return new Promise((resolve, reject) => {
    let sent = 0
    let answered = false
    const req = request(url, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json', ...headers },
    })
    req.on('response', (res) => {
      answered = true
      const parts: Buffer[] = []
      res.on('data', (part: Buffer) => parts.push(part))
      res.on('end', () => {
        req.destroy()
        resolve({
          status: res.statusCode ?? 0,
          body: Buffer.concat(parts).toString(),
          sent,
          peakRssGrowth: peak - base,
        })
      })
    })
    req.on('error', (error) => {
      if (!answered) reject(error)
    })
    req.write('{"title":"')
    const pump = () => {
      while (!answered && sent < total) {
        peak = Math.max(peak, process.memoryUsage().rss)
        sent += chunk.byteLength
        if (!req.write(chunk)) {
          req.once('drain', pump)
          return
        }
      }
      if (!answered) req.end('"}')
    }
    pump()
  })
}

const MB = 1024 * 1024

describe('request bodies', () => {
  it('answers a huge body without a token with 401 before reading it, and memory stays flat', async () => {
    const res = await streamBody('/api/events/nosuchevent', 200 * MB)
    expect(res.status).toBe(401)
    expect(JSON.parse(res.body)).toMatchObject({ error: { code: 'token.invalid' } })
    expect(res.peakRssGrowth).toBeLessThan(64 * MB)
  })

  it('refuses a body over the limit with 413 and the JSON error, even from a valid token', async () => {
    const event = await createTestEvent(server)
    const streamed = await streamBody(`/api/events/${event.id}`, 200 * MB, {
      authorization: `Bearer ${event.tokens.organiser}`,
    })
    expect(streamed.status).toBe(413)
    expect(JSON.parse(streamed.body)).toMatchObject({ error: { code: 'request.tooLarge' } })
    expect(streamed.peakRssGrowth).toBeLessThan(64 * MB)

    // A body that says its size up front is refused without reading it.
    const declared = await fetch(`${server.url}/api/events/${event.id}`, {
      method: 'PATCH',
      headers: {
        authorization: `Bearer ${event.tokens.organiser}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify({ title: 'x'.repeat(MAX_BODY_BYTES) }),
    })
    expect(declared.status).toBe(413)
    expect(await declared.json()).toMatchObject({ error: { code: 'request.tooLarge' } })

    // Nothing changed, and a body within the limit still works.
    const ok = await api(server, 'PATCH', `/api/events/${event.id}`, event.tokens.organiser, {
      place: 'Kaupungintalo',
    })
    expect(ok.status).toBe(200)
    expect(ok.json.title).toBe('Testineuvottelu')
  })

  it('refuses a body before the console key is checked only when it is too large', async () => {
    const res = await fetch(`${server.url}/api/join`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code: '1'.repeat(MAX_BODY_BYTES) }),
    })
    expect(res.status).toBe(413)
  })
})

describe('security headers', () => {
  it('puts the pages’ protections on every /api answer, errors included', async () => {
    const event = await createTestEvent(server)
    for (const [path, token] of [
      [`/api/events/${event.id}`, event.tokens.organiser],
      ['/api/session', 'wrong'],
      ['/api/nothing', undefined],
      ['/api/time', undefined],
    ] as const) {
      const res = await fetch(`${server.url}${path}`, {
        headers: token ? { authorization: `Bearer ${token}` } : {},
      })
      expect([path, res.headers.get('x-content-type-options')]).toEqual([path, 'nosniff'])
      expect(res.headers.get('x-frame-options')).toBe('DENY')
      expect(res.headers.get('content-security-policy')).toContain("default-src 'none'")
      expect(res.headers.get('referrer-policy')).toBe('no-referrer')
      expect(res.headers.get('cache-control')).toBe('no-store')
    }
    const health = await fetch(`${server.url}/healthz`)
    expect(health.headers.get('x-content-type-options')).toBe('nosniff')
  })
})

describe('guessing and flooding', () => {
  it('lets ten people at one address join with the code, and stops someone trying codes', async () => {
    const guesser = await startTestServer()
    try {
      const event = await createTestEvent(guesser)
      for (let i = 0; i < 15; i++) {
        const res = await api(guesser, 'POST', '/api/join', undefined, { code: event.joinCode })
        expect([i, res.status]).toEqual([i, 200])
      }
      const statuses: number[] = []
      for (let i = 0; i < 11; i++) {
        const res = await api(guesser, 'POST', '/api/join', undefined, {
          code: String(20_000_000 + i),
        })
        statuses.push(res.status)
      }
      expect(statuses.slice(0, 10).every((s) => s === 404)).toBe(true)
      expect(statuses[10]).toBe(429)
      // Past the limit even a right code waits: otherwise guessing would go on.
      const blocked = await api(guesser, 'POST', '/api/join', undefined, { code: event.joinCode })
      expect(blocked).toMatchObject({ status: 429, json: { error: { code: 'join.rateLimited' } } })
    } finally {
      await guesser.dispose()
    }
  })

  it('limits console-key guesses per address, while event tokens keep working there', async () => {
    const guesser = await startTestServer()
    try {
      const event = await createTestEvent(guesser)
      const statuses: number[] = []
      for (let i = 0; i < 21; i++) {
        statuses.push((await api(guesser, 'GET', '/api/events', `guess-${i}`)).status)
      }
      expect(statuses.slice(0, 20).every((s) => s === 401)).toBe(true)
      expect(statuses[20]).toBe(429)
      const right = await api(guesser, 'GET', '/api/events', guesser.ctx.secrets.adminToken)
      expect(right).toMatchObject({ status: 429, json: { error: { code: 'auth.rateLimited' } } })
      // Through an event's routes too: a wrong token there is a guess at the console key.
      const viaEvent = await api(guesser, 'GET', `/api/events/${event.id}`, 'guess-x')
      expect(viaEvent.status).toBe(429)
      const organiser = await api(guesser, 'GET', `/api/events/${event.id}`, event.tokens.organiser)
      expect(organiser.status).toBe(200)
    } finally {
      await guesser.dispose()
    }
  })

  it('limits how many participants one join link creates in a short time', async () => {
    const event = await createTestEvent(server)
    const group = event.groups[0]?.id as string
    for (let i = 0; i < 12; i++) await joinAs(server, event, `Henkilö ${i}`, group)
    const res = await api(
      server,
      'POST',
      `/api/events/${event.id}/participants`,
      event.tokens.join,
      {
        displayName: 'Kolmastoista',
        groupId: group,
      },
    )
    expect(res).toMatchObject({
      status: 429,
      json: { error: { code: 'participants.rateLimited' } },
    })
    const list = await api(
      server,
      'GET',
      `/api/events/${event.id}/participants`,
      event.tokens.organiser,
    )
    expect(list.json.participants).toHaveLength(12)
  })
})

describe('behind proxies (TRUST_PROXY)', () => {
  it('takes the right-most address a trusted proxy wrote, not what the client put first', async () => {
    const proxied = await startTestServer({ TRUST_PROXY: '2' })
    try {
      const guess = (forwardedFor: string, i: number) =>
        fetch(`${proxied.url}/api/join`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-forwarded-for': forwardedFor },
          body: JSON.stringify({ code: String(30_000_000 + i) }),
        }).then((res) => res.status)
      // A client that makes up a new first entry each time is still one address.
      const statuses: number[] = []
      for (let i = 0; i < 11; i++)
        statuses.push(await guess(`10.9.9.${i}, 203.0.113.7, 10.0.0.1`, i))
      expect(statuses.slice(0, 10).every((s) => s === 404)).toBe(true)
      expect(statuses[10]).toBe(429)
      // Someone else behind the same proxies is not held up.
      expect(await guess('203.0.113.8, 10.0.0.1', 99)).toBe(404)
    } finally {
      await proxied.dispose()
    }
  })
})

describe('who may read what', () => {
  it('gives the organisations only to those who write proposals', async () => {
    const event = await createTestEvent(server)
    const group = event.groups[0]?.id as string
    const anna = await joinAs(server, event, 'Anna', group)
    const path = `/api/events/${event.id}/organisations`
    const expected: Array<[string, string, number]> = [
      ['participant', anna.token, 200],
      ['facilitator', event.tokens.facilitators[group] as string, 200],
      ['organiser', event.tokens.organiser, 200],
      ['console', server.ctx.secrets.adminToken, 200],
      ['join', event.tokens.join, 403],
      ['viewer', event.tokens.viewer, 403],
      ['chair', event.tokens.chair, 403],
    ]
    for (const [who, token, status] of expected) {
      expect([who, (await api(server, 'GET', path, token)).status]).toEqual([who, status])
    }
  })

  it('stores names without direction overrides or zero-width characters', async () => {
    const event = await createTestEvent(server)
    const group = event.groups[0]?.id as string
    const res = await api(
      server,
      'POST',
      `/api/events/${event.id}/participants`,
      event.tokens.join,
      {
        displayName: '\u202Eatorilitsaf\u200B',
        organisation: 'Kunta\u2066\u2069',
        groupId: group,
      },
    )
    expect(res.status).toBe(201)
    const me = await api(server, 'GET', '/api/session', res.json.token)
    expect(me.json.participant).toMatchObject({ displayName: 'atorilitsaf', organisation: 'Kunta' })
    const created = await api(server, 'POST', '/api/events', server.ctx.secrets.adminToken, {
      title: '\u202ETesti',
      municipalities: ['Järvi\u200Blaakso'],
      startsAt: new Date().toISOString(),
      groups: [{ name: 'Ryhmä\u202E', facilitators: ['\u2067Aino'] }],
    })
    expect(created.status).toBe(201)
    const read = await api(
      server,
      'GET',
      `/api/events/${created.json.id}`,
      created.json.tokens.organiser,
    )
    expect(read.json).toMatchObject({
      title: 'Testi',
      municipalities: ['Järvilaakso'],
      groups: [{ name: 'Ryhmä', facilitators: ['Aino'] }],
    })
    const bad = await api(server, 'POST', '/api/events', server.ctx.secrets.adminToken, {
      title: '\u202E',
      municipalities: [],
      startsAt: new Date().toISOString(),
    })
    expect(bad).toMatchObject({ status: 400, json: { error: { code: 'event.title.empty' } } })
  })
})
