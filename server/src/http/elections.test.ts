import { eventDocName } from '@hytepaja/shared/doc/names'
import { readElections } from '@hytepaja/shared/doc/plenary'
import { CloseCode } from '@hytepaja/shared/protocol/closeCodes'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type WebSocket from 'ws'
import * as Y from 'yjs'
import {
  api,
  createTestEvent,
  joinAs,
  rawSyncClient,
  startTestServer,
  upgradeStatus,
} from '../testing/accessFixture.js'
import { agendaOf, auditCount, eventState } from '../testing/plenaryFixture.js'

type Server = Awaited<ReturnType<typeof startTestServer>>
let server: Server

beforeAll(async () => {
  server = await startTestServer()
})
afterAll(() => server?.dispose())

const closed = (ws: WebSocket) =>
  new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)))

async function attendedEvent() {
  const event = await createTestEvent(server)
  const group = event.groups[0]?.id as string
  const veera = await joinAs(server, event, 'Veera Virtanen', group)
  const aarne = await joinAs(server, event, 'Aarne Aho', group)
  const attendance = `/api/events/${event.id}/plenary/attendance`
  await api(server, 'PUT', `${attendance}/${veera.participantId}`, event.tokens.chair, {
    presence: 'room',
    organisation: 'Järvilaakson kunta',
  })
  await api(server, 'PUT', `${attendance}/${aarne.participantId}`, event.tokens.chair, {
    presence: 'remote',
  })
  const path = `/api/events/${event.id}/plenary/elections`
  /** Aarne (picked from the attendance) and a typed second checker; nobody else elected. */
  const electCheckers = (second: string) =>
    api(server, 'PUT', path, event.tokens.chair, {
      chair: null,
      secretary: null,
      checkers: [{ attendeeId: aarne.participantId }, { name: second }],
      voteCounters: [],
    })
  return { event, veera, aarne, path, electCheckers }
}

describe('elections (§4)', () => {
  it('elects people from the attendance and typed ones; each checker gets a personal link', async () => {
    const { event, veera, aarne, path } = await attendedEvent()
    const res = await api(server, 'PUT', path, event.tokens.chair, {
      chair: { attendeeId: veera.participantId, name: 'ignored' },
      secretary: { name: 'Sanni Saari', organisation: 'Hyvinvointialue' },
      checkers: [
        { attendeeId: aarne.participantId },
        { name: 'Ellen Ek', organisation: 'Seurakunta' },
      ],
      voteCounters: [{ name: 'Kalle Koski' }],
    })
    expect(res.status).toBe(200)
    expect(res.json.elections).toMatchObject({
      chair: {
        name: 'Veera Virtanen',
        organisation: 'Järvilaakson kunta',
        attendeeId: veera.participantId,
      },
      secretary: { name: 'Sanni Saari', organisation: 'Hyvinvointialue', attendeeId: null },
      checkers: [{ name: 'Aarne Aho' }, { name: 'Ellen Ek' }],
      voteCounters: [{ name: 'Kalle Koski' }],
      by: 'chair',
    })
    expect(res.json.checkers).toHaveLength(2)
    const [first] = res.json.checkers
    expect(first.link).toBe(`${server.ctx.config.publicUrl}/e/${event.id}/checker#${first.token}`)
    // The names are public in the document (the minutes print them); the links are not.
    const stored = await server.ctx.rooms.withDoc(eventDocName(event.id), (room) =>
      readElections(room.doc),
    )
    expect(stored.checkers.map((c) => c.name)).toEqual(['Aarne Aho', 'Ellen Ek'])
    const session = await api(server, 'GET', '/api/session', first.token)
    expect(session).toMatchObject({
      status: 200,
      json: { role: 'checker', eventId: event.id, checker: { id: first.id, name: 'Aarne Aho' } },
    })
    const me = await api(server, 'GET', `/api/events/${event.id}/plenary/check/me`, first.token)
    expect(me).toMatchObject({
      status: 200,
      json: {
        checker: { name: 'Aarne Aho' },
        approved: false,
        minutes: { state: 'draft', version: 1 },
      },
    })
    // The chair's console shows the same links again.
    const again = await api(
      server,
      'GET',
      `/api/events/${event.id}/plenary/checkers`,
      event.tokens.chair,
    )
    expect(again.json.checkers.map((c: { token: string }) => c.token)).toEqual(
      res.json.checkers.map((c: { token: string }) => c.token),
    )
  })

  it('revokes the link of a checker who is replaced, and closes their socket; the other keeps theirs', async () => {
    const { event, electCheckers } = await attendedEvent()
    const elected = await electCheckers('Ellen Ek')
    const [kept, replaced] = elected.json.checkers
    const socket = await rawSyncClient(server, eventDocName(event.id), replaced.token)
    await socket.roundTrip()
    const closing = closed(socket.ws)
    const again = await electCheckers('Olli Oja')
    expect(again.json.checkers[0].token).toBe(kept.token)
    expect(again.json.checkers[1].token).not.toBe(replaced.token)
    expect(await closing).toBe(CloseCode.Revoked)
    expect((await api(server, 'GET', '/api/session', replaced.token)).status).toBe(401)
    expect(await upgradeStatus(server, eventDocName(event.id), replaced.token)).toBe(401)
    expect((await api(server, 'GET', '/api/session', kept.token)).json.checker.name).toBe(
      'Aarne Aho',
    )
    expect(
      (await api(server, 'GET', '/api/session', again.json.checkers[1].token)).json.checker.name,
    ).toBe('Olli Oja')
  })

  it('refuses bad elections, changing nothing', async () => {
    const { event, veera, aarne, path } = await attendedEvent()
    await api(
      server,
      'PUT',
      `/api/events/${event.id}/plenary/attendance/${aarne.participantId}`,
      event.tokens.chair,
      {
        presence: 'absent',
      },
    )
    const empty = { chair: null, secretary: null, checkers: [], voteCounters: [] }
    const cases: Array<[object, number, string]> = [
      [
        { ...empty, checkers: [{ name: 'A' }, { name: 'B' }, { name: 'C' }] },
        400,
        'elections.checkers.tooMany',
      ],
      [
        {
          ...empty,
          checkers: [{ attendeeId: veera.participantId }, { attendeeId: veera.participantId }],
        },
        400,
        'elections.checkers.same',
      ],
      [{ ...empty, chair: { attendeeId: 'nosuchperson' } }, 400, 'elections.attendee.unknown'],
      [{ ...empty, chair: { attendeeId: aarne.participantId } }, 400, 'elections.attendee.absent'],
      [{ ...empty, secretary: { name: '  ' } }, 400, 'elections.secretary.name.empty'],
      [{ ...empty, checkers: 'Aarne' }, 400, 'request.invalid'],
    ]
    const before = [await eventState(server, event.id), await auditCount(server, event.id)]
    for (const [body, status, code] of cases) {
      const res = await api(server, 'PUT', path, event.tokens.chair, body)
      expect([res.status, res.json.error.code]).toEqual([status, code])
    }
    const participant = await joinAs(server, event, 'Pekka', event.groups[0]?.id as string)
    for (const token of [participant.token, event.tokens.viewer, event.tokens.join]) {
      expect(
        (await api(server, 'PUT', path, token, { ...empty, chair: { name: 'Minä' } })).status,
      ).toBe(403)
      expect(
        (await api(server, 'GET', `/api/events/${event.id}/plenary/checkers`, token)).status,
      ).toBe(403)
    }
    expect([await eventState(server, event.id), await auditCount(server, event.id)]).toEqual(before)
  })
})

