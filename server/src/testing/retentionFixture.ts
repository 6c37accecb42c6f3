import { boardDocName, eventDocName, withheldDocName } from '@hytepaja/shared/doc/names'
import { readMinutesCheck } from '@hytepaja/shared/doc/plenary'
import { readIdeas } from '@hytepaja/shared/doc/schema/board'
import * as ideas from '@hytepaja/shared/domain/ideas'
import { expect } from 'vitest'
import { authorKey } from '../boards/authorKeys.js'
import { api, type CreatedEventBody } from './accessFixture.js'
import { agendaOf, promoteProposal } from './plenaryFixture.js'
import type { Clients, TestServer } from './sync.js'

/**
 * An event with everything retention touches, made through the real commands: participants
 * with organisations, a pre-assignment answer, notes written on the board by a participant and
 * by the facilitator, a dot, attendance (registered and added people), elections, a decision,
 * a checker's comment; `lock` has both checkers approve.
 */
export async function populatedEvent(server: TestServer, clients: Clients) {
  const admin = server.ctx.secrets.adminToken
  const created = await api(server, 'POST', '/api/events', admin, {
    title: 'Hyte-neuvottelu 2027',
    municipalities: ['Järvilaakso'],
    startsAt: '2027-09-12T09:00:00+03:00',
    endsAt: '2027-09-12T15:00:00+03:00',
    groups: [{ name: 'Liikunta', facilitators: ['Fiia Fasilitaattori'] }, { name: 'Mieli' }],
  })
  expect(created.status).toBe(201)
  const event = created.json as CreatedEventBody
  const [g1, g2] = event.groups.map((g) => g.id) as [string, string]
  const join = async (displayName: string, organisation: string, groupId: string) => {
    const res = await api(
      server,
      'POST',
      `/api/events/${event.id}/participants`,
      event.tokens.join,
      {
        displayName,
        organisation,
        groupId,
      },
    )
    expect(res.status).toBe(201)
    return res.json as { participantId: string; token: string }
  }
  const veera = await join('Veera Virtanen', 'Järvilaakson kunta', g1)
  const bertta = await join('Bertta Berg', 'Bertan yhdistys', g1)
  const paula = await join('Paula Poissa', 'Poissaolijat ry', g2)

  const organiser = event.tokens.organiser
  await api(server, 'PATCH', `/api/events/${event.id}`, organiser, {
    preAssignment: 'Mikä on tärkein liikkumisen este?',
  })
  const answered = await api(server, 'PUT', `/api/events/${event.id}/pre-answer`, bertta.token, {
    text: 'Pimeät pyörätiet',
  })
  expect(answered.status).toBe(200)

  const base = `/api/events/${event.id}/groups/${g1}`
  const facilitatorToken = event.tokens.facilitators[g1] as string
  await api(server, 'PUT', `${base}/phase`, facilitatorToken, { phase: 'ideas' })
  const board = clients.connect(server, boardDocName(event.id, g1), bertta.token)
  await board.synced()
  const berttaKey = authorKey(server.ctx.secrets.linkSecret, event.id, g1, bertta.participantId)
  const berttaActor = {
    id: bertta.participantId,
    name: 'Bertta Berg',
    role: 'participant' as const,
    groupId: g1,
    authorKey: berttaKey,
  }
  const berttaNote = ideas.add(board.doc, { text: 'Valaistus pyöräteille' }, berttaActor)
  // A note she deletes again: it moves to the board's withheld document, her key with it.
  const regret = ideas.add(board.doc, { text: 'Hylätty ajatus' }, berttaActor)
  ideas.remove(board.doc, regret, berttaActor)
  const facilitatorBoard = clients.connect(server, boardDocName(event.id, g1), facilitatorToken)
  await facilitatorBoard.synced()
  ideas.add(
    facilitatorBoard.doc,
    { text: 'Kylätalon liikuntakerho' },
    { id: `facilitator:${g1}`, name: 'Fiia Fasilitaattori', role: 'facilitator', groupId: g1 },
  )
  // Both notes are on the server before anything reads the board.
  await waitForNotes(server, boardDocName(event.id, g1), 2)
  await waitForNotes(server, withheldDocName(event.id, g1), 1)
  await api(server, 'PUT', `${base}/phase`, facilitatorToken, { phase: 'voting' })
  const voted = await api(server, 'POST', `${base}/votes`, bertta.token, { ideaId: berttaNote })
  expect(voted.status).toBe(200)
  board.destroy()
  facilitatorBoard.destroy()

  const plenary = `/api/events/${event.id}/plenary`
  const chair = event.tokens.chair
  await api(server, 'PUT', `${plenary}/attendance/${veera.participantId}`, chair, {
    presence: 'room',
  })
  await api(server, 'PUT', `${plenary}/attendance/${bertta.participantId}`, chair, {
    presence: 'remote',
  })
  const ellen = await api(server, 'POST', `${plenary}/attendance`, chair, {
    name: 'Ellen Ek',
    organisation: 'Ämmälän seurakunta',
  })
  const kalle = await api(server, 'POST', `${plenary}/attendance`, chair, {
    name: 'Kalle Koski',
    organisation: 'Koskelan kyläyhdistys',
  })
  expect([ellen.status, kalle.status]).toEqual([201, 201])
  const elected = await api(server, 'PUT', `${plenary}/elections`, chair, {
    chair: { attendeeId: veera.participantId },
    secretary: { name: 'Sanni Saari', organisation: 'Hyvinvointialue' },
    checkers: [{ attendeeId: ellen.json.entry.id }, { name: 'Olli Oja' }],
    voteCounters: [],
  })
  expect(elected.status).toBe(200)
  const [first, second] = elected.json.checkers as Array<{ id: string; token: string }>
  await promoteProposal(server, event, g1, 'Liikkumisen ilo kaikille', 1)
  const { byLabel } = await agendaOf(server, event.id)
  const decided = await api(server, 'PUT', `${plenary}/decisions/${byLabel['§9 a']}`, chair, {
    outcome: 'asProposed',
    promotionVersion: 1,
  })
  expect(decided.status).toBe(200)
  const commented = await api(server, 'POST', `${plenary}/check/comments`, first?.token, {
    itemId: byLabel['§9 a'],
    text: 'Pykälä tarkistettu, Kalle Koski mainittu.',
  })
  expect(commented.status).toBe(201)

  return {
    event,
    g1,
    plenary,
    berttaKey,
    people: { veera, bertta, paula },
    async lock() {
      for (const checker of [first, second]) {
        const res = await api(server, 'POST', `${plenary}/check/approve`, checker?.token)
        expect(res.status).toBe(200)
      }
      return server.ctx.rooms.withDoc(eventDocName(event.id), (room) => readMinutesCheck(room.doc))
    },
  }
}

