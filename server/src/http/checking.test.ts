import { eventDocName } from '@hytepaja/shared/doc/names'
import { readMinutesCheck } from '@hytepaja/shared/doc/plenary'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { api, createTestEvent, joinAs, type startTestServer } from '../testing/accessFixture.js'
import { describeOnBothStores } from '../testing/bothStores.js'
import { agendaOf, auditCount, eventState, promoteProposal } from '../testing/plenaryFixture.js'

type Server = Awaited<ReturnType<typeof startTestServer>>

/**
 * A plenary up to the checking: attendance, elections, three decisions (as proposed, amended,
 * tabled) and two minute-checkers with their links.
 */
async function decidedPlenary(server: Server) {
  const event = await createTestEvent(server)
  const [g1, g2, g3] = event.groups.map((g) => g.id) as [string, string, string]
  const veera = await joinAs(server, event, 'Veera Virtanen', g1)
  const aarne = await joinAs(server, event, 'Aarne Aho', g2)
  const plenary = `/api/events/${event.id}/plenary`
  const chair = event.tokens.chair
  await api(server, 'PUT', `${plenary}/attendance/${veera.participantId}`, chair, {
    presence: 'room',
    organisation: 'Järvilaakson kunta',
  })
  await api(server, 'PUT', `${plenary}/attendance/${aarne.participantId}`, chair, {
    presence: 'remote',
  })
  await api(server, 'POST', `${plenary}/attendance`, chair, {
    name: 'Ellen Ek',
    organisation: 'Ämmälän seurakunta',
  })
  const elected = await api(server, 'PUT', `${plenary}/elections`, chair, {
    chair: { attendeeId: veera.participantId },
    secretary: { name: 'Sanni Saari', organisation: 'Hyvinvointialue' },
    checkers: [{ attendeeId: aarne.participantId }, { name: 'Olli Oja' }],
    voteCounters: [],
  })
  const [first, second] = elected.json.checkers as Array<{ id: string; token: string }>
  for (const [group, title] of [
    [g1, 'Liikkumisen ilo kaikille'],
    [g2, 'Mielen hyvinvointi'],
    [g3, 'Turvallinen arki'],
  ] as const) {
    await promoteProposal(server, event, group, title, 1)
  }
  const { byLabel } = await agendaOf(server, event.id)
  const decide = (label: string, body: object) =>
    api(server, 'PUT', `${plenary}/decisions/${byLabel[label]}`, chair, {
      promotionVersion: 1,
      ...body,
    })
  expect((await decide('§9 a', { outcome: 'asProposed' })).status).toBe(200)
  expect(
    (
      await decide('§9 b', {
        outcome: 'amended',
        amended: { title: 'Mielen hyvinvointi kaikille', body: 'Yhdessä.', actions: [] },
      })
    ).status,
  ).toBe(200)
  expect((await decide('§9 c', { outcome: 'tabled', note: 'Palataan keväällä.' })).status).toBe(200)
  return {
    event,
    plenary,
    veera,
    aarne,
    byLabel,
    first: first as { id: string; token: string },
    second: second as { id: string; token: string },
  }
}

/** Both checkers approve; answers the lock. */
async function lock(server: Server, p: Awaited<ReturnType<typeof decidedPlenary>>) {
  const one = await api(server, 'POST', `${p.plenary}/check/approve`, p.first.token)
  expect(one).toMatchObject({ status: 200, json: { minutes: { state: 'draft' } } })
  const two = await api(server, 'POST', `${p.plenary}/check/approve`, p.second.token)
  expect(two.status).toBe(200)
  return two.json.minutes
}

