import { afterAll, beforeAll, expect, it } from 'vitest'
import {
  api,
  type CreatedEventBody,
  joinAs,
  type startTestServer,
} from '../testing/accessFixture.js'
import { describeOnBothStores } from '../testing/bothStores.js'
import { agendaOf } from '../testing/plenaryFixture.js'
import { holdNegotiation } from '../testing/yearCycleFixture.js'

type Server = Awaited<ReturnType<typeof startTestServer>>

/**
 * Last year's negotiation of a municipality group decided three actions (one amended, one
 * since reported done); this year's negotiation of the same group offers the open two.
 */
function followUpItemSuite(start: () => Promise<Server>, stop: (server: Server) => Promise<void>) {
  let server: Server
  let key: string
  let event: CreatedEventBody
  let participant: string
  let otherEvent: CreatedEventBody
  const path = () => `/api/events/${event.id}/follow-up-item`

  beforeAll(async () => {
    server = await start()
    key = server.ctx.secrets.adminToken
    const group = await api(server, 'POST', '/api/municipality-groups', key, {
      name: 'Jämsän seutu',
      municipalities: ['Jämsä', 'Keuruu'],
    })
    const groupId = group.json.municipalityGroup.id as string
    await holdNegotiation(server, {
      title: 'Hyte-neuvottelu 2025',
      startsAt: '2025-10-23T09:00:00+03:00',
      municipalityGroupId: groupId,
      proposals: [
        [{ what: 'Kävelykerho kirjastolta', responsible: ['Keuruun kaupunki'] }],
        [
          { what: 'Nuorten harrastetori', responsible: ['Jämsän kaupunki'] },
          { what: 'Valmis jo', responsible: ['Jämsän kaupunki'] },
        ],
      ],
      decisions: [{ amended: [{ index: 0, what: 'Kävelykerho kirjastolta ja kylätaloilta' }] }],
    })
    const actions = (await api(server, 'GET', '/api/actions', key)).json.actions
    const done = actions.find((a: { what: string }) => a.what === 'Valmis jo')
    await api(server, 'POST', `/api/actions/${done.id}/reports`, key, {
      organisationId: done.responsible[0].organisationId,
      status: 'done',
      report: 'Tehty',
      reporterName: 'Raportoija Ruut',
    })
    // A negotiation of the same group a year later, one of another group, one of none.
    const created = await api(server, 'POST', '/api/events', key, {
      title: 'Hyte-neuvottelu 2026',
      municipalities: [],
      startsAt: '2026-10-22T09:00:00+03:00',
      municipalityGroupId: groupId,
    })
    event = created.json
    participant = (await joinAs(server, event, 'Osallistuja Olli', event.groups[0]?.id as string))
      .token
    otherEvent = (
      await api(server, 'POST', '/api/events', key, {
        title: 'Toinen',
        municipalities: ['Laukaa'],
        startsAt: '2026-11-01T09:00:00+02:00',
      })
    ).json
  })
  afterAll(() => stop(server))

  it('offers the earlier meeting’s open actions to the organiser, amended as the meeting amended them', async () => {
    const res = await api(server, 'GET', path(), event.tokens.organiser)
    expect(res.status).toBe(200)
    expect(res.json.state).toBe('offered')
    expect(res.json.sources.map((s: { title: string }) => s.title)).toEqual([
      'Hyte-neuvottelu 2025',
    ])
    expect(res.json.actions.map((a: { what: string }) => a.what).sort()).toEqual([
      'Kävelykerho kirjastolta ja kylätaloilta',
      'Nuorten harrastetori',
    ])
  })

  it('shows participants and the presenter nothing before the organiser accepts, and the join link never', async () => {
    for (const token of [participant, event.tokens.viewer, event.tokens.chair]) {
      const res = await api(server, 'GET', path(), token)
      expect(res.status).toBe(200)
      expect(res.json).toEqual({ state: 'none', item: null, sources: [], actions: [] })
    }
    const join = await api(server, 'GET', path(), event.tokens.join)
    expect(join.status).toBe(403)
    expect((await api(server, 'GET', path(), otherEvent.tokens.organiser)).status).toBe(403)
    expect((await api(server, 'GET', path())).status).toBe(401)
    const post = await api(server, 'POST', path(), participant)
    expect(post.status).toBe(403)
    expect((await api(server, 'DELETE', path(), event.tokens.viewer)).status).toBe(403)
  })

  it('puts the item in the shared situational picture when accepted, and the decisions move on', async () => {
    const res = await api(server, 'POST', path(), event.tokens.organiser)
    expect(res.status).toBe(201)
    expect(res.json.state).toBe('accepted')
    expect(res.json.item).toMatchObject({
      label: '§6',
      title: 'Aiemmin sovittujen toimenpiteiden seuranta',
    })
    const { rows } = await agendaOf(server, event.id)
    const labels = rows.map((r) => `${r.label} ${r.item.title}`)
    expect(labels).toContain('§5 Yhteinen tilannekuva: hyvinvointialueen katsaus')
    expect(labels).toContain('§6 Aiemmin sovittujen toimenpiteiden seuranta')
    expect(labels).toContain(
      '§10 Yhteiset tavoitteet, vastuut ja sovitut yhteistyön toimintamallit',
    )
    const again = await api(server, 'POST', path(), event.tokens.organiser)
    expect(again.status).toBe(200)
    expect((await agendaOf(server, event.id)).rows).toHaveLength(rows.length)
  })

  it('lets everyone of the event read the actions and their live status, without the reports or who wrote them', async () => {
    const actions = (await api(server, 'GET', '/api/actions', key)).json.actions
    const walk = actions.find((a: { what: string }) => a.what.startsWith('Kävelykerho'))
    await api(server, 'POST', `/api/actions/${walk.id}/reports`, key, {
      organisationId: walk.responsible[0].organisationId,
      status: 'inProgress',
      report: 'Salainen sisäinen huomio',
      measuredValue: '120 osallistujaa',
      measuredOn: '2026-09-30',
      reporterName: 'Raportoija Ruut',
    })
    for (const token of [participant, event.tokens.viewer, event.tokens.organiser, key]) {
      const res = await api(server, 'GET', path(), token)
      expect(res.status).toBe(200)
      expect(res.json.state).toBe('accepted')
      const shown = res.json.actions.find((a: { id: string }) => a.id === walk.id)
      expect(shown).toMatchObject({
        what: 'Kävelykerho kirjastolta ja kylätaloilta',
        outcome: 'amended',
        status: 'inProgress',
        responsible: [{ name: 'Keuruun kaupunki', status: 'inProgress' }],
        measured: { value: '120 osallistujaa', on: '2026-09-30' },
        event: { title: 'Hyte-neuvottelu 2025' },
      })
      const text = JSON.stringify(res.json)
      expect(text).not.toContain('Raportoija Ruut')
      expect(text).not.toContain('Salainen sisäinen huomio')
      expect(text).not.toContain('Valmis jo')
    }
  })

  it('takes the item off the agenda when the organiser leaves it out', async () => {
    const res = await api(server, 'DELETE', path(), event.tokens.organiser)
    expect(res.status).toBe(204)
    const { rows } = await agendaOf(server, event.id)
    expect(rows.some((r) => r.item.title.startsWith('Aiemmin sovittujen'))).toBe(false)
    expect(rows.find((r) => r.item.kind === 'decision' && r.depth === 0)?.label).toBe('§9')
    expect((await api(server, 'GET', path(), event.tokens.organiser)).json.state).toBe('leftOut')
    expect((await api(server, 'GET', path(), participant)).json.state).toBe('none')
    // Accepted again later, it comes back.
    expect((await api(server, 'POST', path(), event.tokens.organiser)).status).toBe(201)
  })

  it('has nothing to offer an event of another group, and says so', async () => {
    const other = `/api/events/${otherEvent.id}/follow-up-item`
    expect((await api(server, 'GET', other, otherEvent.tokens.organiser)).json.state).toBe('none')
    const res = await api(server, 'POST', other, otherEvent.tokens.organiser)
    expect(res.status).toBe(409)
    expect(res.json.error.code).toBe('followUpItem.nothing')
  })
}

describeOnBothStores('follow-up item', followUpItemSuite)
