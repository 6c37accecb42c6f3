import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { api, startTestServer } from '../testing/accessFixture.js'

type Server = Awaited<ReturnType<typeof startTestServer>>
let server: Server

beforeAll(async () => {
  server = await startTestServer({ PUBLIC_URL: 'https://hyte.example.fi/' })
})
afterAll(() => server?.dispose())

const admin = () => server.ctx.secrets.adminToken

describe('POST /api/events', () => {
  it('answers 201 with ids, tokens and absolute links whose token is after #', async () => {
    const res = await api(server, 'POST', '/api/events', admin(), {
      title: 'Hyte-neuvottelu 2027',
      municipalities: ['Järvilaakso', 'Harjuranta'],
      startsAt: '2027-03-04T09:00:00+02:00',
      endsAt: '2027-03-04T15:00:00+02:00',
      place: 'Valtuustosali',
      remoteUrl: 'https://teams.example.com/l/meetup',
      language: 'sv',
    })
    expect(res.status).toBe(201)
    const body = res.json
    expect(body.joinCode).toMatch(/^\d{8}$/)
    // Without groups, the three default themes, in the event's language.
    expect(body.groups).toHaveLength(3)
    expect(body.groups[0].name).toMatch(/välbefinnande/i)
    const { tokens, links } = body
    for (const role of ['organiser', 'chair', 'viewer', 'join'] as const) {
      expect(tokens[role].length).toBeGreaterThanOrEqual(22)
      expect(links[role]).toMatch(/^https:\/\/hyte\.example\.fi\/e\//)
      expect(links[role].endsWith(`#${tokens[role]}`)).toBe(true)
      expect(links[role].split('#')[0]).not.toContain(tokens[role])
    }
    for (const group of body.groups) {
      expect(links.facilitators[group.id]).toMatch(/^https:\/\/hyte\.example\.fi\//)
      expect(links.facilitators[group.id].endsWith(`#${tokens.facilitators[group.id]}`)).toBe(true)
    }
    const stored = await api(server, 'GET', `/api/events/${body.id}`, tokens.organiser)
    expect(stored.json).toMatchObject({
      title: 'Hyte-neuvottelu 2027',
      place: 'Valtuustosali',
      remoteUrl: 'https://teams.example.com/l/meetup',
      language: 'sv',
    })
  })

  it('takes the usual ISO-8601 forms of a start time, and refuses what is not a time', async () => {
    const create = (startsAt: string) =>
      api(server, 'POST', '/api/events', admin(), { title: 'T', municipalities: [], startsAt })
    for (const startsAt of [
      '2027-03-04',
      '2027-03-04T09:00',
      '2027-03-04T09:00:00',
      '2027-03-04T09:00Z',
      '2027-03-04T09:00:00.000Z',
      '2027-03-04T09:00+02:00',
      '2027-03-04T09:00:00+0200',
    ]) {
      expect({ startsAt, status: (await create(startsAt)).status }).toEqual({
        startsAt,
        status: 201,
      })
    }
    for (const startsAt of ['huomenna', '2027-13-04', '2027-02-30T09:00', '04.03.2027 9.00', '']) {
      expect({ startsAt, status: (await create(startsAt)).status }).toEqual({
        startsAt,
        status: 400,
      })
    }
  })

  it('is the console key’s alone', async () => {
    const body = { title: 'T', municipalities: [], startsAt: '2027-03-04T09:00' }
    expect((await api(server, 'POST', '/api/events', undefined, body)).status).toBe(401)
    expect((await api(server, 'POST', '/api/events', 'wrong', body)).status).toBe(401)
  })
})

describe('every answer of the API', () => {
  it('may not be kept by a browser or a proxy, errors included', async () => {
    for (const [method, path, token] of [
      ['GET', '/api/events', admin()],
      ['GET', '/api/events', 'wrong'],
      ['GET', '/api/time', undefined],
      ['GET', '/api/no/such/route', undefined],
      ['POST', '/api/join', undefined],
    ] as const) {
      const res = await fetch(`${server.url}${path}`, {
        method,
        headers: token ? { authorization: `Bearer ${token}` } : {},
      })
      expect({ path, cache: res.headers.get('cache-control') }).toEqual({
        path,
        cache: 'no-store',
      })
    }
  })
})
