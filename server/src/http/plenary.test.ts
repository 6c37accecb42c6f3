import { eventDocName } from '@hytepaja/shared/doc/names'
import {
  readAgendaApproval,
  readCurrentItem,
  readDecision,
  readMinutesSettings,
} from '@hytepaja/shared/doc/plenary'
import { readPromotions } from '@hytepaja/shared/doc/schema/event'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  api,
  type CreatedEventBody,
  createTestEvent,
  joinAs,
  startTestServer,
} from '../testing/accessFixture.js'
import { agendaOf, auditCount, eventState, promoteProposal } from '../testing/plenaryFixture.js'

type Server = Awaited<ReturnType<typeof startTestServer>>
let server: Server

beforeAll(async () => {
  server = await startTestServer()
})
afterAll(() => server?.dispose())

const read = <T>(eventId: string, fn: (doc: import('yjs').Doc) => T) =>
  server.ctx.rooms.withDoc(eventDocName(eventId), (room) => fn(room.doc))

/** A request refused with `status` and `code` that changed neither the document nor the audit. */
async function expectRefused(
  event: CreatedEventBody,
  request: () => Promise<{ status: number; json: { error?: { code: string } } }>,
  status: number,
  code?: string,
) {
  const before = [await eventState(server, event.id), await auditCount(server, event.id)]
  const res = await request()
  expect(res.status).toBe(status)
  if (code) expect(res.json.error?.code).toBe(code)
  else expect(res.json.error?.code).toEqual(expect.any(String))
  expect([await eventState(server, event.id), await auditCount(server, event.id)]).toEqual(before)
}

describe('the current item', () => {
  it('moves by id, next and previous, and every step is audited', async () => {
    const event = await createTestEvent(server)
    const { rows } = await agendaOf(server, event.id)
    const base = `/api/events/${event.id}/plenary/current`
    const chair = event.tokens.chair
    expect(await api(server, 'POST', `${base}/next`, chair)).toMatchObject({
      status: 200,
      json: { currentItemId: rows[0]?.item.id },
    })
    expect((await api(server, 'POST', `${base}/next`, chair)).json.currentItemId).toBe(
      rows[1]?.item.id,
    )
    expect((await api(server, 'POST', `${base}/previous`, chair)).json.currentItemId).toBe(
      rows[0]?.item.id,
    )
    const last = rows.at(-1)?.item.id
    expect(await api(server, 'PUT', base, event.tokens.organiser, { itemId: last })).toMatchObject({
      status: 200,
      json: { currentItemId: last },
    })
    expect((await api(server, 'POST', `${base}/next`, chair)).json.currentItemId).toBe(last)
    expect(await read(event.id, readCurrentItem)).toBe(last)
    const audit = await api(server, 'GET', `/api/events/${event.id}/audit`, event.tokens.organiser)
    expect(
      audit.json.audit
        .filter((a: { action: string }) => a.action.startsWith('plenary.'))
        .map((a: { action: string; actor_role: string }) => [a.action, a.actor_role]),
    ).toEqual([
      ['plenary.next', 'chair'],
      ['plenary.next', 'chair'],
      ['plenary.previous', 'chair'],
      ['plenary.current', 'organiser'],
      ['plenary.next', 'chair'],
    ])
  })

  it('answers an unknown item with 404 and keeps the current one', async () => {
    const event = await createTestEvent(server)
    const base = `/api/events/${event.id}/plenary/current`
    await api(server, 'POST', `${base}/next`, event.tokens.chair)
    await expectRefused(
      event,
      () => api(server, 'PUT', base, event.tokens.chair, { itemId: 'nosuchitem' }),
      404,
      'agenda.notFound',
    )
    await expectRefused(event, () => api(server, 'PUT', base, event.tokens.chair, { item: 1 }), 400)
  })
})

describe('the agenda approval and the minutes setting', () => {
  it('records §3 with its changes and the full attendance setting', async () => {
    const event = await createTestEvent(server)
    const base = `/api/events/${event.id}/plenary`
    const res = await api(server, 'PUT', `${base}/agenda-approval`, event.tokens.chair, {
      approved: true,
      changes: '§10 ennen §9:ää',
    })
    expect(res).toMatchObject({
      status: 200,
      json: { agendaApproval: { changes: '§10 ennen §9:ää', by: 'chair' } },
    })
    expect((await read(event.id, readAgendaApproval))?.changes).toBe('§10 ennen §9:ää')
    await expectRefused(
      event,
      () =>
        api(server, 'PUT', `${base}/agenda-approval`, event.tokens.chair, {
          approved: true,
          changes: 'x'.repeat(1001),
        }),
      400,
      'agendaApproval.changes.tooLong',
    )
    expect(
      await api(server, 'PUT', `${base}/minutes-settings`, event.tokens.chair, {
        fullAttendance: true,
      }),
    ).toMatchObject({ status: 200, json: { fullAttendance: true } })
    expect((await read(event.id, readMinutesSettings)).fullAttendance).toBe(true)
  })
})

