import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { api, startTestServer } from '../testing/accessFixture.js'
import { agendaOf } from '../testing/plenaryFixture.js'
import { createTestDatabase, postgresAvailable } from '../testing/postgres.js'
import { holdNegotiation } from '../testing/yearCycleFixture.js'

type Server = Awaited<ReturnType<typeof startTestServer>>
const havePostgres = await postgresAvailable()

const KESKINEN = {
  name: 'Keskinen kumppanuusryhmä',
  cadence: 4,
  themes: ['Elintavat', 'Mielen hyvinvointi', 'Osallisuus'],
  municipalities: ['Joensuu', 'Kontiolahti', 'Liperi'],
  members: ['Pohjois-Karjalan Martat ry', 'Joensuun seurakuntayhtymä'],
}

/** A partnership group meeting four times a year: the next meeting from the last. */
function seriesSuite(start: () => Promise<Server>, stop: (server: Server) => Promise<void>) {
  let server: Server
  let key: string
  let seriesId: string
  let first: Awaited<ReturnType<typeof holdNegotiation>>

  beforeAll(async () => {
    server = await start()
    key = server.ctx.secrets.adminToken
  })
  afterAll(() => stop(server))

  it('refuses a series it cannot keep, with the rule that was broken, and makes none', async () => {
    const cases: Array<[object, string]> = [
      [{ ...KESKINEN, cadence: 5 }, 'series.cadence.invalid'],
      [{ ...KESKINEN, cadence: 1 }, 'series.cadence.invalid'],
      [{ ...KESKINEN, cadence: '4' }, 'series.cadence.invalid'],
      [{ ...KESKINEN, name: '   ' }, 'series.name.empty'],
      [{ ...KESKINEN, name: 'x'.repeat(121) }, 'series.name.tooLong'],
      [
        { ...KESKINEN, themes: Array.from({ length: 9 }, (_, i) => `T${i}`) },
        'series.themes.invalid',
      ],
      [
        { ...KESKINEN, members: Array.from({ length: 101 }, (_, i) => `Yhdistys ${i} ry`) },
        'series.members.invalid',
      ],
      [{ ...KESKINEN, municipalityGroupId: 'nosuch' }, 'event.municipalityGroup.unknown'],
    ]
    for (const [body, code] of cases) {
      const res = await api(server, 'POST', '/api/series', key, body)
      expect(res.status, code).toBe(400)
      expect(res.json.error.code).toBe(code)
    }
    expect((await api(server, 'GET', '/api/series', key)).json.series).toEqual([])
  })

  it('makes a series of municipalities and members from the register', async () => {
    const res = await api(server, 'POST', '/api/series', key, KESKINEN)
    expect(res.status).toBe(201)
    seriesId = res.json.series.id
    expect(res.json.series).toMatchObject({
      name: 'Keskinen kumppanuusryhmä',
      cadence: 4,
      themes: KESKINEN.themes,
      meetings: 0,
      municipalities: [{ name: 'Joensuu' }, { name: 'Kontiolahti' }, { name: 'Liperi' }],
      members: [
        { name: 'Pohjois-Karjalan Martat ry', kind: 'ngo' },
        { name: 'Joensuun seurakuntayhtymä', kind: 'parish' },
      ],
    })
    const register = (await api(server, 'GET', '/api/organisations', key)).json.organisations
    expect(register.find((o: { name: string }) => o.name === 'Kontiolahti').kind).toBe(
      'municipality',
    )
  })

  it('files an earlier meeting under the series and copies it into the next with one call', async () => {
    first = await holdNegotiation(server, {
      title: 'Keskinen kumppanuusryhmä, kevät',
      startsAt: '2027-03-10T09:00:00+02:00',
      municipalities: ['Joensuu', 'Kontiolahti', 'Liperi'],
      proposals: [[{ what: 'Liikuntaneuvonta kirjastoissa', responsible: ['Joensuu'] }]],
    })
    const organiser = first.event.tokens.organiser
    const base = `/api/events/${first.event.id}`
    await api(server, 'PATCH', base, organiser, { remoteUrl: 'https://teams.example/keskinen' })
    await api(server, 'PATCH', `${base}/groups/${first.event.groups[0]?.id}`, organiser, {
      facilitators: ['Fasilitaattori Fanni'],
    })
    await api(server, 'POST', `${base}/agenda`, organiser, {
      title: 'Kuulumiskierros',
      kind: 'talk',
      index: 4,
    })
    // The event's own page says which series it is a meeting of: none yet, then this one.
    expect((await api(server, 'GET', base, organiser)).json.seriesId).toBeNull()
    const attach = await api(
      server,
      'PUT',
      `/api/series/${seriesId}/meetings/${first.event.id}`,
      key,
    )
    expect(attach.status).toBe(200)
    expect(attach.json.meetings.map((m: { id: string }) => m.id)).toEqual([first.event.id])
    expect((await api(server, 'GET', base, key)).json.seriesId).toBe(seriesId)

    const res = await api(server, 'POST', `/api/series/${seriesId}/meetings`, key, {})
    expect(res.status).toBe(201)
    expect(res.json.seriesId).toBe(seriesId)
    expect(res.json.followUpItemId).toEqual(expect.any(String))
    // Three months on (four meetings a year), at the same time of day.
    const next = await api(server, 'GET', `/api/events/${res.json.id}`, key)
    expect(next.json.startsAt).toBe('2027-06-10T09:00:00+03:00')
    expect(next.json.title).toBe('Keskinen kumppanuusryhmä 10.6.2027')
    expect(next.json.seriesId).toBe(seriesId)
    expect(next.json.remoteUrl).toBe('https://teams.example/keskinen')
    expect(next.json.municipalities).toEqual(['Joensuu', 'Kontiolahti', 'Liperi'])
    expect(next.json.groups.map((g: { name: string }) => g.name)).toEqual(
      first.event.groups.map((g) => g.name),
    )
    expect(next.json.groups[0].facilitators).toEqual(['Fasilitaattori Fanni'])
    const { rows } = await agendaOf(server, res.json.id)
    const titles = rows.map((r) => `${r.label} ${r.item.title}`)
    expect(titles).toContain('§5 Kuulumiskierros')
    expect(titles).toContain('§6 Aiemmin sovittujen toimenpiteiden seuranta')
    // The decision item's sub-items are the new meeting's groups, not the last one's decisions.
    const subItems = rows.filter((r) => r.depth === 1)
    expect(subItems.map((r) => r.item.groupId)).toEqual(
      next.json.groups.map((g: { id: string }) => g.id),
    )
    const item = await api(server, 'GET', `/api/events/${res.json.id}/follow-up-item`, key)
    expect(item.json.state).toBe('accepted')
    expect(item.json.actions.map((a: { what: string }) => a.what)).toEqual([
      'Liikuntaneuvonta kirjastoissa',
    ])
  })

  it('shows the series page: its meetings with their minutes, and the open actions', async () => {
    const res = await api(server, 'GET', `/api/series/${seriesId}`, key)
    expect(res.status).toBe(200)
    expect(res.json.series.meetings).toBe(2)
    expect(res.json.meetings).toHaveLength(2)
    expect(res.json.meetings[0]).toMatchObject({
      id: first.event.id,
      minutes: { state: 'draft', version: 1 },
    })
    expect(res.json.meetings[1].minutes).toEqual({ state: 'draft', version: 1 })
    expect(res.json.openActions.map((a: { what: string }) => a.what)).toEqual([
      'Liikuntaneuvonta kirjastoissa',
    ])
    const list = (await api(server, 'GET', '/api/events', key)).json.events
    expect(list.filter((e: { seriesId: string }) => e.seriesId === seriesId)).toHaveLength(2)
  })

  it('changes a series and keeps one with meetings', async () => {
    const patched = await api(server, 'PATCH', `/api/series/${seriesId}`, key, {
      cadence: 2,
      members: ['Pohjois-Karjalan Martat ry'],
    })
    expect(patched.status).toBe(200)
    expect(patched.json.series.cadence).toBe(2)
    expect(patched.json.series.members).toHaveLength(1)
    expect(
      (await api(server, 'PATCH', `/api/series/${seriesId}`, key, { cadence: 0 })).json.error.code,
    ).toBe('series.cadence.invalid')
    const refused = await api(server, 'DELETE', `/api/series/${seriesId}`, key)
    expect(refused.status).toBe(409)
    expect(refused.json.error.code).toBe('series.inUse')
    expect((await api(server, 'GET', '/api/series/nosuch', key)).status).toBe(404)
    const removed = await api(server, 'DELETE', `/api/series/${seriesId}/meetings/nosuch`, key)
    expect(removed.status).toBe(404)
  })

  it('answers only the console key', async () => {
    const tokens = [
      first.event.tokens.organiser,
      first.event.tokens.chair,
      first.event.tokens.viewer,
      'not-a-token',
      undefined,
    ]
    for (const token of tokens) {
      expect((await api(server, 'GET', '/api/series', token)).status).toBe(401)
      expect(
        (await api(server, 'POST', `/api/series/${seriesId}/meetings`, token, {})).status,
      ).toBe(401)
    }
  })
}

describe('series (SQLite)', () => {
  seriesSuite(
    () => startTestServer(),
    (server) => server.dispose(),
  )

  it('keeps a county to 200 series', async () => {
    const server = await startTestServer()
    try {
      const key = server.ctx.secrets.adminToken
      for (let i = 0; i < 200; i++)
        expect(
          (await api(server, 'POST', '/api/series', key, { name: `S${i}`, cadence: 2 })).status,
        ).toBe(201)
      const res = await api(server, 'POST', '/api/series', key, { name: 'Liikaa', cadence: 2 })
      expect(res.status).toBe(409)
      expect(res.json.error.code).toBe('series.tooMany')
    } finally {
      await server.dispose()
    }
  }, 120_000)
})

describe.skipIf(!havePostgres)('series (PostgreSQL)', () => {
  let drop: () => Promise<void> = async () => undefined
  seriesSuite(
    async () => {
      const database = await createTestDatabase()
      drop = database.drop
      return startTestServer({ DATABASE_URL: database.url })
    },
    async (server) => {
      await server.dispose()
      await drop()
    },
  )
})