function checkingSuite(start: () => Promise<Server>, stop: (server: Server) => Promise<void>) {
  let server: Server
  beforeAll(async () => {
    server = await start()
  })
  afterAll(() => stop(server))

  it('locks when both checkers approve, with the SHA-256 of the content as it stood', async () => {
    const p = await decidedPlenary(server)
    await api(server, 'POST', `${p.plenary}/check/comments`, p.first.token, {
      itemId: p.byLabel['§9 b'],
      text: 'Muutettu teksti tarkistettu.',
    })
    const before = await api(server, 'GET', `${p.plenary}/minutes/content`, p.event.tokens.viewer)
    expect(before.json.locked).toBeNull()
    expect(before.json.content.decisions.map((d: { outcome: string }) => d.outcome)).toEqual([
      'asProposed',
      'amended',
      'tabled',
    ])
    const minutes = await lock(server, p)
    expect(minutes).toMatchObject({
      state: 'locked',
      version: 1,
      hash: before.json.sha256,
      approvals: [
        { checkerId: p.first.id, name: 'Aarne Aho' },
        { checkerId: p.second.id, name: 'Olli Oja' },
      ],
    })
    expect(minutes.hash).toMatch(/^[0-9a-f]{64}$/)
    const stored = await server.ctx.rooms.withDoc(eventDocName(p.event.id), (room) =>
      readMinutesCheck(room.doc),
    )
    expect(stored).toEqual(minutes)
    const after = await api(server, 'GET', `${p.plenary}/minutes/content`, p.first.token)
    expect(after.json).toMatchObject({
      sha256: minutes.hash,
      locked: { version: 1, hash: minutes.hash },
    })
    const me = await api(server, 'GET', `${p.plenary}/check/me`, p.second.token)
    expect(me.json).toMatchObject({ approved: true, minutes: { state: 'locked' } })
    const audit = await api(
      server,
      'GET',
      `/api/events/${p.event.id}/audit`,
      p.event.tokens.organiser,
    )
    expect(
      audit.json.audit
        .filter((a: { action: string }) => a.action.startsWith('minutes.'))
        .map((a: { action: string; actor_id: string }) => [a.action, a.actor_id]),
    ).toEqual([
      ['minutes.comment', `checker:${p.first.id}`],
      ['minutes.approve', `checker:${p.first.id}`],
      ['minutes.lock', `checker:${p.second.id}`],
    ])
  })

  it('refuses every change after the lock with 409, changing nothing', async () => {
    const p = await decidedPlenary(server)
    await lock(server, p)
    const { event, plenary } = p
    const chair = event.tokens.chair
    const organiser = event.tokens.organiser
    const [g1, g2] = event.groups.map((g) => g.id) as [string, string]
    const attendance = async () => (await api(server, 'GET', `${plenary}/attendance`, chair)).json
    const before = [
      await eventState(server, event.id),
      await auditCount(server, event.id),
      await attendance(),
      (await api(server, 'GET', `${plenary}/check/comments`, chair)).json,
    ]
    const refused: Array<[string, string, string, object | undefined]> = [
      ['PUT', `${plenary}/current`, chair, { itemId: p.byLabel['§1'] }],
      ['POST', `${plenary}/current/next`, chair, undefined],
      ['PUT', `${plenary}/attendance/${p.veera.participantId}`, chair, { presence: 'absent' }],
      ['POST', `${plenary}/attendance`, chair, { name: 'Myöhästynyt' }],
      ['DELETE', `${plenary}/attendance/${p.veera.participantId}`, chair, undefined],
      ['PUT', `${plenary}/minutes-settings`, chair, { fullAttendance: true }],
      ['PUT', `${plenary}/agenda-approval`, chair, { approved: true }],
      [
        'PUT',
        `${plenary}/elections`,
        chair,
        { chair: null, secretary: null, checkers: [], voteCounters: [] },
      ],
      [
        'PUT',
        `${plenary}/decisions/${p.byLabel['§9 a']}`,
        organiser,
        { outcome: 'rejected', promotionVersion: 1 },
      ],
      ['POST', `${plenary}/check/comments`, p.first.token, { itemId: null, text: 'Myöhään' }],
      ['POST', `${plenary}/check/approve`, p.first.token, undefined],
      [
        'POST',
        `/api/events/${event.id}/groups/${g2}/proposal/withdraw`,
        event.tokens.facilitators[g2] as string,
        undefined,
      ],
      ['POST', `/api/events/${event.id}/groups/${g1}/proposal/promote`, organiser, undefined],
      ['POST', `/api/events/${event.id}/agenda`, organiser, { title: 'Lisäkohta' }],
      ['PATCH', `/api/events/${event.id}`, organiser, { place: 'Muu paikka' }],
      ['POST', `/api/events/${event.id}/groups`, organiser, { name: 'Myöhäinen ryhmä' }],
    ]
    for (const [method, path, token, body] of refused) {
      const res = await api(server, method, path, token, body)
      expect([method, path, res.status, res.json?.error?.code]).toEqual([
        method,
        path,
        409,
        'minutes.locked',
      ])
      expect(res.json.error.message).toMatch(/locked; only the organiser can reopen/)
    }
    expect([
      await eventState(server, event.id),
      await auditCount(server, event.id),
      await attendance(),
      (await api(server, 'GET', `${plenary}/check/comments`, chair)).json,
    ]).toEqual(before)
  })

  it('keeps the locked attendance and hash when a participant is removed afterwards', async () => {
    const p = await decidedPlenary(server)
    await api(server, 'PUT', `${p.plenary}/minutes-settings`, p.event.tokens.chair, {
      fullAttendance: true,
    })
    const minutes = await lock(server, p)
    const removed = await api(
      server,
      'DELETE',
      `/api/events/${p.event.id}/participants/${p.veera.participantId}`,
      p.event.tokens.organiser,
    )
    expect(removed.status).toBe(204)
    const content = await api(server, 'GET', `${p.plenary}/minutes/content`, p.event.tokens.chair)
    expect(content.json.sha256).toBe(minutes.hash)
    expect(content.json.content.attendance.people.map((x: { name: string }) => x.name)).toContain(
      'Veera Virtanen',
    )
    // The files print the attendance the minutes locked with, beside their hash.
    const file = await fetch(`${server.url}/api/events/${p.event.id}/minutes?format=html&lang=fi`, {
      headers: { authorization: `Bearer ${p.event.tokens.viewer}` },
    })
    const html = await file.text()
    expect(file.status).toBe(200)
    expect(html).toContain('Veera Virtanen')
    expect(html).toContain(minutes.hash)
    // The chair's list is the meeting's attendance too.
    const listed = await api(server, 'GET', `${p.plenary}/attendance`, p.event.tokens.chair)
    expect(listed.json.attendance.map((x: { name: string }) => x.name)).toContain('Veera Virtanen')
  })

  it('is reopened only by the organiser, with a reason, as a new version that must be checked again', async () => {
    const p = await decidedPlenary(server)
    const locked = await lock(server, p)
    const path = `${p.plenary}/minutes/reopen`
    for (const token of [p.event.tokens.chair, p.first.token, p.event.tokens.viewer]) {
      expect((await api(server, 'POST', path, token, { reason: 'Korjaus' })).status).toBe(403)
    }
    expect(
      (await api(server, 'POST', path, p.event.tokens.organiser, { reason: '  ' })).json.error.code,
    ).toBe('minutes.reason.empty')
    const reopened = await api(server, 'POST', path, p.event.tokens.organiser, {
      reason: 'Sihteerin nimi oli väärin.',
    })
    expect(reopened).toMatchObject({
      status: 200,
      json: {
        minutes: {
          state: 'draft',
          version: 2,
          approvals: [],
          hash: null,
          reopenings: [
            {
              version: 1,
              hash: locked.hash,
              reason: 'Sihteerin nimi oli väärin.',
              by: 'organiser',
            },
          ],
        },
      },
    })
    expect(
      (await api(server, 'POST', path, p.event.tokens.organiser, { reason: 'Taas' })).json.error
        .code,
    ).toBe('minutes.notLocked')
    // A draft again: the correction goes through, and the checkers approve the new version.
    const corrected = await api(server, 'PUT', `${p.plenary}/elections`, p.event.tokens.chair, {
      chair: { attendeeId: p.veera.participantId },
      secretary: { name: 'Sanna Saari', organisation: 'Hyvinvointialue' },
      checkers: [{ attendeeId: p.aarne.participantId }, { name: 'Olli Oja' }],
      voteCounters: [],
    })
    expect(corrected.status).toBe(200)
    const again = await lock(server, p)
    expect(again).toMatchObject({ state: 'locked', version: 2 })
    expect(again.hash).not.toBe(locked.hash)
    const audit = await api(
      server,
      'GET',
      `/api/events/${p.event.id}/audit`,
      p.event.tokens.organiser,
    )
    expect(audit.json.audit.map((a: { action: string }) => a.action)).toContain('minutes.reopen')
  })

  it('forgets the approval of a checker who is replaced before the lock', async () => {
    const p = await decidedPlenary(server)
    await api(server, 'POST', `${p.plenary}/check/approve`, p.second.token)
    const replaced = await api(server, 'PUT', `${p.plenary}/elections`, p.event.tokens.chair, {
      chair: null,
      secretary: null,
      checkers: [{ attendeeId: p.aarne.participantId }, { name: 'Uusi Tarkastaja' }],
      voteCounters: [],
    })
    expect((await api(server, 'POST', `${p.plenary}/check/approve`, p.second.token)).status).toBe(
      401,
    )
    const first = await api(server, 'POST', `${p.plenary}/check/approve`, p.first.token)
    expect(first.json.minutes).toMatchObject({
      state: 'draft',
      approvals: [{ checkerId: p.first.id }],
    })
    const newcomer = replaced.json.checkers[1].token
    const last = await api(server, 'POST', `${p.plenary}/check/approve`, newcomer)
    expect(last.json.minutes.state).toBe('locked')
  })
}

describeOnBothStores('checking the minutes', checkingSuite)