describe('decisions', () => {
  async function decidingEvent() {
    const event = await createTestEvent(server)
    const [g1, g2] = event.groups.map((g) => g.id) as [string, string]
    const promoted = await promoteProposal(server, event, g1, 'Liikkumisen ilo kaikille')
    const { byLabel, byKind } = await agendaOf(server, event.id)
    const base = `/api/events/${event.id}/plenary/decisions`
    return { event, g1, g2, promoted, byLabel, byKind, base }
  }

  it('records as proposed on the promoted version, and keeps every correction', async () => {
    const { event, byLabel, base } = await decidingEvent()
    const item = byLabel['§9 a'] as string
    const first = await api(server, 'PUT', `${base}/${item}`, event.tokens.chair, {
      outcome: 'asProposed',
      promotionVersion: 1,
    })
    expect(first).toMatchObject({
      status: 200,
      json: {
        decision: { itemId: item, outcome: 'asProposed', promotionVersion: 1, revision: 1 },
      },
    })
    const second = await api(server, 'PUT', `${base}/${item}`, event.tokens.organiser, {
      outcome: 'tabled',
      promotionVersion: 1,
      note: 'Palataan syksyllä.',
    })
    expect(
      second.json.history.map((d: { outcome: string; by: string }) => [d.outcome, d.by]),
    ).toEqual([
      ['asProposed', 'chair'],
      ['tabled', 'organiser'],
    ])
    expect((await read(event.id, (doc) => readDecision(doc, item)))?.outcome).toBe('tabled')
    // Anyone who reads the minutes reads the history; the viewer too.
    const history = await api(server, 'GET', `${base}/${item}`, event.tokens.viewer)
    expect(history).toMatchObject({ status: 200, json: { itemId: item, label: '§9 a' } })
    expect(history.json.history).toHaveLength(2)
    const audit = await api(server, 'GET', `/api/events/${event.id}/audit`, event.tokens.organiser)
    expect(
      audit.json.audit
        .filter((a: { target: string }) => a.target === item)
        .map((a: { action: string }) => a.action),
    ).toEqual(['decision.record', 'decision.correct'])
  })

  it('keeps an amended copy beside the promoted proposal, with the difference word by word', async () => {
    const { event, byLabel, base, promoted } = await decidingEvent()
    const item = byLabel['§9 a'] as string
    const [kept] = promoted.actionIds
    const res = await api(server, 'PUT', `${base}/${item}`, event.tokens.chair, {
      outcome: 'amended',
      promotionVersion: 1,
      amended: {
        title: 'Liikkumisen ilo kaikenikäisille',
        body: 'Kunnat, järjestöt ja seurakunnat yhdessä.',
        actions: [{ id: kept, what: 'Kävelykerho kirjastolta', timeline: 'Kevät 2028' }],
      },
    })
    expect(res.status).toBe(200)
    expect(res.json.decision.amended).toMatchObject({
      title: 'Liikkumisen ilo kaikenikäisille',
      actions: [{ id: kept, timeline: 'Kevät 2028', responsible: ['Järvilaakson kunta'] }],
      droppedActionIds: [promoted.actionIds[1]],
    })
    const diff = res.json.history[0].diff
    expect(diff.title).toContainEqual({ op: 'added', text: 'kaikenikäisille' })
    expect(diff.title).toContainEqual({ op: 'removed', text: 'kaikille' })
    expect(diff.actions.map((a: { status: string }) => a.status)).toEqual(['changed', 'removed'])
    // The promoted proposal itself is unchanged.
    expect(
      await read(event.id, (doc) => readPromotions(doc)[0]?.versions.map((v) => v.title)),
    ).toEqual(['Liikkumisen ilo kaikille'])
  })

  it('refuses bad decisions with a clear error and changes nothing', async () => {
    const { event, byLabel, byKind, base } = await decidingEvent()
    const a = byLabel['§9 a'] as string
    const b = byLabel['§9 b'] as string
    const talk = byKind('talk')[0]?.item.id as string
    const put = (item: string, body: object, token = event.tokens.chair) =>
      api(server, 'PUT', `${base}/${item}`, token, body)
    const amended = { title: 'Otsikko', body: 'Teksti', actions: [] }
    await expectRefused(
      event,
      () => put('nosuchitem', { outcome: 'asProposed' }),
      404,
      'agenda.notFound',
    )
    await expectRefused(
      event,
      () => put(talk, { outcome: 'asProposed' }),
      409,
      'decision.notDecisionItem',
    )
    await expectRefused(event, () => put(b, { outcome: 'asProposed' }), 409, 'decision.noProposal')
    await expectRefused(
      event,
      () =>
        put(a, { outcome: 'amended', promotionVersion: 1, amended: { ...amended, title: ' ' } }),
      400,
      'decision.amended.title.empty',
    )
    await expectRefused(
      event,
      () => put(a, { outcome: 'amended', promotionVersion: 1, amended: { ...amended, body: '' } }),
      400,
      'decision.amended.body.empty',
    )
    await expectRefused(
      event,
      () => put(a, { outcome: 'amended', promotionVersion: 1 }),
      400,
      'decision.amended.missing',
    )
    await expectRefused(
      event,
      () => put(a, { outcome: 'asProposed' }),
      400,
      'decision.promotionVersion.missing',
    )
    await expectRefused(
      event,
      () => put(a, { outcome: 'asProposed', promotionVersion: 2 }),
      409,
      'decision.staleVersion',
    )
    await expectRefused(
      event,
      () => put(a, { outcome: 'approved', promotionVersion: 1 }),
      400,
      'request.invalid',
    )
    const participant = await joinAs(server, event, 'Anna', event.groups[0]?.id as string)
    for (const token of [participant.token, event.tokens.viewer, event.tokens.join]) {
      await expectRefused(
        event,
        () => put(a, { outcome: 'asProposed', promotionVersion: 1 }, token),
        403,
        'forbidden',
      )
    }
    expect(await read(event.id, (doc) => readDecision(doc, a))).toBeNull()
  })

  it('takes a decision on a decision item that receives no proposal', async () => {
    const event = await createTestEvent(server)
    const added = await api(
      server,
      'POST',
      `/api/events/${event.id}/agenda`,
      event.tokens.organiser,
      {
        title: 'Yhteistyöfoorumin perustaminen',
        kind: 'decision',
      },
    )
    const res = await api(
      server,
      'PUT',
      `/api/events/${event.id}/plenary/decisions/${added.json.id}`,
      event.tokens.chair,
      { outcome: 'rejected', note: 'Ei kannatusta.' },
    )
    expect(res).toMatchObject({
      status: 200,
      json: { decision: { outcome: 'rejected', promotionVersion: null, note: 'Ei kannatusta.' } },
    })
  })

  it('refuses withdrawing or re-promoting a decided proposal (409), not another group’s', async () => {
    const { event, g1, g2, byLabel, base } = await decidingEvent()
    await api(server, 'PUT', `${base}/${byLabel['§9 a']}`, event.tokens.chair, {
      outcome: 'asProposed',
      promotionVersion: 1,
    })
    const groupBase = `/api/events/${event.id}/groups/${g1}/proposal`
    const facilitator = event.tokens.facilitators[g1] as string
    await expectRefused(
      event,
      () => api(server, 'POST', `${groupBase}/withdraw`, facilitator),
      409,
      'promotion.decided',
    )
    await expectRefused(
      event,
      () => api(server, 'POST', `${groupBase}/promote`, facilitator),
      409,
      'promotion.decided',
    )
    await promoteProposal(server, event, g2, 'Mielen hyvinvointi', 1)
    const other = await api(
      server,
      'POST',
      `/api/events/${event.id}/groups/${g2}/proposal/withdraw`,
      event.tokens.facilitators[g2],
    )
    expect(other.status).toBe(204)
  })
})

describe('the presenter view’s join corner', () => {
  it('gives the join code and link to the viewer and the chair, and follows a rotation', async () => {
    const event = await createTestEvent(server)
    const path = `/api/events/${event.id}/plenary/join`
    const forViewer = await api(server, 'GET', path, event.tokens.viewer)
    expect(forViewer).toMatchObject({ status: 200, json: { joinCode: event.joinCode } })
    expect(forViewer.json.joinLink).toMatch(new RegExp(`/e/${event.id}/join#${event.tokens.join}$`))
    const rotated = await api(
      server,
      'POST',
      `/api/events/${event.id}/join/rotate`,
      event.tokens.organiser,
    )
    const forChair = await api(server, 'GET', path, event.tokens.chair)
    expect(forChair.json.joinCode).toBe(rotated.json.joinCode)
    expect(forChair.json.joinLink).not.toContain(event.tokens.join)
  })
})