async function waitForNotes(server: TestServer, docName: string, n: number) {
  for (let i = 0; i < 200; i++) {
    const count = await server.ctx.rooms.withDoc(docName, (room) => readIdeas(room.doc).length)
    if (count >= n) return
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  throw new Error(`${docName} never had ${n} notes`)
}

/**
 * Every stored byte of the tables that hold people and of the documents of an event, as text:
 * what the names must be gone from. (The county's register of organisations is not here: an
 * organisation's name is not a person's.)
 */
export async function storedText(server: TestServer, eventId: string): Promise<string> {
  await server.ctx.docs.flush()
  const db = server.ctx.db
  const tables = await Promise.all(
    [
      'participant',
      'attendance',
      'minutes_attendance',
      'pre_answer',
      'minutes_comment',
      'audit',
    ].map((table) => db.all(`SELECT * FROM ${table} WHERE event_id = ?`, [eventId])),
  )
  const docs = await db.all<{ data: Uint8Array }>(
    `SELECT state AS data FROM doc_snapshot WHERE name LIKE ?
     UNION ALL SELECT data FROM doc_update WHERE name LIKE ?`,
    [`%:${eventId}%`, `%:${eventId}%`],
  )
  return [
    JSON.stringify(tables),
    ...docs.map((row) => Buffer.from(row.data).toString('utf8')),
  ].join('\n')
}
