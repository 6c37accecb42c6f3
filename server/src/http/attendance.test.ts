import { eventDocName } from '@hytepaja/shared/doc/names'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  api,
  type CreatedEventBody,
  createTestEvent,
  joinAs,
  startTestServer,
} from '../testing/accessFixture.js'
import { auditCount } from '../testing/plenaryFixture.js'

type Server = Awaited<ReturnType<typeof startTestServer>>
let server: Server

beforeAll(async () => {
  server = await startTestServer()
})
afterAll(() => server?.dispose())

async function registeredEvent() {
  const event = await createTestEvent(server)
  const group = event.groups[0]?.id as string
  const veera = await joinAs(server, event, 'Veera Virtanen', group)
  const aarne = await joinAs(server, event, 'Aarne Aho', group)
  const base = `/api/events/${event.id}/plenary/attendance`
  return { event, group, veera, aarne, base }
}

const list = async (event: CreatedEventBody, token = event.tokens.chair) =>
  (await api(server, 'GET', `/api/events/${event.id}/plenary/attendance`, token)).json

describe('attendance (§2)', () => {
  it('lists the registered participants unconfirmed, then confirms, marks late and absent', async () => {
    const { event, group, veera, aarne, base } = await registeredEvent()
    const first = await list(event)
    expect(first).toEqual({
      fullAttendance: false,
      attendance: [
        {
          id: veera.participantId,
          participantId: veera.participantId,
          name: 'Veera Virtanen',
          organisation: null,
          groupId: group,
          presence: null,
          arrivedAt: null,
        },
        expect.objectContaining({ id: aarne.participantId, presence: null }),
      ],
    })
    const set = await api(server, 'PUT', `${base}/${veera.participantId}`, event.tokens.chair, {
      presence: 'remote',
      organisation: 'Järvilaakson kunta',
    })
    expect(set).toMatchObject({
      status: 200,
      json: { entry: { presence: 'remote', organisation: 'Järvilaakson kunta' } },
    })
    await api(server, 'PUT', `${base}/${aarne.participantId}`, event.tokens.organiser, {
      presence: 'room',
      arrivedAt: '10:15',
    })
    // Marking absent forgets the arrival time.
    const absent = await api(server, 'PUT', `${base}/${aarne.participantId}`, event.tokens.chair, {
      presence: 'absent',
    })
    expect(absent.json.entry).toMatchObject({ presence: 'absent', arrivedAt: null })
    expect((await list(event)).attendance.map((e: { presence: string }) => e.presence)).toEqual([
      'remote',
      'absent',
    ])
  })

  it('adds people who never registered, and removes them', async () => {
    const { event, base } = await registeredEvent()
    const added = await api(server, 'POST', base, event.tokens.chair, {
      name: 'Ellen Ek',
      organisation: 'Ämmälän seurakunta',
    })
    expect(added).toMatchObject({
      status: 201,
      json: {
        entry: {
          participantId: null,
          name: 'Ellen Ek',
          organisation: 'Ämmälän seurakunta',
          presence: 'room',
          groupId: null,
        },
      },
    })
    expect((await list(event)).attendance).toHaveLength(3)
    const id = added.json.entry.id
    expect((await api(server, 'DELETE', `${base}/${id}`, event.tokens.chair)).status).toBe(204)
    expect((await list(event)).attendance).toHaveLength(2)
    expect((await api(server, 'DELETE', `${base}/${id}`, event.tokens.chair)).status).toBe(404)
  })

  it('forgets a registered person’s confirmation on removal; they stay listed', async () => {
    const { event, veera, base } = await registeredEvent()
    await api(server, 'PUT', `${base}/${veera.participantId}`, event.tokens.chair, {
      presence: 'room',
      name: 'Veera K. Virtanen',
    })
    await api(server, 'DELETE', `${base}/${veera.participantId}`, event.tokens.chair)
    expect((await list(event)).attendance[0]).toMatchObject({
      name: 'Veera Virtanen',
      presence: null,
    })
  })

  it('refuses bad entries and unknown people, changing nothing', async () => {
    const { event, veera, base } = await registeredEvent()
    const other = await createTestEvent(server)
    const stranger = await joinAs(server, other, 'Muu', other.groups[0]?.id as string)
    const before = [await list(event), await auditCount(server, event.id)]
    const cases: Array<[string, string, object, number, string]> = [
      ['PUT', `${base}/${veera.participantId}`, { presence: 'away' }, 400, 'request.invalid'],
      [
        'PUT',
        `${base}/${veera.participantId}`,
        { arrivedAt: '9.30' },
        400,
        'attendance.arrivedAt.invalid',
      ],
      ['PUT', `${base}/${veera.participantId}`, { name: '' }, 400, 'attendance.name.empty'],
      ['PUT', `${base}/nosuchperson`, { presence: 'room' }, 404, 'attendance.notFound'],
      [
        'PUT',
        `${base}/${stranger.participantId}`,
        { presence: 'room' },
        404,
        'attendance.notFound',
      ],
      ['POST', base, { organisation: 'Vain organisaatio' }, 400, 'attendance.name.empty'],
      ['POST', base, { name: 'Nimi\u0007' }, 400, 'attendance.name.control'],
      ['POST', base, { name: 'x'.repeat(121) }, 400, 'attendance.name.tooLong'],
      ['DELETE', `${base}/nosuchperson`, {}, 404, 'attendance.notFound'],
    ]
    for (const [method, path, body, status, code] of cases) {
      const res = await api(
        server,
        method,
        path,
        event.tokens.chair,
        method === 'DELETE' ? undefined : body,
      )
      expect([path, res.status, res.json.error.code]).toEqual([path, status, code])
    }
    expect([await list(event), await auditCount(server, event.id)]).toEqual(before)
  })

  it('is read and written only by the organiser and the chair link', async () => {
    const { event, group, veera, base } = await registeredEvent()
    const participant = await joinAs(server, event, 'Pekka', group)
    const facilitator = event.tokens.facilitators[group] as string
    for (const token of [participant.token, event.tokens.viewer, event.tokens.join, facilitator]) {
      expect((await api(server, 'GET', base, token)).status).toBe(403)
      expect(
        (await api(server, 'PUT', `${base}/${veera.participantId}`, token, { presence: 'room' }))
          .status,
      ).toBe(403)
      expect((await api(server, 'POST', base, token, { name: 'Luvaton' })).status).toBe(403)
    }
    expect(
      (await list(event)).attendance.every((e: { presence: null }) => e.presence === null),
    ).toBe(true)
  })

  it('never puts a name of the attendance into the event document everyone syncs', async () => {
    const { event, base } = await registeredEvent()
    await api(server, 'POST', base, event.tokens.chair, {
      name: 'Salainen Lisätty',
      organisation: 'Piilotettu Yhdistys',
    })
    const state = await server.ctx.rooms.withDoc(eventDocName(event.id), (room) =>
      Y.encodeStateAsUpdate(room.doc),
    )
    const text = Buffer.from(state).toString('utf8')
    for (const name of ['Salainen Lisätty', 'Piilotettu Yhdistys', 'Veera Virtanen', 'Aarne Aho']) {
      expect(text).not.toContain(name)
    }
  })

  it('keeps the list of a removed participant out', async () => {
    const { event, veera, base } = await registeredEvent()
    await api(server, 'PUT', `${base}/${veera.participantId}`, event.tokens.chair, {
      presence: 'room',
    })
    await api(
      server,
      'DELETE',
      `/api/events/${event.id}/participants/${veera.participantId}`,
      event.tokens.organiser,
    )
    expect((await list(event)).attendance.map((e: { name: string }) => e.name)).toEqual([
      'Aarne Aho',
    ])
  })
})
