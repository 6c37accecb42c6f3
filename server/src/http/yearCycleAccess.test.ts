import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { api, joinAs, startTestServer } from '../testing/accessFixture.js'
import { holdNegotiation } from '../testing/yearCycleFixture.js'

/**
 * Who reaches the year cycle's routes, cell by cell: every role of an event, the responsible
 * organisations' follow-up links (each sees and reports only its own actions), and outsiders.
 */
type Server = Awaited<ReturnType<typeof startTestServer>>
let server: Server
const tokens: Record<string, string | undefined> = {}
const ids: Record<string, string> = {}

const KUNTA = 'Järvilaakson kunta'
const SEURAKUNTA = 'Kivikosken seurakunta'

beforeAll(async () => {
  server = await startTestServer({}, { rateLimits: { tokenFailures: 10_000 } })
  const key = server.ctx.secrets.adminToken
  const held = await holdNegotiation(server, {
    startsAt: '2025-10-23T17:00:00+03:00',
    proposals: [
      [
        { what: 'Kunnan oma toimenpide', responsible: [KUNTA] },
        { what: 'Yhteinen toimenpide', responsible: [KUNTA, SEURAKUNTA] },
      ],
      [{ what: 'Seurakunnan oma toimenpide', responsible: [SEURAKUNTA] }],
    ],
  })
  const elected = await api(server, 'PUT', `${held.plenary}/elections`, held.event.tokens.chair, {
    chair: null,
    secretary: null,
    checkers: [{ name: 'Tarkastaja Yksi' }, { name: 'Tarkastaja Kaksi' }],
    voteCounters: [],
  })
  const groupA = held.event.groups[0]?.id as string
  const organisations = (await api(server, 'GET', '/api/organisations', key)).json.organisations
  const orgId = (name: string) => organisations.find((o: { name: string }) => o.name === name).id
  const linkOf = async (name: string) =>
    (await api(server, 'POST', `/api/organisations/${orgId(name)}/follow-up-link`, key)).json.token
  const revoked = await linkOf(KUNTA)
  const actions = (await api(server, 'GET', '/api/actions', key)).json.actions
  const actionOf = (what: string) => actions.find((a: { what: string }) => a.what === what).id
  Object.assign(ids, {
    event: held.event.id,
    kunta: orgId(KUNTA),
    seurakunta: orgId(SEURAKUNTA),
    kuntaOwn: actionOf('Kunnan oma toimenpide'),
    shared: actionOf('Yhteinen toimenpide'),
    seurakuntaOwn: actionOf('Seurakunnan oma toimenpide'),
  })
  Object.assign(tokens, {
    consoleKey: key,
    organiser: held.event.tokens.organiser,
    chair: held.event.tokens.chair,
    viewer: held.event.tokens.viewer,
    join: held.event.tokens.join,
    facilitator: held.event.tokens.facilitators[groupA],
    participant: (await joinAs(server, held.event, 'Anna', groupA)).token,
    checker: elected.json.checkers[0].token,
    linkKunta: await linkOf(KUNTA),
    linkSeurakunta: await linkOf(SEURAKUNTA),
    revokedLink: revoked,
    garbage: 'not-a-token',
    none: undefined,
  })
})

afterAll(() => server?.dispose())

const WHO = [
  'consoleKey',
  'organiser',
  'chair',
  'viewer',
  'join',
  'facilitator',
  'participant',
  'checker',
  'linkKunta',
  'linkSeurakunta',
  'revokedLink',
  'garbage',
  'none',
] as const
type Who = (typeof WHO)[number]

type Call = {
  method: string
  path: () => string
  body?: () => unknown
  /** The answer per caller; everyone else gets `otherwise`. */
  answers: Partial<Record<Who, number>>
  otherwise: number
}

const report = () => ({ status: 'inProgress', reporterName: 'Testaaja' })
const CONSOLE = (ok: number): Partial<Record<Who, number>> => ({ consoleKey: ok })
const MINUTES_READERS = { consoleKey: 200, organiser: 200, chair: 200, viewer: 200, checker: 200 }
const EVENT_TOKENS_403 = { join: 403, facilitator: 403, participant: 403 }

