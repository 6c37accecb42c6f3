import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { api, type CreatedEventBody, joinAs, startTestServer } from '../testing/accessFixture.js'

type Server = Awaited<ReturnType<typeof startTestServer>>
let server: Server

beforeAll(async () => {
  server = await startTestServer()
})
afterAll(() => server?.dispose())

const admin = () => server.ctx.secrets.adminToken

// A Finnish-first event of a bilingual county, 17–19 on a November evening (UTC+2).
const bilingual = {
  title: 'Hyte-neuvottelu 2027, Rannikon kuntaryhmä',
  titleSv: 'Välfärdsförhandling 2027, Kustens kommungrupp',
  municipalities: ['Rannikko', 'Saaristo'],
  startsAt: '2027-11-04T17:00:00+02:00',
  endsAt: '2027-11-04T19:00:00+02:00',
  language: 'fi',
  groups: [
    {
      name: 'Mielen hyvinvointi',
      nameSv: 'Psykiskt välbefinnande',
      description: 'Yksinäisyys ja osallisuus.',
      descriptionSv: 'Ensamhet och delaktighet.',
    },
    { name: 'Arjen turvallisuus', description: 'Koti ja liikenne.' },
  ],
}

async function create(extra: object = {}) {
  return api(server, 'POST', '/api/events', admin(), { ...bilingual, ...extra })
}

async function created(): Promise<CreatedEventBody> {
  const res = await create()
  expect(res.status).toBe(201)
  return res.json
}

