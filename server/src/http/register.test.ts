import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { api, createTestEvent, startTestServer } from '../testing/accessFixture.js'
import { createTestDatabase, postgresAvailable } from '../testing/postgres.js'

type Server = Awaited<ReturnType<typeof startTestServer>>
const havePostgres = await postgresAvailable()

/** The county's register and municipality groups, against one real server and store. */
function registerSuite(start: () => Promise<Server>, stop: (server: Server) => Promise<void>) {
  let server: Server
  let key: string
  beforeAll(async () => {
    server = await start()
    key = server.ctx.secrets.adminToken
  })
  afterAll(() => stop(server))

  const join = async (eventId: string, joinToken: string, groupId: string, organisation: string) =>
    api(server, 'POST', `/api/events/${eventId}/participants`, joinToken, {
      displayName: 'Osallistuja',
      organisation,
      groupId,
    })
  const register = async () =>
    (await api(server, 'GET', '/api/organisations', key)).json.organisations as Array<{
      id: string
      name: string
      kind: string
      mergedInto: string | null
      aliases: string[]
      participants: number
      origin: string
    }>
  const byName = async (name: string) => (await register()).find((o) => o.name === name)

  it('builds the register from what people type when they join, one entry per name', async () => {
    const event = await createTestEvent(server)
    const group = event.groups[0]?.id as string
    expect((await join(event.id, event.tokens.join, group, 'Jämsän kaupunki')).status).toBe(201)
    expect((await join(event.id, event.tokens.join, group, '  jämsän   KAUPUNKI ')).status).toBe(
      201,
    )
    expect((await join(event.id, event.tokens.join, group, 'Jämsä')).status).toBe(201)
    expect((await join(event.id, event.tokens.join, group, 'Jämsän seurakunta')).status).toBe(201)
    const city = await byName('Jämsän kaupunki')
    expect(city).toMatchObject({ kind: 'municipality', origin: 'join', participants: 2 })
    expect(await byName('Jämsän seurakunta')).toMatchObject({ kind: 'parish', participants: 1 })
    expect((await register()).filter((o) => /jämsän kaupunki/i.test(o.name))).toHaveLength(1)
  })

  it('suggests names to the join form and never people', async () => {
    const event = await createTestEvent(server)
    const res = await api(
      server,
      'GET',
      `/api/events/${event.id}/organisation-suggestions?q=j%C3%A4ms`,
      event.tokens.join,
    )
    expect(res.status).toBe(200)
    expect(res.json.organisations).toEqual(
      expect.arrayContaining([
        { name: 'Jämsän kaupunki', kind: 'municipality' },
        { name: 'Jämsän seurakunta', kind: 'parish' },
      ]),
    )
    expect(JSON.stringify(res.json)).not.toContain('Osallistuja')
    const viewer = await api(
      server,
      'GET',
      `/api/events/${event.id}/organisation-suggestions?q=j`,
      event.tokens.viewer,
    )
    expect(viewer.status).toBe(403)
  })

  it('offers "Jämsä" and "Jämsän kaupunki" as duplicates; a merge is audited and undone', async () => {
    const city = (await byName('Jämsän kaupunki')) as { id: string }
    const short = (await byName('Jämsä')) as { id: string }
    const pairs = (await api(server, 'GET', '/api/organisations/duplicates', key)).json.pairs
    expect(
      pairs.some(
        (p: { a: { id: string }; b: { id: string } }) =>
          [p.a.id, p.b.id].sort().join() === [city.id, short.id].sort().join(),
      ),
    ).toBe(true)

    const merged = await api(server, 'POST', `/api/organisations/${short.id}/merge`, key, {
      into: city.id,
    })
    expect(merged.status).toBe(200)
    expect(merged.json.merge).toMatchObject({
      sourceId: short.id,
      targetId: city.id,
      undoneAt: null,
    })
    expect(await byName('Jämsän kaupunki')).toMatchObject({ aliases: ['Jämsä'], participants: 3 })
    expect(await byName('Jämsä')).toMatchObject({ mergedInto: city.id })

    // The merged name still means the organisation: typed on a join form, suggested as it.
    const event = await createTestEvent(server)
    const suggested = await api(
      server,
      'GET',
      `/api/events/${event.id}/organisation-suggestions?q=J%C3%A4ms%C3%A4`,
      event.tokens.join,
    )
    expect(suggested.json.organisations[0]).toEqual({
      name: 'Jämsän kaupunki',
      kind: 'municipality',
    })
    await join(event.id, event.tokens.join, event.groups[0]?.id as string, 'Jämsä')
    expect(await byName('Jämsän kaupunki')).toMatchObject({ participants: 4 })

    // Merging again, merging into itself, into a merged one, or an unknown one: refused.
    const parish = (await byName('Jämsän seurakunta')) as { id: string }
    const again = await api(server, 'POST', `/api/organisations/${short.id}/merge`, key, {
      into: parish.id,
    })
    expect(again).toMatchObject({ status: 409, json: { error: { code: 'organisation.merged' } } })
    const intoMerged = await api(server, 'POST', `/api/organisations/${parish.id}/merge`, key, {
      into: short.id,
    })
    expect(intoMerged.status).toBe(409)
    const self = await api(server, 'POST', `/api/organisations/${parish.id}/merge`, key, {
      into: parish.id,
    })
    expect(self).toMatchObject({
      status: 400,
      json: { error: { code: 'organisation.merge.self' } },
    })
    const unknown = await api(server, 'POST', `/api/organisations/${parish.id}/merge`, key, {
      into: 'nosuch',
    })
    expect(unknown.status).toBe(404)

    const undone = await api(
      server,
      'POST',
      `/api/organisations/merges/${merged.json.merge.id}/undo`,
      key,
    )
    expect(undone.status).toBe(200)
    expect(undone.json.merge).toMatchObject({ undoneBy: 'admin' })
    expect(await byName('Jämsä')).toMatchObject({ mergedInto: null, participants: 2 })
    expect(await byName('Jämsän kaupunki')).toMatchObject({ aliases: [], participants: 2 })
    const twice = await api(
      server,
      'POST',
      `/api/organisations/merges/${merged.json.merge.id}/undo`,
      key,
    )
    expect(twice).toMatchObject({ status: 409, json: { error: { code: 'merge.undone' } } })

    const history = (await api(server, 'GET', '/api/organisations/merges', key)).json.merges
    expect(history[0]).toMatchObject({ id: merged.json.merge.id, undoneAt: expect.any(Number) })
    const audit = (await api(server, 'GET', '/api/register/audit', key)).json.audit
    expect(audit.map((a: { action: string }) => a.action).slice(0, 2)).toEqual([
      'organisation.unmerge',
      'organisation.merge',
    ])
    expect(JSON.stringify(audit)).not.toContain('Jämsä')
  })

  it('lets the organiser add and correct organisations, and refuses a name taken', async () => {
    const made = await api(server, 'POST', '/api/organisations', key, {
      name: 'Keski-Suomen hyvinvointialue',
    })
    expect(made).toMatchObject({
      status: 201,
      json: { organisation: { kind: 'countyUnit', origin: 'organiser' } },
    })
    const taken = await api(server, 'POST', '/api/organisations', key, {
      name: 'keski-suomen HYVINVOINTIALUE',
    })
    expect(taken).toMatchObject({ status: 409, json: { error: { code: 'organisation.exists' } } })
    const id = made.json.organisation.id
    const edited = await api(server, 'PATCH', `/api/organisations/${id}`, key, {
      name: 'Keski-Suomen hyvinvointialue, hyvinvointi ja kumppanuudet',
      kind: 'countyUnit',
    })
    expect(edited.json.organisation.name).toBe(
      'Keski-Suomen hyvinvointialue, hyvinvointi ja kumppanuudet',
    )
    const before = await register()
    for (const body of [
      { name: '' },
      { name: 'x'.repeat(121) },
      { name: 'Nimi', kind: 'club' },
      { name: 'A\u0007B' },
    ]) {
      const res = await api(server, 'POST', '/api/organisations', key, body)
      expect(res.status).toBe(400)
      expect(res.json.error.code).toEqual(expect.any(String))
    }
    expect(await register()).toEqual(before)
    expect(
      (await api(server, 'PATCH', '/api/organisations/nosuch', key, { kind: 'ngo' })).status,
    ).toBe(404)
  })

  it('keeps municipality groups of register municipalities; events belong to one', async () => {
    const created = await api(server, 'POST', '/api/municipality-groups', key, {
      name: 'Jämsän seutu',
      municipalities: ['Jämsä', 'Keuruu', 'Multia', 'Petäjävesi', 'keuruu'],
    })
    expect(created.status).toBe(201)
    const group = created.json.municipalityGroup
    expect(group.municipalities.map((m: { name: string }) => m.name)).toEqual([
      'Jämsä',
      'Keuruu',
      'Multia',
      'Petäjävesi',
    ])
    expect(await byName('Keuruu')).toMatchObject({
      kind: 'municipality',
      origin: 'municipalityGroup',
    })

    // An event of the group takes its municipalities when it names none.
    const event = await createTestEvent(server, {
      municipalities: [],
      municipalityGroupId: group.id,
    })
    const read = await api(server, 'GET', `/api/events/${event.id}`, event.tokens.organiser)
    expect(read.json).toMatchObject({
      municipalityGroupId: group.id,
      municipalities: ['Jämsä', 'Keuruu', 'Multia', 'Petäjävesi'],
    })
    const unknown = await api(server, 'POST', '/api/events', key, {
      title: 'X',
      municipalities: [],
      startsAt: new Date().toISOString(),
      municipalityGroupId: 'nosuch',
    })
    expect(unknown).toMatchObject({
      status: 400,
      json: { error: { code: 'event.municipalityGroup.unknown' } },
    })

    // The organiser refiles an event; a group with events is not deleted.
    const other = await createTestEvent(server)
    const patched = await api(server, 'PATCH', `/api/events/${other.id}`, other.tokens.organiser, {
      municipalityGroupId: group.id,
    })
    expect(patched).toMatchObject({ status: 200, json: { municipalityGroupId: group.id } })
    const badPatch = await api(server, 'PATCH', `/api/events/${other.id}`, other.tokens.organiser, {
      title: 'Uusi nimi',
      municipalityGroupId: 'nosuch',
    })
    expect(badPatch.status).toBe(400)
    expect(
      (await api(server, 'GET', `/api/events/${other.id}`, other.tokens.organiser)).json,
    ).toMatchObject({ title: 'Testineuvottelu', municipalityGroupId: group.id })
    const listed = (await api(server, 'GET', '/api/municipality-groups', key)).json
      .municipalityGroups
    expect(listed.find((g: { id: string }) => g.id === group.id)).toMatchObject({ events: 2 })
    const refused = await api(server, 'DELETE', `/api/municipality-groups/${group.id}`, key)
    expect(refused).toMatchObject({
      status: 409,
      json: { error: { code: 'municipalityGroup.inUse' } },
    })

    const renamed = await api(server, 'PATCH', `/api/municipality-groups/${group.id}`, key, {
      name: 'Jämsä, Keuruu, Multia ja Petäjävesi',
      municipalities: ['Jämsä', 'Keuruu'],
    })
    expect(renamed.json.municipalityGroup).toMatchObject({
      name: 'Jämsä, Keuruu, Multia ja Petäjävesi',
      municipalities: [{ name: 'Jämsä' }, { name: 'Keuruu' }],
    })
    const empty = await api(server, 'POST', '/api/municipality-groups', key, {
      name: 'Tyhjä',
      municipalities: [],
    })
    expect(
      (
        await api(
          server,
          'DELETE',
          `/api/municipality-groups/${empty.json.municipalityGroup.id}`,
          key,
        )
      ).status,
    ).toBe(204)
  })

  it('answers the register only to the console key', async () => {
    const event = await createTestEvent(server)
    for (const token of [event.tokens.organiser, event.tokens.chair, 'garbage', undefined]) {
      for (const [method, path] of [
        ['GET', '/api/organisations'],
        ['POST', '/api/organisations'],
        ['GET', '/api/municipality-groups'],
        ['GET', '/api/register/audit'],
      ] as const) {
        const res = await api(
          server,
          method,
          path,
          token,
          method === 'POST' ? { name: 'X' } : undefined,
        )
        expect([path, res.status]).toEqual([path, 401])
      }
    }
  })
}

describe('the county register (SQLite)', () => {
  registerSuite(
    () => startTestServer({}, { rateLimits: { tokenFailures: 10_000 } }),
    (server) => server.dispose(),
  )
})

describe.skipIf(!havePostgres)('the county register (PostgreSQL)', () => {
  let drop: () => Promise<void> = async () => undefined
  registerSuite(
    async () => {
      const database = await createTestDatabase()
      drop = database.drop
      return startTestServer(
        { DATABASE_URL: database.url },
        { rateLimits: { tokenFailures: 10_000 } },
      )
    },
    async (server) => {
      await server.dispose()
      await drop()
    },
  )
})