describe('the checkers’ comments', () => {
  it('are written by checkers per item, read by the secretary and the checkers, nobody else', async () => {
    const { event, electCheckers } = await attendedEvent()
    const elected = await electCheckers('Ellen Ek')
    const [aarneLink, ellenLink] = elected.json.checkers
    const { byLabel } = await agendaOf(server, event.id)
    const base = `/api/events/${event.id}/plenary/check/comments`
    const written = await api(server, 'POST', base, aarneLink.token, {
      itemId: byLabel['§4'],
      text: 'Ääntenlaskijat puuttuvat.',
    })
    expect(written).toMatchObject({
      status: 201,
      json: {
        comment: {
          checkerId: aarneLink.id,
          checkerName: 'Aarne Aho',
          itemId: byLabel['§4'],
          text: 'Ääntenlaskijat puuttuvat.',
          version: 1,
        },
      },
    })
    await api(server, 'POST', base, ellenLink.token, { itemId: null, text: 'Muuten kunnossa.' })
    for (const token of [
      event.tokens.chair,
      event.tokens.organiser,
      aarneLink.token,
      ellenLink.token,
    ]) {
      const res = await api(server, 'GET', base, token)
      expect(res.json.comments.map((c: { text: string }) => c.text)).toEqual([
        'Ääntenlaskijat puuttuvat.',
        'Muuten kunnossa.',
      ])
    }
    const participant = await joinAs(server, event, 'Pekka', event.groups[0]?.id as string)
    for (const token of [participant.token, event.tokens.viewer, event.tokens.join]) {
      expect((await api(server, 'GET', base, token)).status).toBe(403)
    }
    // Only checkers write comments; not the chair.
    expect(
      (await api(server, 'POST', base, event.tokens.chair, { itemId: null, text: 'x' })).status,
    ).toBe(403)
    // Bad comments: unknown item, empty text.
    expect(
      (await api(server, 'POST', base, aarneLink.token, { itemId: 'nosuchitem', text: 'x' }))
        .status,
    ).toBe(404)
    expect(
      (await api(server, 'POST', base, aarneLink.token, { itemId: null, text: ' ' })).status,
    ).toBe(400)
    expect((await api(server, 'GET', base, event.tokens.chair)).json.comments).toHaveLength(2)
    const state = await server.ctx.rooms.withDoc(eventDocName(event.id), (room) =>
      Buffer.from(Y.encodeStateAsUpdate(room.doc)).toString('utf8'),
    )
    expect(state).not.toContain('Ääntenlaskijat puuttuvat')
  })
})
