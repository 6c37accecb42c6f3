import { expect, it } from 'vitest'
import { api } from '../testing/accessFixture.js'
import { describeOnBothStores, type SuiteOnStore } from '../testing/bothStores.js'
import {
  type ActionView,
  KUNTA,
  SEURAKUNTA,
  withAgreedActions,
} from '../testing/followUpFixture.js'
import { agendaOf } from '../testing/plenaryFixture.js'

/**
 * Follow-up reports against one real store: the organisations' links, what they may report
 * and see, the organiser's view, the minutes' readers, the export and the event's deletion.
 */
const followUpReportsSuite: SuiteOnStore = (start, stop) => {
  const agreed = withAgreedActions(start, stop)
  const { actions, organisationId, link } = agreed

  it('gives an organisation a follow-up link to its own actions across events, and to report', async () => {
    const { server, key } = agreed
    const kunta = await link(KUNTA)
    expect(kunta.link).toMatch(/\/follow-up#/)
    const own = await api(server, 'GET', '/api/follow-up', kunta.token)
    expect(own.status).toBe(200)
    expect(own.json.organisation).toMatchObject({ name: KUNTA, kind: 'municipality' })
    expect(own.json.actions.map((x: ActionView) => x.what)).toEqual([
      'Kävelykerho kirjastolta',
      'Seurojen avoimet ovet',
    ])
    const seurakunta = await link(SEURAKUNTA)
    const theirs = await api(server, 'GET', '/api/follow-up', seurakunta.token)
    expect(theirs.json.actions.map((x: ActionView) => x.what)).toEqual([
      'Seurojen avoimet ovet',
      'Vertaistukiryhmä nuorille ja perheille',
    ])

    const [walk, doors] = own.json.actions as ActionView[]
    const reported = await api(
      server,
      'POST',
      `/api/follow-up/actions/${walk?.id}/reports`,
      kunta.token,
      {
        status: 'inProgress',
        report: 'Kerho kokoontuu keskiviikkoisin.',
        measuredValue: '140 osallistujaa',
        measuredOn: '2026-03-01',
        reporterName: 'Helmi Koivunen',
      },
    )
    expect(reported.status).toBe(201)
    expect(reported.json.report).toMatchObject({
      status: 'inProgress',
      organisation: KUNTA,
      reporterName: 'Helmi Koivunen',
      via: 'link',
    })
    expect(reported.json.action).toMatchObject({
      status: 'inProgress',
      reports: [{ measuredValue: '140 osallistujaa' }],
    })

    // A shared action: the link sees only its own status and reports.
    await api(server, 'POST', `/api/follow-up/actions/${doors?.id}/reports`, seurakunta.token, {
      status: 'done',
      reporterName: 'Ellen Ek',
    })
    const again = await api(server, 'GET', '/api/follow-up', kunta.token)
    expect(again.json.actions[1]).toMatchObject({ status: null, reports: [] })
    expect(JSON.stringify(again.json)).not.toContain('Ellen Ek')

    // The organiser sees both, and where the shared action stands overall.
    const all = await actions()
    expect(all[1]).toMatchObject({
      status: 'inProgress',
      responsible: [
        { name: KUNTA, status: null },
        { name: SEURAKUNTA, status: 'done' },
      ],
    })
    const history = await api(server, 'GET', `/api/actions/${walk?.id}`, key)
    expect(history.json.reports).toEqual([
      expect.objectContaining({ reporterName: 'Helmi Koivunen', measuredOn: '2026-03-01' }),
    ])
  })

  it('refuses another organisation’s action, bad reports, and old or foreign tokens', async () => {
    const { server, key, held } = agreed
    const kunta = await link(KUNTA)
    const mine = (await api(server, 'GET', '/api/follow-up', kunta.token)).json
      .actions as ActionView[]
    const theirs = (await actions()).find((a) => a.what.startsWith('Vertaistuki')) as ActionView
    const report = (token: string | undefined, id: string, body: object) =>
      api(server, 'POST', `/api/follow-up/actions/${id}/reports`, token, {
        status: 'done',
        reporterName: 'Testaaja',
        ...body,
      })
    const before = JSON.stringify(await actions())
    expect((await report(kunta.token, theirs.id, {})).status).toBe(404)
    expect((await report(kunta.token, 'nosuchaction', {})).status).toBe(404)
    for (const bad of [
      { status: 'finished' },
      { report: 'x'.repeat(2001) },
      { measuredValue: '1', measuredOn: '2999-01-01' },
      { reporterName: '' },
    ]) {
      const res = await report(kunta.token, mine[0]?.id as string, bad)
      expect(res.status).toBe(400)
      expect(res.json.error.code).toEqual(expect.any(String))
    }
    expect(JSON.stringify(await actions())).toBe(before)
    // A new link revokes the old one; event tokens are no follow-up links.
    const fresh = await link(KUNTA)
    expect((await api(server, 'GET', '/api/follow-up', kunta.token)).status).toBe(401)
    expect((await api(server, 'GET', '/api/follow-up', fresh.token)).status).toBe(200)
    expect((await api(server, 'GET', '/api/follow-up', held.event.tokens.organiser)).status).toBe(
      401,
    )
    expect((await api(server, 'GET', '/api/follow-up', key)).status).toBe(401)
  })

  it('lists who has not reported, and lets the organiser report and fix a party', async () => {
    const { server, key, held } = agreed
    const kuntaId = await organisationId(KUNTA)
    const seurakuntaId = await organisationId(SEURAKUNTA)
    const missing = (await api(server, 'GET', '/api/actions/unreported?year=2025', key)).json
    expect(
      missing.organisations.map((o: { organisation: { name: string }; actions: ActionView[] }) => [
        o.organisation.name,
        o.actions.map((a) => a.what),
      ]),
    ).toEqual([
      [KUNTA, ['Seurojen avoimet ovet']],
      [SEURAKUNTA, ['Vertaistukiryhmä nuorille ja perheille']],
    ])
    expect(missing.organisations[0].hasLink).toBe(true)
    expect(
      (await api(server, 'GET', '/api/actions/unreported?year=2024', key)).json.organisations,
    ).toEqual([])

    const youth = (await actions()).find((a) => a.what.startsWith('Vertaistuki')) as ActionView
    const onBehalf = await api(server, 'POST', `/api/actions/${youth.id}/reports`, key, {
      organisationId: seurakuntaId,
      status: 'notStarted',
      reporterName: 'Järjestäjä',
    })
    expect(onBehalf).toMatchObject({ status: 201, json: { report: { via: 'organiser' } } })
    const notTheirs = await api(server, 'POST', `/api/actions/${youth.id}/reports`, key, {
      organisationId: kuntaId,
      status: 'done',
      reporterName: 'Järjestäjä',
    })
    expect(notTheirs).toMatchObject({
      status: 400,
      json: { error: { code: 'followUp.organisation.notResponsible' } },
    })

    // The organiser fixes the party: the kunta now answers for the youth group, not the parish.
    const fixed = await api(server, 'PUT', `/api/actions/${youth.id}/parties/0`, key, {
      organisationId: kuntaId,
    })
    expect(fixed.json.action.responsible[0]).toMatchObject({
      name: SEURAKUNTA,
      organisation: KUNTA,
      mappedBy: 'organiser',
    })
    const kunta = await link(KUNTA)
    const own = (await api(server, 'GET', '/api/follow-up', kunta.token)).json
      .actions as ActionView[]
    expect(own.map((a) => a.what)).toContain('Vertaistukiryhmä nuorille ja perheille')
    // …and keeps it across a correction of the decision.
    await api(
      server,
      'PUT',
      `${held.plenary}/decisions/${held.byLabel['§9 b']}`,
      held.event.tokens.chair,
      {
        outcome: 'amended',
        promotionVersion: 1,
        amended: {
          title: 'Muutettu',
          body: 'Muutettu.',
          actions: [
            {
              id: held.actionIds[1]?.[0],
              what: 'Vertaistukiryhmä nuorille ja perheille',
              responsible: [SEURAKUNTA],
            },
          ],
        },
      },
    )
    expect((await actions()).find((a) => a.id === youth.id)?.responsible[0]).toMatchObject({
      organisation: KUNTA,
    })
    const back = await api(server, 'PUT', `/api/actions/${youth.id}/parties/0`, key, {
      organisationId: null,
    })
    expect(back.json.action.responsible[0]).toMatchObject({
      organisation: SEURAKUNTA,
      mappedBy: 'auto',
    })
  })

  it('lets a link made before a merge speak for what its organisation became', async () => {
    const { server, key } = agreed
    const parish = await link(SEURAKUNTA)
    const made = await api(server, 'POST', '/api/organisations', key, {
      name: 'Kivikosken evankelis-luterilainen seurakunta',
    })
    const merge = await api(
      server,
      'POST',
      `/api/organisations/${await organisationId(SEURAKUNTA)}/merge`,
      key,
      {
        into: made.json.organisation.id,
      },
    )
    expect(merge.status).toBe(200)
    const seen = await api(server, 'GET', '/api/follow-up', parish.token)
    expect(seen.json.organisation.name).toBe('Kivikosken evankelis-luterilainen seurakunta')
    expect(seen.json.actions.map((a: ActionView) => a.what)).toContain(
      'Vertaistukiryhmä nuorille ja perheille',
    )
    const refused = await api(
      server,
      'POST',
      `/api/organisations/${await organisationId(SEURAKUNTA)}/follow-up-link`,
      key,
    )
    expect(refused).toMatchObject({ status: 409, json: { error: { code: 'organisation.merged' } } })
    await api(server, 'POST', `/api/organisations/merges/${merge.json.merge.id}/undo`, key)
    expect((await api(server, 'GET', '/api/follow-up', parish.token)).json.organisation.name).toBe(
      SEURAKUNTA,
    )
  })

  it('shows the event’s own actions to whoever reads its minutes, without people', async () => {
    const { server, held } = agreed
    const res = await api(
      server,
      'GET',
      `/api/events/${held.event.id}/actions`,
      held.event.tokens.viewer,
    )
    expect(res.status).toBe(200)
    expect(res.json.actions).toHaveLength(3)
    expect(res.json.actions[0].lastReport).toMatchObject({
      status: 'inProgress',
      organisation: KUNTA,
    })
    expect(JSON.stringify(res.json)).not.toContain('Helmi Koivunen')
    const join = await api(
      server,
      'GET',
      `/api/events/${held.event.id}/actions`,
      held.event.tokens.join,
    )
    expect(join.status).toBe(403)
  })

  it('exports an event’s actions and reports with it, and forgets them with the event', async () => {
    const { server, key, held } = agreed
    const { byLabel } = await agendaOf(server, held.event.id)
    expect(byLabel['§9 a']).toBeDefined()
    const exported = await api(server, 'GET', `/api/events/${held.event.id}/export`, key)
    expect(exported.json.followUp).toHaveLength(3)
    expect(exported.json.followUp[0]).toMatchObject({
      what: 'Kävelykerho kirjastolta',
      active: true,
      responsible: [{ name: KUNTA }],
      reports: [{ reporterName: 'Helmi Koivunen', status: 'inProgress' }],
    })
    expect((await api(server, 'DELETE', `/api/events/${held.event.id}`, key)).status).toBe(204)
    expect(await actions()).toEqual([])
    const rows = await server.ctx.db.all<{ n: number }>(
      'SELECT COUNT(*) AS n FROM follow_up_report',
    )
    expect(Number(rows[0]?.n)).toBe(0)
  })
}

describeOnBothStores('follow-up of agreed actions', followUpReportsSuite)
