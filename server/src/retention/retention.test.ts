import { boardDocName, eventDocName, withheldDocName } from '@hytepaja/shared/doc/names'
import { readElections, readMinutesCheck } from '@hytepaja/shared/doc/plenary'
import { readIdeas } from '@hytepaja/shared/doc/schema/board'
import { readGroups } from '@hytepaja/shared/doc/schema/event'
import { addMonths } from '@hytepaja/shared/domain/retention'
import { afterEach, describe, expect, it } from 'vitest'
import { api, type CreatedEventBody, joinAs } from '../testing/accessFixture.js'
import { manualClock } from '../testing/clock.js'
import { createTestDatabase, postgresAvailable } from '../testing/postgres.js'
import { redisAvailable, startRedis, testPrefix } from '../testing/redis.js'
import { populatedEvent, storedText } from '../testing/retentionFixture.js'
import { Clients, startSyncServer, type TestServer } from '../testing/sync.js'

const havePostgres = await postgresAvailable()
const haveRedis = redisAvailable()
const clients = new Clients()
const servers: TestServer[] = []
afterEach(async () => {
  clients.destroyAll()
  for (const s of servers.splice(0)) await s.dispose()
})

/** A server whose schedules read `clock` and run only when the test calls `tick`. */
async function serverWithClock(env: Record<string, string> = {}) {
  const clock = manualClock(Date.now())
  const server = await startSyncServer({ clock }, undefined, env)
  servers.push(server)
  return { server, clock }
}

const rows = (server: TestServer, sql: string, params: string[]) =>
  server.ctx.db.all<Record<string, unknown>>(sql, params)

/** The people the run must take away: never stored again anywhere of the event. */
const ERASED_NAMES = [
  'Bertta Berg',
  'Paula Poissa',
  'Poissaolijat ry',
  'Kalle Koski',
  'Fiia Fasilitaattori',
  'Pykälä tarkistettu',
]