const CALLS: Record<string, Call> = {
  'open the follow-up page': {
    method: 'GET',
    path: () => '/api/follow-up',
    answers: { linkKunta: 200, linkSeurakunta: 200 },
    otherwise: 401,
  },
  'report on the kunta’s own action': {
    method: 'POST',
    path: () => `/api/follow-up/actions/${ids.kuntaOwn}/reports`,
    body: report,
    answers: { linkKunta: 201, linkSeurakunta: 404 },
    otherwise: 401,
  },
  'report on the parish’s own action': {
    method: 'POST',
    path: () => `/api/follow-up/actions/${ids.seurakuntaOwn}/reports`,
    body: report,
    answers: { linkKunta: 404, linkSeurakunta: 201 },
    otherwise: 401,
  },
  'report on the shared action': {
    method: 'POST',
    path: () => `/api/follow-up/actions/${ids.shared}/reports`,
    body: report,
    answers: { linkKunta: 201, linkSeurakunta: 201 },
    otherwise: 401,
  },
  'list every decided action': {
    method: 'GET',
    path: () => '/api/actions',
    answers: CONSOLE(200),
    otherwise: 401,
  },
  'list who has not reported': {
    method: 'GET',
    path: () => '/api/actions/unreported?year=2025',
    answers: CONSOLE(200),
    otherwise: 401,
  },
  'read an action with its reports': {
    method: 'GET',
    path: () => `/api/actions/${ids.shared}`,
    answers: CONSOLE(200),
    otherwise: 401,
  },
  'report on behalf of an organisation': {
    method: 'POST',
    path: () => `/api/actions/${ids.shared}/reports`,
    body: () => ({ ...report(), organisationId: ids.kunta }),
    answers: CONSOLE(201),
    otherwise: 401,
  },
  'fix a responsible party': {
    method: 'PUT',
    path: () => `/api/actions/${ids.kuntaOwn}/parties/0`,
    body: () => ({ organisationId: null }),
    answers: CONSOLE(200),
    otherwise: 401,
  },
  'rebuild the index': {
    method: 'POST',
    path: () => '/api/actions/reindex',
    body: () => ({ eventId: ids.event }),
    answers: CONSOLE(200),
    otherwise: 401,
  },
  'list the follow-up links': {
    method: 'GET',
    path: () => '/api/follow-up-links',
    answers: CONSOLE(200),
    otherwise: 401,
  },
  'see an organisation’s link': {
    method: 'GET',
    path: () => `/api/organisations/${ids.seurakunta}/follow-up-link`,
    answers: CONSOLE(200),
    otherwise: 401,
  },
  'read the register': {
    method: 'GET',
    path: () => '/api/organisations',
    answers: CONSOLE(200),
    otherwise: 401,
  },
  'read the municipality groups': {
    method: 'GET',
    path: () => '/api/municipality-groups',
    answers: CONSOLE(200),
    otherwise: 401,
  },
  'read the event’s decided actions': {
    method: 'GET',
    path: () => `/api/events/${ids.event}/actions`,
    answers: { ...MINUTES_READERS, ...EVENT_TOKENS_403 },
    otherwise: 401,
  },
  'read the follow-up item': {
    method: 'GET',
    path: () => `/api/events/${ids.event}/follow-up-item`,
    answers: { ...MINUTES_READERS, facilitator: 200, participant: 200, join: 403 },
    otherwise: 401,
  },
  // Nothing earlier to follow up here: the organiser is heard (409), everyone else refused.
  'put the follow-up item on the agenda': {
    method: 'POST',
    path: () => `/api/events/${ids.event}/follow-up-item`,
    answers: {
      consoleKey: 409,
      organiser: 409,
      chair: 403,
      viewer: 403,
      checker: 403,
      ...EVENT_TOKENS_403,
    },
    otherwise: 401,
  },
  'leave the follow-up item out': {
    method: 'DELETE',
    path: () => `/api/events/${ids.event}/follow-up-item`,
    answers: {
      consoleKey: 204,
      organiser: 204,
      chair: 403,
      viewer: 403,
      checker: 403,
      ...EVENT_TOKENS_403,
    },
    otherwise: 401,
  },
  'list the partnership groups': {
    method: 'GET',
    path: () => '/api/series',
    answers: CONSOLE(200),
    otherwise: 401,
  },
  'make a series’ next meeting': {
    method: 'POST',
    path: () => '/api/series/nosuch/meetings',
    body: () => ({}),
    answers: CONSOLE(404),
    otherwise: 401,
  },
}

describe('year cycle access matrix', () => {
  for (const [name, call] of Object.entries(CALLS)) {
    for (const who of WHO) {
      const want = call.answers[who] ?? call.otherwise
      it(`${who} may ${want < 300 ? '' : 'not '}${name} (${want})`, async () => {
        const res = await api(server, call.method, call.path(), tokens[who], call.body?.())
        expect(res.status).toBe(want)
        if (want >= 400) expect(res.json.error.code).toEqual(expect.any(String))
      })
    }
  }

  it('shows a link only its own actions, whoever else shares the event', async () => {
    const seen = async (who: Who) =>
      (await api(server, 'GET', '/api/follow-up', tokens[who])).json.actions
        .map((a: { what: string }) => a.what)
        .sort()
    expect(await seen('linkKunta')).toEqual(['Kunnan oma toimenpide', 'Yhteinen toimenpide'])
    expect(await seen('linkSeurakunta')).toEqual([
      'Seurakunnan oma toimenpide',
      'Yhteinen toimenpide',
    ])
  })
})

describe('follow-up limits', () => {
  let limited: Server
  beforeAll(async () => {
    limited = await startTestServer({}, { rateLimits: { followUpReportsPerLink: 3 } })
  })
  afterAll(() => limited?.dispose())

  it('takes a link’s reports up to the limit, then 429 until the window passes', async () => {
    const key = limited.ctx.secrets.adminToken
    await holdNegotiation(limited, {
      startsAt: '2025-10-23T17:00:00+03:00',
      proposals: [[{ what: 'Toimenpide', responsible: [KUNTA] }]],
    })
    const org = (await api(limited, 'GET', '/api/organisations', key)).json.organisations[0]
    const link = (await api(limited, 'POST', `/api/organisations/${org.id}/follow-up-link`, key))
      .json.token
    const [action] = (await api(limited, 'GET', '/api/follow-up', link)).json.actions
    const statuses: number[] = []
    for (let i = 0; i < 4; i++) {
      const res = await api(limited, 'POST', `/api/follow-up/actions/${action.id}/reports`, link, {
        status: 'inProgress',
        reporterName: 'Testaaja',
      })
      statuses.push(res.status)
      if (res.status === 429) expect(res.json.error.code).toBe('followUp.rateLimited')
    }
    expect(statuses).toEqual([201, 201, 201, 429])
    // The organiser's own reports are not the link's.
    const organiser = await api(limited, 'POST', `/api/actions/${action.id}/reports`, key, {
      organisationId: org.id,
      status: 'done',
      reporterName: 'Järjestäjä',
    })
    expect(organiser.status).toBe(201)
  })

  it('refuses a body over the request limit before reading it', async () => {
    const key = limited.ctx.secrets.adminToken
    const res = await api(limited, 'POST', '/api/organisations', key, {
      name: 'x'.repeat(300 * 1024),
    })
    expect(res.status).toBe(413)
  })
})