describe('content in Finnish and Swedish', () => {
  it('keeps the Swedish title, names and descriptions beside the Finnish ones', async () => {
    const event = await created()
    expect(event.groups[0]).toMatchObject({
      name: 'Mielen hyvinvointi',
      nameSv: 'Psykiskt välbefinnande',
    })
    const stored = await api(server, 'GET', `/api/events/${event.id}`, event.tokens.organiser)
    expect(stored.json).toMatchObject({
      title: bilingual.title,
      titleSv: bilingual.titleSv,
      titleFi: null,
    })
    expect(stored.json.groups[0]).toMatchObject({
      descriptionSv: 'Ensamhet och delaktighet.',
    })
    // A group given without Swedish has none (readers fall back to the Finnish).
    expect(stored.json.groups[1]).toMatchObject({ nameSv: null, descriptionSv: null })
    // A participant's session carries both, for the page to choose by its language.
    const seat = await joinAs(server, event, 'Selma', event.groups[0]?.id as string)
    const session = await api(server, 'GET', '/api/session', seat.token)
    expect(session.json.event).toMatchObject({ title: bilingual.title, titleSv: bilingual.titleSv })
    expect(session.json.event.groups[0].nameSv).toBe('Psykiskt välbefinnande')
  })

  it('writes the agenda template in both languages with times that fit 17–19', async () => {
    const event = await created()
    const stored = await api(server, 'GET', `/api/events/${event.id}`, event.tokens.organiser)
    const rows: Array<{ label: string | null; title: string; titleSv: string; startTime: string }> =
      stored.json.agenda
    const row = (label: string) => rows.find((r) => r.label === label)
    expect(row('§1')).toMatchObject({
      title: 'Kokouksen avaus',
      titleSv: 'Mötets öppnande',
      startTime: '17:00',
    })
    expect(rows.filter((r) => r.startTime).map((r) => `${r.label ?? '-'} ${r.startTime}`)).toEqual([
      '§1 17:00',
      '§5 17:05',
      '- 18:00',
      '§9 18:35',
      '§11 18:55',
    ])
    expect(row('§9 a')).toMatchObject({
      title: 'Mielen hyvinvointi',
      titleSv: 'Psykiskt välbefinnande',
    })
    expect(row('§9 b')?.titleSv ?? null).toBeNull()
  })

  it('leaves the template’s times empty for an event without a time of day', async () => {
    const event = (await create({ startsAt: '2027-11-04', endsAt: null })).json
    const stored = await api(server, 'GET', `/api/events/${event.id}`, event.tokens.organiser)
    expect(stored.json.agenda.filter((r: { startTime: unknown }) => r.startTime)).toEqual([])
  })

  it('gives the default themes and a Swedish event’s template their Finnish versions', async () => {
    const res = await create({ language: 'sv', title: 'F', titleSv: undefined, groups: undefined })
    expect(res.status).toBe(201)
    const event = res.json
    expect(event.groups[0]).toMatchObject({
      name: 'Psykiskt välbefinnande',
      nameFi: 'Mielen hyvinvointi',
    })
    const stored = await api(server, 'GET', `/api/events/${event.id}`, event.tokens.organiser)
    expect(stored.json.agenda[0]).toMatchObject({
      title: 'Mötets öppnande',
      titleFi: 'Kokouksen avaus',
    })
  })

  it('refuses bad versions with a clear 400 and creates nothing', async () => {
    const before = (await api(server, 'GET', '/api/events', admin())).json.events.length
    const cases: Array<[object, string]> = [
      [{ titleSv: 'x'.repeat(201) }, 'event.titleSv.tooLong'],
      [{ titleSv: 'Förhandling\u0007' }, 'event.titleSv.control'],
      [{ titleFi: 'Toinen otsikko' }, 'event.titleFi.sameLanguage'],
      [{ groups: [{ name: 'Mieli', nameSv: 'y'.repeat(101) }] }, 'group.nameSv.tooLong'],
      [
        { groups: [{ name: 'Mieli', descriptionSv: 'z'.repeat(501) }] },
        'group.descriptionSv.tooLong',
      ],
      [{ groups: [{ name: 'Mieli', nameFi: 'Mieli' }] }, 'group.nameFi.sameLanguage'],
      [{ titleSv: 42 }, 'request.invalid'],
    ]
    for (const [extra, code] of cases) {
      const res = await create(extra)
      expect({ extra, status: res.status, code: res.json.error.code }).toEqual({
        extra,
        status: 400,
        code,
      })
      expect(res.json.error.message).toBeTruthy()
    }
    expect((await api(server, 'GET', '/api/events', admin())).json.events.length).toBe(before)
  })

  it('edits the Swedish texts later; the §9 sub-item follows the group’s Swedish name', async () => {
    const event = await created()
    const token = event.tokens.organiser
    const base = `/api/events/${event.id}`
    const patched = await api(server, 'PATCH', base, token, { titleSv: 'Ny rubrik' })
    expect(patched.status).toBe(200)
    const groupId = event.groups[1]?.id as string
    const group = await api(server, 'PATCH', `${base}/groups/${groupId}`, token, {
      nameSv: 'Trygghet i vardagen',
      descriptionSv: 'Hem och trafik.',
    })
    expect(group.status).toBe(200)
    const added = await api(server, 'POST', `${base}/agenda`, token, {
      title: 'Kahvitauko',
      titleSv: 'Kaffepaus',
    })
    expect(added.status).toBe(201)
    const stored = (await api(server, 'GET', base, token)).json
    expect(stored.titleSv).toBe('Ny rubrik')
    expect(stored.groups[1]).toMatchObject({ nameSv: 'Trygghet i vardagen' })
    expect(stored.agenda.find((r: { label: string }) => r.label === '§9 b').titleSv).toBe(
      'Trygghet i vardagen',
    )
    expect(stored.agenda.find((r: { id: string }) => r.id === added.json.id).titleSv).toBe(
      'Kaffepaus',
    )
  })

  it('refuses a bad edit with a clear 400 and changes nothing', async () => {
    const event = await created()
    const token = event.tokens.organiser
    const base = `/api/events/${event.id}`
    const before = (await api(server, 'GET', base, token)).json
    const itemId = before.agenda[0].id
    const groupId = event.groups[0]?.id as string
    const cases: Array<[string, string, object, string]> = [
      ['PATCH', base, { titleFi: 'Toinen' }, 'event.titleFi.sameLanguage'],
      ['PATCH', base, { titleSv: 'a\u202Eb\u0000' }, 'event.titleSv.control'],
      ['PATCH', `${base}/groups/${groupId}`, { nameSv: '\u0001' }, 'group.nameSv.control'],
      ['PATCH', `${base}/groups/${groupId}`, { nameFi: 'Mieli' }, 'group.nameFi.sameLanguage'],
      ['PATCH', `${base}/agenda/${itemId}`, { titleSv: 'x'.repeat(301) }, 'request.invalid'],
      ['PATCH', `${base}/agenda/${itemId}`, { titleFi: 'Avaus' }, 'agenda.titleFi.sameLanguage'],
      ['POST', `${base}/agenda`, { title: 'Tauko', titleSv: 7 }, 'request.invalid'],
    ]
    for (const [method, path, body, code] of cases) {
      const res = await api(server, method, path, token, body)
      expect({ body, status: res.status, code: res.json.error.code }).toEqual({
        body,
        status: 400,
        code,
      })
    }
    expect((await api(server, 'GET', base, token)).json).toEqual(before)
  })

  it('prints the Swedish minutes with the Swedish title and items', async () => {
    const event = await created()
    const minutes = await fetch(
      `${server.url}/api/events/${event.id}/minutes?format=html&lang=sv`,
      { headers: { authorization: `Bearer ${event.tokens.organiser}` } },
    )
    expect(minutes.status).toBe(200)
    const html = await minutes.text()
    expect(html).toContain('Välfärdsförhandling 2027, Kustens kommungrupp')
    expect(html).toContain('Mötets öppnande')
    expect(html).toContain('Psykiskt välbefinnande')
    // The group without a Swedish name keeps its Finnish one.
    expect(html).toContain('Arjen turvallisuus')
    const fi = await fetch(`${server.url}/api/events/${event.id}/minutes?format=html&lang=fi`, {
      headers: { authorization: `Bearer ${event.tokens.organiser}` },
    })
    const fiHtml = await fi.text()
    expect(fiHtml).toContain('Kokouksen avaus')
    expect(fiHtml).not.toContain('Mötets öppnande')
  })
})
