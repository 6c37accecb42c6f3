import { boardDocName, eventDocName } from '@hytepaja/shared/doc/names'
import { groupStateRoot, readGroupState, readGroups } from '@hytepaja/shared/doc/schema/event'
import * as ideas from '@hytepaja/shared/domain/ideas'
import { CloseCode } from '@hytepaja/shared/protocol/closeCodes'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  api,
  createTestEvent,
  joinAs,
  rawSyncClient,
  startTestServer,
  upgradeStatus,
} from '../testing/accessFixture.js'

type Server = Awaited<ReturnType<typeof startTestServer>>
let server: Server

beforeAll(async () => {
  server = await startTestServer()
})
afterAll(() => server?.dispose())

const closed = (ws: { once(e: 'close', l: (code: number) => void): unknown }) =>
  new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)))

describe('organiser commands', () => {
  it('revoking a participant closes their open socket at once and their token stops working', async () => {
    const event = await createTestEvent(server)
    const group = event.groups[0]?.id as string
    const anna = await joinAs(server, event, 'Anna', group)
    const client = await rawSyncClient(server, boardDocName(event.id, group), anna.token)
    await client.roundTrip()
    const closing = closed(client.ws)
    const res = await api(
      server,
      'DELETE',
      `/api/events/${event.id}/participants/${anna.participantId}`,
      event.tokens.organiser,
    )
    expect(res.status).toBe(204)
    expect(await closing).toBe(CloseCode.Revoked)
    expect(await upgradeStatus(server, boardDocName(event.id, group), anna.token)).toBe(401)
    expect((await api(server, 'GET', '/api/session', anna.token)).status).toBe(401)
  })

  it('rotating the join link retires the old code and token, and keeps joined participants', async () => {
    const event = await createTestEvent(server)
    const group = event.groups[0]?.id as string
    const anna = await joinAs(server, event, 'Anna', group)
    const rotated = await api(
      server,
      'POST',
      `/api/events/${event.id}/join/rotate`,
      event.tokens.organiser,
    )
    expect(rotated.status).toBe(200)
    expect(rotated.json.joinCode).not.toBe(event.joinCode)
    expect(rotated.json.tokens.join).not.toBe(event.tokens.join)
    expect(
      (await api(server, 'POST', '/api/join', undefined, { code: event.joinCode })).status,
    ).toBe(404)
    const byNewCode = await api(server, 'POST', '/api/join', undefined, {
      code: rotated.json.joinCode,
    })
    expect(byNewCode.json).toEqual({ eventId: event.id, token: rotated.json.tokens.join })
    const oldJoin = await api(
      server,
      'POST',
      `/api/events/${event.id}/participants`,
      event.tokens.join,
      {
        displayName: 'Myöhäinen',
        groupId: group,
      },
    )
    expect(oldJoin.status).toBe(401)
    expect((await api(server, 'GET', '/api/session', anna.token)).status).toBe(200)
  })

  it('lets a participant change group until the workshop starts, then refuses', async () => {
    const event = await createTestEvent(server)
    const [a, b] = event.groups.map((g) => g.id) as [string, string]
    const anna = await joinAs(server, event, 'Anna', a)
    const socket = await rawSyncClient(server, boardDocName(event.id, a), anna.token)
    await socket.roundTrip()
    const reconnect = closed(socket.ws)
    const moved = await api(
      server,
      'POST',
      `/api/events/${event.id}/participants/me/group`,
      anna.token,
      { groupId: b },
    )
    expect(moved.status).toBe(200)
    expect(await reconnect).toBe(CloseCode.Reauthorise)
    expect((await api(server, 'GET', '/api/session', anna.token)).json.groupId).toBe(b)
    await server.ctx.rooms.withDoc(eventDocName(event.id), (room) =>
      groupStateRoot(room.doc).set(b, { ...readGroupState(room.doc, b), phase: 'ideas' }),
    )
    const refused = await api(
      server,
      'POST',
      `/api/events/${event.id}/participants/me/group`,
      anna.token,
      { groupId: a },
    )
    expect(refused.status).toBe(409)
    expect(refused.json.error.code).toBe('group.workshopStarted')
  })

  it('lets the organiser move a participant after the workshop started, and takes facilitator names at creation', async () => {
    const event = await createTestEvent(server, {
      groups: [{ name: 'Liikunta', facilitators: ['Fasilitaattori A'] }, { name: 'Mieli' }],
    })
    const [a, b] = event.groups.map((g) => g.id) as [string, string]
    const detail = await api(server, 'GET', `/api/events/${event.id}`, event.tokens.organiser)
    expect(detail.json.groups.map((g: { facilitators: string[] }) => g.facilitators)).toEqual([
      ['Fasilitaattori A'],
      [],
    ])
    const anna = await joinAs(server, event, 'Anna', a)
    await api(server, 'PUT', `/api/events/${event.id}/groups/${a}/phase`, event.tokens.organiser, {
      phase: 'ideas',
    })
    const path = `/api/events/${event.id}/participants/${anna.participantId}`
    expect((await api(server, 'PATCH', path, anna.token, { groupId: b })).status).toBe(403)
    expect((await api(server, 'PATCH', path, event.tokens.organiser, { groupId: b })).status).toBe(
      200,
    )
    expect((await api(server, 'GET', '/api/session', anna.token)).json.groupId).toBe(b)
    expect(
      (await api(server, 'PATCH', path, event.tokens.organiser, { groupId: 'nope' })).status,
    ).toBe(400)
  })

  it('adds a group with a facilitator link, and refuses to remove a group people sit in', async () => {
    const event = await createTestEvent(server)
    const added = await api(
      server,
      'POST',
      `/api/events/${event.id}/groups`,
      event.tokens.organiser,
      {
        name: 'Osallisuus',
        description: 'Kaikki mukaan',
      },
    )
    expect(added.status).toBe(201)
    const links = await api(server, 'GET', `/api/events/${event.id}/links`, event.tokens.organiser)
    const token = links.json.tokens.facilitators[added.json.id]
    expect(token).toEqual(expect.any(String))
    expect((await api(server, 'GET', '/api/session', token)).json).toMatchObject({
      role: 'facilitator',
      groupId: added.json.id,
    })
    await joinAs(server, event, 'Anna', added.json.id)
    const refused = await api(
      server,
      'DELETE',
      `/api/events/${event.id}/groups/${added.json.id}`,
      event.tokens.organiser,
    )
    expect(refused.status).toBe(409)
    const empty = event.groups[2]?.id as string
    expect(
      (
        await api(
          server,
          'DELETE',
          `/api/events/${event.id}/groups/${empty}`,
          event.tokens.organiser,
        )
      ).status,
    ).toBe(204)
    expect(await upgradeStatus(server, boardDocName(event.id, empty), event.tokens.organiser)).toBe(
      404,
    )
    expect(
      (await api(server, 'GET', '/api/session', event.tokens.facilitators[empty])).status,
    ).toBe(401)
    const detail = await api(server, 'GET', `/api/events/${event.id}`, event.tokens.organiser)
    expect(
      detail.json.agenda
        .filter((i: { groupId: string | null }) => i.groupId)
        .map((i: { label: string }) => i.label),
    ).toEqual(['§9 a', '§9 b', '§9 c'])
  })

  it('refuses bad input with a clear error and changes nothing', async () => {
    const event = await createTestEvent(server)
    const path = `/api/events/${event.id}`
    const before = await api(server, 'GET', path, event.tokens.organiser)
    for (const body of [
      { remoteUrl: 'javascript:alert(1)' },
      { startsAt: 'huomenna' },
      { title: '' },
      { title: 7 },
    ]) {
      const res = await api(server, 'PATCH', path, event.tokens.organiser, body)
      expect(res.status).toBe(400)
      expect(res.json.error.code).toEqual(expect.any(String))
    }
    const raw = await fetch(`${server.url}${path}`, {
      method: 'PATCH',
      headers: {
        authorization: `Bearer ${event.tokens.organiser}`,
        'content-type': 'application/json',
      },
      body: '{"title": ',
    })
    expect(raw.status).toBe(400)
    expect(await api(server, 'GET', path, event.tokens.organiser)).toEqual(before)
  })

  it('audits every organiser command without note text', async () => {
    const event = await createTestEvent(server)
    const organiser = event.tokens.organiser
    await api(server, 'PATCH', `/api/events/${event.id}`, organiser, { title: 'Salainen otsikko' })
    await api(server, 'POST', `/api/events/${event.id}/agenda`, organiser, { title: 'Uusi kohta' })
    await api(server, 'POST', `/api/events/${event.id}/join/rotate`, server.ctx.secrets.adminToken)
    const audit = await api(server, 'GET', `/api/events/${event.id}/audit`, organiser)
    expect(
      audit.json.audit.map(
        (a: { action: string; actor_role: string }) => `${a.actor_role} ${a.action}`,
      ),
    ).toEqual([
      'admin event.create',
      'organiser event.edit',
      'organiser agenda.add',
      'admin join.rotate',
    ])
    expect(JSON.stringify(audit.json)).not.toContain('Salainen')
  })
})