describe('retention of a locked event', () => {
  it('erases the personal data three months after the lock, nothing before, and keeps the minutes as they were', async () => {
    const { server, clock } = await serverWithClock()
    const p = await populatedEvent(server, clients)
    const other = await populatedEvent(server, clients)
    const check = await p.lock()
    expect(check.state).toBe('locked')
    const lockedAt = check.lockedAt as number
    const hash = check.hash as string
    const organiser = p.event.tokens.organiser
    const retention = `/api/events/${p.event.id}/retention`
    const exportBefore = (await api(server, 'GET', `/api/events/${p.event.id}/export`, organiser))
      .json

    // What the organiser sees before: the rule, the date and what it will take.
    const before = await api(server, 'GET', retention, organiser)
    expect(before.status).toBe(200)
    const dueAt = addMonths(lockedAt, 3)
    expect(before.json).toMatchObject({
      rule: 'afterLock',
      from: lockedAt,
      months: 3,
      dueAt,
      due: false,
      own: { afterLockMonths: null, afterEndMonths: null },
      defaults: { afterLockMonths: 3, afterEndMonths: 12 },
      lastRun: null,
    })
    const expected = {
      participants: 3,
      participantLinks: 3,
      // Bertta's confirmation and Kalle, added by hand: neither elected.
      attendance: 2,
      // The kept attendance drops Paula (never confirmed) and the names of Bertta and Kalle.
      minutesAttendanceNames: 3,
      preAnswers: 1,
      checkerComments: 1,
      // Bertta's note, her deleted note (withheld), her pre-assignment answer put on the
      // board, the facilitator's note.
      noteAuthors: 4,
      facilitatorNames: 1,
    }
    expect(before.json.pending).toEqual({ ...expected, unreadable: [] })

    // A millisecond early: nothing happens.
    clock.set(dueAt - 1)
    expect(await server.retention.tick()).toMatchObject({ erased: [], failed: [] })
    expect(await storedText(server, p.event.id)).toContain('Bertta Berg')

    clock.set(dueAt)
    const tick = await server.retention.tick()
    expect(tick.failed).toEqual([])
    expect(tick.erased).toEqual([{ eventId: p.event.id, erased: expected, unreadable: [] }])

    // The names are gone from every stored row and document of the event.
    const stored = await storedText(server, p.event.id)
    for (const name of [...ERASED_NAMES, p.berttaKey])
      expect([name, stored.includes(name)]).toEqual([name, false])
    // The deleted note stays withheld, without its author.
    const withheld = await server.ctx.rooms.withDoc(withheldDocName(p.event.id, p.g1), (room) =>
      readIdeas(room.doc).map((i) => [i.text, i.authorKey, i.deletedBy]),
    )
    expect(withheld).toEqual([['Hylätty ajatus', '', '']])
    // The other event, not locked and far from its end, is untouched.
    const otherStored = await storedText(server, other.event.id)
    for (const name of ERASED_NAMES)
      expect([name, otherStored.includes(name)]).toEqual([name, true])

    // Exactly what remains in SQL.
    const participants = await rows(
      server,
      'SELECT display_name, organisation, revoked_at FROM participant WHERE event_id = ? ORDER BY created_at',
      [p.event.id],
    )
    expect(participants).toEqual(
      [1, 2, 3].map(() => ({ display_name: '', organisation: null, revoked_at: dueAt })),
    )
    const attendance = await rows(
      server,
      'SELECT participant_id, name, organisation, presence FROM attendance WHERE event_id = ? ORDER BY name',
      [p.event.id],
    )
    expect(attendance).toEqual([
      {
        participant_id: null,
        name: 'Ellen Ek',
        organisation: 'Ämmälän seurakunta',
        presence: 'room',
      },
      {
        participant_id: null,
        name: 'Veera Virtanen',
        organisation: 'Järvilaakson kunta',
        presence: 'room',
      },
    ])
    for (const table of ['pre_answer', 'minutes_comment']) {
      expect([
        table,
        await rows(server, `SELECT * FROM ${table} WHERE event_id = ?`, [p.event.id]),
      ]).toEqual([table, []])
    }
    const bertta = await api(server, 'GET', '/api/session', p.people.bertta.token)
    expect(bertta.status).toBe(401)

    // The documents: the notes stay without their authors, the facilitators' names go, the
    // elected roles and the record of checking stay.
    const notes = await server.ctx.rooms.withDoc(boardDocName(p.event.id, p.g1), (room) =>
      readIdeas(room.doc).map((i) => [i.text, i.authorKey]),
    )
    expect(notes.sort()).toEqual([
      ['Kylätalon liikuntakerho', ''],
      ['Pimeät pyörätiet', ''],
      ['Valaistus pyöräteille', ''],
    ])
    const eventDoc = await server.ctx.rooms.withDoc(eventDocName(p.event.id), (room) => ({
      facilitators: readGroups(room.doc).map((g) => g.facilitators),
      elections: readElections(room.doc),
      check: readMinutesCheck(room.doc),
    }))
    expect(eventDoc.facilitators).toEqual([[], []])
    expect(eventDoc.check).toEqual(check)
    expect(eventDoc.elections.chair?.name).toBe('Veera Virtanen')
    expect(eventDoc.elections.secretary?.name).toBe('Sanni Saari')
    expect(eventDoc.elections.checkers.map((c) => c.name)).toEqual(['Ellen Ek', 'Olli Oja'])

    // The locked minutes print what they printed: the same content, the same hash.
    const content = await api(server, 'GET', `${p.plenary}/minutes/content`, organiser)
    expect(content.json.sha256).toBe(hash)
    expect(content.json.locked).toEqual({ version: 1, hash })
    const html = await fetch(`${server.url}/api/events/${p.event.id}/minutes?format=html`, {
      headers: { authorization: `Bearer ${organiser}` },
    }).then((res) => res.text())
    for (const name of ['Veera Virtanen', 'Sanni Saari', 'Ellen Ek', 'Olli Oja', 'Bertan yhdistys'])
      expect([name, html.includes(name)]).toEqual([name, true])
    expect(html).not.toContain('Bertta')

    // The export agrees with what is kept: the same decisions, dots and attendance as printed.
    const after = (await api(server, 'GET', `/api/events/${p.event.id}/export`, organiser)).json
    expect(after.decisions).toEqual(exportBefore.decisions)
    expect(after.votes).toEqual(exportBefore.votes)
    expect(after.plenary).toEqual({
      ...exportBefore.plenary,
      // Nothing of the plenary changed but the groups' facilitators, which are not in it.
    })
    expect(after.participants.map((x: { displayName: string }) => x.displayName)).toEqual([
      '',
      '',
      '',
    ])
    expect(after.preAnswers).toEqual([])
    expect(after.minutesComments).toEqual([])
    expect(after.attendance.map((e: { name: string }) => e.name)).toEqual([
      'Veera Virtanen',
      '',
      'Ellen Ek',
      '',
    ])
    // The export records itself last; the run just before it.
    expect(after.audit.at(-2)).toMatchObject({
      actorRole: 'system',
      actorId: 'retention',
      action: 'retention.erase',
      target: null,
      at: dueAt,
    })

    // The organiser's view: done, nothing left.
    const done = await api(server, 'GET', retention, organiser)
    expect(done.json).toMatchObject({ due: true, lastRun: { at: dueAt, erased: expected } })
    expect(Object.values(done.json.pending).filter((n) => n !== 0 && !Array.isArray(n))).toEqual([])

    // A second pass finds nothing; someone who joins later is erased by the next pass.
    expect((await server.retention.tick()).erased).toEqual([])
    const late = await joinAs(server, p.event, 'Myöhäinen Matti', p.g1)
    clock.set(dueAt + 60 * 60_000)
    const again = await server.retention.tick()
    expect(again.erased).toEqual([
      {
        eventId: p.event.id,
        erased: { ...zero(), participants: 1, participantLinks: 1 },
        unreadable: [],
      },
    ])
    expect(await storedText(server, p.event.id)).not.toContain('Myöhäinen Matti')
    expect((await api(server, 'GET', '/api/session', late.token)).status).toBe(401)
    const audits = await rows(
      server,
      "SELECT at FROM audit WHERE event_id = ? AND action = 'retention.erase' ORDER BY seq",
      [p.event.id],
    )
    expect(audits.map((a) => Number(a.at))).toEqual([dueAt, dueAt + 60 * 60_000])
  })
})

