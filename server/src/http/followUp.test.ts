import { expect, it } from 'vitest'
import { api } from '../testing/accessFixture.js'
import { describeOnBothStores, type SuiteOnStore } from '../testing/bothStores.js'
import {
  type ActionView,
  KUNTA,
  SEURAKUNTA,
  withAgreedActions,
} from '../testing/followUpFixture.js'

/** The index of decided actions against one real store: what it holds and how it follows. */
const actionIndexSuite: SuiteOnStore = (start, stop) => {
  const agreed = withAgreedActions(start, stop)
  const { actions } = agreed

  it('indexes the agreed actions: as proposed, amended, not the rejected', async () => {
    const { server, key, held } = agreed
    const list = await actions()
    expect(list.map((a) => [a.label, a.what, a.outcome, a.minutes.state])).toEqual([
      ['§9 a', 'Kävelykerho kirjastolta', 'asProposed', 'draft'],
      ['§9 a', 'Seurojen avoimet ovet', 'asProposed', 'draft'],
      ['§9 b', 'Vertaistukiryhmä nuorille ja perheille', 'amended', 'draft'],
    ])
    expect(list[0]).toMatchObject({
      theme: held.event.groups[0]?.name,
      indicator: 'Osallistujia',
      target: '200',
      ageGroups: ['older'],
      status: null,
    })
    expect(list[1]?.responsible.map((p) => [p.name, p.organisation])).toEqual([
      [KUNTA, KUNTA],
      [SEURAKUNTA, SEURAKUNTA],
    ])
    // The parties entered the register, as the kinds their names tell.
    const register = (await api(server, 'GET', '/api/organisations', key)).json.organisations
    expect(register.find((o: { name: string }) => o.name === SEURAKUNTA)).toMatchObject({
      kind: 'parish',
      origin: 'action',
    })
  })

  it('follows corrections, renumbering and the lock of the minutes', async () => {
    const { server, key, held } = agreed
    const first = (await actions())[0] as ActionView
    const a = held.byLabel['§9 a'] as string
    const decide = (outcome: string) =>
      api(server, 'PUT', `${held.plenary}/decisions/${a}`, held.event.tokens.chair, {
        outcome,
        promotionVersion: 1,
      })
    expect((await decide('tabled')).status).toBe(200)
    expect((await actions()).map((x) => x.label)).toEqual(['§9 b'])
    expect((await api(server, 'GET', `/api/actions/${first.id}`, key)).json).toMatchObject({
      active: false,
    })
    expect((await decide('asProposed')).status).toBe(200)
    expect((await actions())[0]?.id).toBe(first.id)

    // An item added before the decisions moves them to §10.
    const added = await api(
      server,
      'POST',
      `/api/events/${held.event.id}/agenda`,
      held.event.tokens.organiser,
      {
        title: 'Lisäkohta',
        index: 4,
      },
    )
    expect(added.status).toBe(201)
    expect((await actions()).map((x) => x.label)).toEqual(['§10 a', '§10 a', '§10 b'])
    await api(
      server,
      'DELETE',
      `/api/events/${held.event.id}/agenda/${added.json.id}`,
      held.event.tokens.organiser,
    )
    expect((await actions()).map((x) => x.label)).toEqual(['§9 a', '§9 a', '§9 b'])

    const elected = await api(server, 'PUT', `${held.plenary}/elections`, held.event.tokens.chair, {
      chair: null,
      secretary: null,
      checkers: [{ name: 'Tarkastaja Yksi' }, { name: 'Tarkastaja Kaksi' }],
      voteCounters: [],
    })
    for (const checker of elected.json.checkers)
      await api(server, 'POST', `${held.plenary}/check/approve`, checker.token)
    expect((await actions()).map((x) => x.minutes.state)).toEqual(['locked', 'locked', 'locked'])
    await api(server, 'POST', `${held.plenary}/minutes/reopen`, held.event.tokens.organiser, {
      reason: 'Korjaus',
    })
    expect((await actions())[0]?.minutes).toEqual({ state: 'draft', version: 2 })
  })
}

describeOnBothStores('follow-up of agreed actions', actionIndexSuite)
