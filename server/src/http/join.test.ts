import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { api, createTestEvent, joinAs, startTestServer } from '../testing/accessFixture.js'

type Server = Awaited<ReturnType<typeof startTestServer>>
let server: Server

beforeAll(async () => {
  server = await startTestServer()
})
afterAll(() => server?.dispose())

describe('joining', () => {
  it('turns a code typed with spaces into the join token of its event', async () => {
    const event = await createTestEvent(server)
    expect(event.joinCode).toMatch(/^\d{8}$/)
    const typed = `${event.joinCode.slice(0, 4)} ${event.joinCode.slice(4)}`
    const res = await api(server, 'POST', '/api/join', undefined, { code: typed })
    expect(res).toEqual({ status: 200, json: { eventId: event.id, token: event.tokens.join } })
  })

  it('gives every live event its own code', async () => {
    const codes = new Set<string>()
    for (let i = 0; i < 5; i++) codes.add((await createTestEvent(server)).joinCode)
    expect(codes.size).toBe(5)
  })

  it('creates a participant only on the explicit POST: opening the link changes nothing', async () => {
    const event = await createTestEvent(server)
    const session = await api(server, 'GET', '/api/session', event.tokens.join)
    expect(session.json).toMatchObject({ role: 'join', participant: null })
    expect(session.json.event.groups).toHaveLength(3)
    const list = await api(
      server,
      'GET',
      `/api/events/${event.id}/participants`,
      event.tokens.organiser,
    )
    expect(list.json.participants).toEqual([])
    const anna = await joinAs(server, event, 'Anna Esimerkki', event.groups[1]?.id as string)
    expect(anna.token.length).toBeGreaterThanOrEqual(43)
    const me = await api(server, 'GET', '/api/session', anna.token)
    expect(me.json).toMatchObject({
      role: 'participant',
      groupId: event.groups[1]?.id,
      participant: { id: anna.participantId, displayName: 'Anna Esimerkki', organisation: null },
    })
  })

  it('lists the organisations of the participants for those who write proposals', async () => {
    const event = await createTestEvent(server)
    const group = event.groups[0]?.id as string
    for (const [name, organisation] of [
      ['Anna', 'Järvilaakson kunta'],
      ['Ben', 'Liikuntaseura Kipinä'],
      ['Cecilia', 'Järvilaakson kunta'],
    ]) {
      await api(server, 'POST', `/api/events/${event.id}/participants`, event.tokens.join, {
        displayName: name,
        organisation,
        groupId: group,
      })
    }
    const res = await api(
      server,
      'GET',
      `/api/events/${event.id}/organisations`,
      event.tokens.facilitators[group],
    )
    expect(res.json).toEqual({ organisations: ['Järvilaakson kunta', 'Liikuntaseura Kipinä'] })
    expect((await api(server, 'GET', `/api/events/${event.id}/organisations`)).status).toBe(401)
  })

  it('refuses a name with control characters, an empty name and a group of another event', async () => {
    const event = await createTestEvent(server)
    const other = await createTestEvent(server)
    const post = (body: object) =>
      api(server, 'POST', `/api/events/${event.id}/participants`, event.tokens.join, body)
    const group = event.groups[0]?.id
    expect((await post({ displayName: '  ', groupId: group })).status).toBe(400)
    expect((await post({ displayName: 'A\u0007B', groupId: group })).status).toBe(400)
    expect((await post({ displayName: 'x'.repeat(81), groupId: group })).status).toBe(400)
    const wrongGroup = await post({ displayName: 'Anna', groupId: other.groups[0]?.id })
    expect(wrongGroup).toMatchObject({ status: 400, json: { error: { code: 'group.unknown' } } })
    const list = await api(
      server,
      'GET',
      `/api/events/${event.id}/participants`,
      event.tokens.organiser,
    )
    expect(list.json.participants).toEqual([])
  })

  it('answers invalid JSON with 400 and the error shape, never a stack', async () => {
    const res = await fetch(`${server.url}/api/join`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"code":',
    })
    expect(res.status).toBe(400)
    const body = (await res.json()) as { error: { code: string } }
    expect(body.error.code).toEqual(expect.any(String))
    expect(JSON.stringify(body)).not.toMatch(/at .*\.ts|node_modules/)
  })

  it('limits guessing: the eleventh attempt within a minute from one address gets 429', async () => {
    const statuses: number[] = []
    for (let i = 0; i < 12; i++) {
      statuses.push(
        (await api(server, 'POST', '/api/join', undefined, { code: String(10_000_000 + i) }))
          .status,
      )
    }
    const limited = statuses.indexOf(429)
    expect(limited).toBeGreaterThan(0)
    expect(limited).toBeLessThanOrEqual(10)
    expect(statuses.slice(limited).every((s) => s === 429)).toBe(true)
  })
})