const zero = () => ({
  participants: 0,
  participantLinks: 0,
  attendance: 0,
  minutesAttendanceNames: 0,
  preAnswers: 0,
  checkerComments: 0,
  noteAuthors: 0,
  facilitatorNames: 0,
})

describe('retention of an event whose minutes never lock', () => {
  it('erases its own months after the event’s end; a later event stays whole', async () => {
    const { server, clock } = await serverWithClock()
    const p = await populatedEvent(server, clients)
    const later = await api(server, 'POST', '/api/events', server.ctx.secrets.adminToken, {
      title: 'Ensi vuoden neuvottelu',
      municipalities: [],
      startsAt: '2028-09-14T09:00:00+03:00',
    })
    const laterEvent = later.json as CreatedEventBody
    await joinAs(server, laterEvent, 'Lauri Laine', laterEvent.groups[0]?.id as string)
    const retention = `/api/events/${p.event.id}/retention`
    const organiser = p.event.tokens.organiser

    const set = await api(server, 'PUT', retention, organiser, {
      afterLockMonths: 2,
      afterEndMonths: 6,
    })
    expect(set.status).toBe(200)
    const end = Date.parse('2027-09-12T15:00:00+03:00')
    expect(set.json).toMatchObject({
      rule: 'afterEnd',
      from: end,
      months: 6,
      dueAt: Date.parse('2028-03-12T12:00:00Z'),
      own: { afterLockMonths: 2, afterEndMonths: 6 },
      effective: { afterLockMonths: 2, afterEndMonths: 6 },
    })
    // Every link of the event reads the rule for the privacy notice; nothing more.
    const summary = await api(server, 'GET', `${retention}/summary`, p.event.tokens.join)
    expect(summary).toEqual({
      status: 200,
      json: {
        rule: 'afterEnd',
        months: 6,
        effective: { afterLockMonths: 2, afterEndMonths: 6 },
        dueAt: Date.parse('2028-03-12T12:00:00Z'),
        erasedAt: null,
      },
    })

    clock.set(Date.parse('2028-03-12T11:59:59Z'))
    expect((await server.retention.tick()).erased).toEqual([])
    clock.set(Date.parse('2028-03-12T12:00:00Z'))
    const tick = await server.retention.tick()
    expect(tick.erased.map((e) => e.eventId)).toEqual([p.event.id])
    // Not locked: no attendance is kept with minutes; the elected keep their rows.
    expect(tick.erased[0]?.erased).toMatchObject({ participants: 3, attendance: 2, noteAuthors: 4 })
    const stored = await storedText(server, p.event.id)
    for (const name of ERASED_NAMES) expect([name, stored.includes(name)]).toEqual([name, false])
    expect(await storedText(server, laterEvent.id)).toContain('Lauri Laine')
    // The draft minutes still name the elected officers.
    const attendance = await api(server, 'GET', `${p.plenary}/attendance`, organiser)
    expect(attendance.json.attendance.map((e: { name: string }) => e.name).sort()).toEqual([
      'Ellen Ek',
      'Veera Virtanen',
    ])
  })

  it('refuses months outside 1–120 and answers the organiser only', async () => {
    const { server } = await serverWithClock()
    const p = await populatedEvent(server, clients)
    const retention = `/api/events/${p.event.id}/retention`
    const organiser = p.event.tokens.organiser
    for (const [body, code] of [
      [{ afterLockMonths: 0, afterEndMonths: null }, 'retention.afterLockMonths.invalid'],
      [{ afterLockMonths: null, afterEndMonths: 121 }, 'retention.afterEndMonths.invalid'],
      [{ afterLockMonths: 1.5, afterEndMonths: null }, 'retention.afterLockMonths.invalid'],
      [{ afterLockMonths: '3', afterEndMonths: null }, 'request.invalid'],
      [{ afterLockMonths: 3 }, 'request.invalid'],
    ] as const) {
      const res = await api(server, 'PUT', retention, organiser, body)
      expect([body, res.status, res.json.error.code]).toEqual([body, 400, code])
    }
    const unchanged = await api(server, 'GET', retention, organiser)
    expect(unchanged.json.own).toEqual({ afterLockMonths: null, afterEndMonths: null })
    expect((await api(server, 'GET', retention, p.event.tokens.chair)).status).toBe(403)
    expect((await api(server, 'GET', retention, server.ctx.secrets.adminToken)).status).toBe(200)
  })
})

