import type { Element } from 'happy-dom'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { api, type CreatedEventBody, type startTestServer } from '../testing/accessFixture.js'
import { describeOnBothStores } from '../testing/bothStores.js'
import { parseHtml } from '../testing/minutesFiles.js'
import { holdNegotiation } from '../testing/yearCycleFixture.js'

type Server = Awaited<ReturnType<typeof startTestServer>>

interface Action {
  id: string
  what: string
  responsible: Array<{ organisationId: string }>
}

/**
 * Last year's negotiation agreed two actions; this year's, of the same municipality group,
 * follows them up. Its decision minutes list both under the follow-up item with the statuses
 * reported by the meeting's end, keep them with the lock, and the lock's hash covers them.
 */
function minutesFollowUpSuite(
  start: () => Promise<Server>,
  stop: (server: Server) => Promise<void>,
) {
  let server: Server
  let key: string
  let event: CreatedEventBody
  let lastYear: Awaited<ReturnType<typeof holdNegotiation>>
  let walk: Action
  let fair: Action
  const plenary = () => `/api/events/${event.id}/plenary`
  const minutes = async (lang: 'fi' | 'sv') => {
    const res = await fetch(
      `${server.url}/api/events/${event.id}/minutes?format=html&lang=${lang}`,
      { headers: { Authorization: `Bearer ${event.tokens.organiser}` } },
    )
    expect(res.status).toBe(200)
    const doc = parseHtml(await res.text())
    const heading = [...doc.querySelectorAll('h2')].find((h) =>
      /^§\d+ (Aiemmin sovittujen|Uppföljning)/.test(h.textContent ?? ''),
    )
    expect(heading, 'the follow-up item’s §').toBeTruthy()
    return heading?.closest('section') as Element
  }
  const rowOf = (section: Element, what: string) =>
    [...section.querySelectorAll('tbody tr')]
      .map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? ''))
      .find((cells) => cells[0]?.includes(what))
  const report = (action: Action, status: string, measuredValue?: string) =>
    api(server, 'POST', `/api/actions/${action.id}/reports`, key, {
      organisationId: action.responsible[0]?.organisationId,
      status,
      report: 'Raportti',
      reporterName: 'Raportoija Ruut',
      ...(measuredValue ? { measuredValue, measuredOn: '2026-09-30' } : {}),
    })

  beforeAll(async () => {
    server = await start()
    key = server.ctx.secrets.adminToken
    const group = await api(server, 'POST', '/api/municipality-groups', key, {
      name: 'Jämsän seutu',
      municipalities: ['Jämsä', 'Keuruu'],
    })
    const groupId = group.json.municipalityGroup.id as string
    lastYear = await holdNegotiation(server, {
      title: 'Hyte-neuvottelu 2025',
      startsAt: '2025-10-23T09:00:00+03:00',
      municipalityGroupId: groupId,
      proposals: [
        [{ what: 'Kävelykerho kirjastolta', responsible: ['Keuruun kaupunki'] }],
        [{ what: 'Nuorten harrastetori', responsible: ['Jämsän kaupunki'] }],
      ],
    })
    const actions = (await api(server, 'GET', '/api/actions', key)).json.actions as Action[]
    walk = actions.find((a) => a.what === 'Kävelykerho kirjastolta') as Action
    fair = actions.find((a) => a.what === 'Nuorten harrastetori') as Action
    // This year's meeting is going on now.
    const now = Date.now()
    event = (
      await api(server, 'POST', '/api/events', key, {
        title: 'Hyte-neuvottelu 2026',
        municipalities: [],
        startsAt: new Date(now - 3600_000).toISOString(),
        endsAt: new Date(now + 3600_000).toISOString(),
        municipalityGroupId: groupId,
      })
    ).json
    expect((await api(server, 'POST', `/api/events/${event.id}/follow-up-item`, key)).status).toBe(
      201,
    )
  })
  afterAll(() => stop(server))

  it('lists last year’s actions under the item with what was reported by the meeting’s end', async () => {
    expect((await report(walk, 'inProgress', '45 kävijää')).status).toBe(201)
    // The meeting ends; what is reported after it belongs to the next one.
    const ended = await api(server, 'PATCH', `/api/events/${event.id}`, event.tokens.organiser, {
      endsAt: new Date().toISOString(),
    })
    expect(ended.status).toBe(200)
    await new Promise((resolve) => setTimeout(resolve, 5))
    expect((await report(fair, 'done')).status).toBe(201)

    const fi = await minutes('fi')
    expect(fi.querySelector('h3')?.textContent).toBe('Hyte-neuvottelu 2025, 23.10.2025')
    expect(fi.querySelector('caption')?.textContent).toBe(
      'Toimenpiteet ja niiden tilanne: Hyte-neuvottelu 2025, 23.10.2025',
    )
    expect(rowOf(fi, 'Kävelykerho')).toEqual([
      '§9 a Mielen hyvinvointiKävelykerho kirjastolta',
      'Vuoden loppuun',
      'Mitattu 30.9.2026: 45 kävijää',
      'Tilanne: käynnissäKeuruun kaupunki – käynnissä',
    ])
    expect(rowOf(fi, 'Nuorten harrastetori')?.[3]).toBe(
      'Tilanne: ei raportoituJämsän kaupunki – ei raportoitu',
    )
    const sv = await minutes('sv')
    expect(rowOf(sv, 'Kävelykerho')?.[3]).toBe('Läge: pågårKeuruun kaupunki – pågår')
    // The reports' texts and who wrote them are the organisations' own, not the minutes'.
    expect(fi.textContent).not.toContain('Raportoija Ruut')
  })

  it('keeps the statuses with the lock, under its hash, whatever happens to last year’s actions', async () => {
    const chair = event.tokens.chair
    const elected = await api(server, 'PUT', `${plenary()}/elections`, chair, {
      chair: { name: 'Helmi Koivunen' },
      secretary: { name: 'Saga Åberg' },
      checkers: [{ name: 'Otso Öhman' }, { name: 'Kerttu Lahtela' }],
      voteCounters: [],
    })
    expect(elected.status).toBe(200)
    const [first, second] = elected.json.checkers as Array<{ token: string }>
    await api(server, 'POST', `${plenary()}/check/approve`, first?.token)
    const locked = await api(server, 'POST', `${plenary()}/check/approve`, second?.token)
    expect(locked.json.minutes.state).toBe('locked')
    const content = await api(server, 'GET', `${plenary()}/minutes/content`, key)
    expect(content.json.sha256).toBe(locked.json.minutes.hash)
    expect(
      content.json.content.followUp.actions.map((a: { what: string; status: string | null }) => [
        a.what,
        a.status,
      ]),
    ).toEqual([
      ['Kävelykerho kirjastolta', 'inProgress'],
      ['Nuorten harrastetori', null],
    ])

    // Last year's chair corrects §9 b away: the action no longer counts anywhere live...
    const fairItem = lastYear.byLabel['§9 b'] as string
    const corrected = await api(
      server,
      'PUT',
      `${lastYear.plenary}/decisions/${fairItem}`,
      lastYear.event.tokens.chair,
      { outcome: 'rejected', promotionVersion: 1 },
    )
    expect(corrected.status).toBe(200)
    await report(walk, 'done')
    // ...but the locked minutes print what they locked with, and their hash still holds.
    const fi = await minutes('fi')
    expect(rowOf(fi, 'Nuorten harrastetori')?.[3]).toBe(
      'Tilanne: ei raportoituJämsän kaupunki – ei raportoitu',
    )
    expect(rowOf(fi, 'Kävelykerho')?.[3]).toBe('Tilanne: käynnissäKeuruun kaupunki – käynnissä')
    const after = await api(server, 'GET', `${plenary()}/minutes/content`, key)
    expect(after.json.sha256).toBe(locked.json.minutes.hash)
  })
}

describeOnBothStores('the follow-up item in the minutes', minutesFollowUpSuite)