describe('event lifecycle', () => {
  it('exports an event with its boards and participants', async () => {
    const event = await createTestEvent(server)
    const group = event.groups[0]?.id as string
    await joinAs(server, event, 'Anna', group)
    await server.ctx.rooms.withDoc(boardDocName(event.id, group), (room) =>
      ideas.add(
        room.doc,
        { text: 'Lähiliikuntapaikat kuntoon' },
        { id: 'p', name: 'Anna', role: 'participant' },
      ),
    )
    const res = await api(server, 'GET', `/api/events/${event.id}/export`, event.tokens.organiser)
    expect(res.status).toBe(200)
    expect(res.json.event.title).toBe('Testineuvottelu')
    expect(res.json.boards[group].ideas.map((i: { text: string }) => i.text)).toEqual([
      'Lähiliikuntapaikat kuntoon',
    ])
    expect(res.json.participants.map((p: { displayName: string }) => p.displayName)).toEqual([
      'Anna',
    ])
    expect(res.json.agenda.length).toBeGreaterThan(10)
  })

  it('deletes an event so that nothing of it remains in the database', async () => {
    const event = await createTestEvent(server)
    const keep = await createTestEvent(server, { title: 'Jää jäljelle' })
    const group = event.groups[0]?.id as string
    const anna = await joinAs(server, event, 'Anna', group)
    const board = boardDocName(event.id, group)
    const client = await rawSyncClient(server, board, anna.token)
    const writer = new Y.Doc()
    ideas.add(
      writer,
      { text: 'Poistuu tapahtuman mukana' },
      { id: anna.participantId, name: 'Anna', role: 'participant' },
    )
    client.sendUpdate(Y.encodeStateAsUpdate(writer))
    await client.roundTrip()
    await server.ctx.docs.flush()
    const gone = closed(client.ws)
    expect(
      (await api(server, 'DELETE', `/api/events/${event.id}`, event.tokens.organiser)).status,
    ).toBe(204)
    expect(await gone).toBe(CloseCode.Gone)

    const db = server.ctx.db
    const count = async (sql: string, params: string[]) =>
      Number((await db.all<{ n: number }>(sql, params))[0]?.n)
    const like = [`%${event.id}%`]
    expect(await count('SELECT COUNT(*) AS n FROM doc_update WHERE name LIKE ?', like)).toBe(0)
    expect(await count('SELECT COUNT(*) AS n FROM doc_snapshot WHERE name LIKE ?', like)).toBe(0)
    for (const table of ['event', 'token', 'participant', 'audit', 'vote', 'pre_answer']) {
      const column = table === 'event' ? 'id' : 'event_id'
      expect([
        table,
        await count(`SELECT COUNT(*) AS n FROM ${table} WHERE ${column} = ?`, [event.id]),
      ]).toEqual([table, 0])
    }
    expect(await count('SELECT COUNT(*) AS n FROM event WHERE id = ?', [keep.id])).toBe(1)
    expect(await upgradeStatus(server, board, anna.token)).toBe(401)
    expect(
      (await api(server, 'GET', `/api/events/${event.id}`, server.ctx.secrets.adminToken)).status,
    ).toBe(404)
    const kept = await server.ctx.rooms.withDoc(eventDocName(keep.id), (room) =>
      readGroups(room.doc),
    )
    expect(kept).toHaveLength(3)
  })
})