describe.skipIf(!havePostgres || !haveRedis)('retention with two instances', () => {
  it('one instance erases a due event however many run the schedule at once', async () => {
    const redis = await startRedis()
    const database = await createTestDatabase()
    try {
      const env = {
        DATABASE_URL: database.url,
        REDIS_URL: redis.url,
        REDIS_PREFIX: testPrefix(),
        LINK_SECRET: 'the-link-secret-both-instances-share-0123456789',
      }
      const a = await serverWithClock(env)
      const b = await serverWithClock(env)
      const created = await api(a.server, 'POST', '/api/events', a.server.ctx.secrets.adminToken, {
        title: 'Vanha neuvottelu',
        municipalities: [],
        startsAt: '2024-09-12T09:00:00+03:00',
      })
      const event = created.json as CreatedEventBody
      for (const name of ['Aino', 'Eino', 'Iines'])
        await joinAs(b.server, event, name, event.groups[0]?.id as string)
      const [one, two] = await Promise.all([a.server.retention.tick(), b.server.retention.tick()])
      const erased = [...one.erased, ...two.erased]
      expect(erased).toHaveLength(1)
      expect(erased[0]?.erased.participants).toBe(3)
      const audits = await rows(
        a.server,
        "SELECT COUNT(*) AS n FROM audit WHERE event_id = ? AND action = 'retention.erase'",
        [event.id],
      )
      expect(Number(audits[0]?.n)).toBe(1)
    } finally {
      for (const s of servers.splice(0)) await s.dispose()
      await database.drop()
      await redis.stop()
    }
  })
})
