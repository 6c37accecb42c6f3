import { boardDocName, eventDocName, withheldDocName } from '@hytepaja/shared/doc/names'
import { ideasRoot, readIdeas } from '@hytepaja/shared/doc/schema/board'
import * as ideas from '@hytepaja/shared/domain/ideas'
import type { Actor } from '@hytepaja/shared/domain/roles'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { api, createTestEvent, joinAs, upgradeStatus } from '../testing/accessFixture.js'
import { Clients, rawClient, startSyncServer, type TestServer, waitFor } from '../testing/sync.js'

let server: TestServer
const clients = new Clients()

beforeAll(async () => {
  server = await startSyncServer()
})
afterEach(() => clients.destroyAll())
afterAll(() => server?.dispose())

const holds = (bytes: Uint8Array[], text: string) =>
  Buffer.concat(bytes.map((b) => Buffer.from(b))).includes(Buffer.from(text, 'utf8'))

async function firstSync(docName: string, token: string): Promise<Uint8Array[]> {
  const raw = await rawClient(server, docName, token)
  await raw.roundTrip()
  raw.destroy()
  return raw.frames
}

async function storedBytes(name: string): Promise<Uint8Array[]> {
  await server.ctx.docs.flush()
  const updates = await server.ctx.db.all<{ data: Uint8Array }>(
    'SELECT data FROM doc_update WHERE name = ?',
    [name],
  )
  const snapshots = await server.ctx.db.all<{ state: Uint8Array }>(
    'SELECT state FROM doc_snapshot WHERE name = ?',
    [name],
  )
  return [...updates.map((r) => r.data), ...snapshots.map((r) => r.state)]
}

/** A group whose participants write their notes from their own sockets. */
async function group() {
  const event = await createTestEvent(server)
  const groupId = event.groups[0]?.id as string
  const facilitator = event.tokens.facilitators[groupId] as string
  const base = `/api/events/${event.id}/groups/${groupId}`
  const board = boardDocName(event.id, groupId)
  const withheld = withheldDocName(event.id, groupId)
  const seat = async (token: string, actor: Omit<Actor, 'authorKey'>) => {
    const client = clients.connect(server, board, token)
    await client.synced()
    const session = await api(server, 'GET', '/api/session', token)
    return { client, actor: { ...actor, authorKey: session.json.authorKeys[groupId] as string } }
  }
  const person = async (name: string) => {
    const joined = await joinAs(server, event, name, groupId)
    const writer = await seat(joined.token, {
      id: joined.participantId,
      name,
      role: 'participant',
      groupId,
    })
    return { ...joined, ...writer }
  }
  const onBoard = (id: string) =>
    server.ctx.rooms.withDoc(board, (room) => ideasRoot(room.doc).has(id))
  return { event, groupId, facilitator, base, board, withheld, seat, person, onBoard }
}

describe('hidden and deleted notes', () => {
  it('are read when a board loads, without keeping its withheld document loaded', async () => {
    // Rooms linger here as in service: a document kept loaded would stay for the test's length.
    const lingering = await startSyncServer({ roomLingerMs: 60_000 })
    try {
      const event = await createTestEvent(lingering)
      const groupId = event.groups[0]?.id as string
      const board = boardDocName(event.id, groupId)
      const withheld = withheldDocName(event.id, groupId)
      const client = clients.connect(lingering, board, event.tokens.facilitators[groupId] as string)
      await client.synced()
      expect(lingering.ctx.rooms.names()).toContain(board)
      expect(lingering.ctx.rooms.names()).not.toContain(withheld)
    } finally {
      clients.destroyAll()
      await lingering.dispose()
    }
  })

  it('leave nothing a reader can sync: not the text, not who wrote it, not after compaction', async () => {
    const g = await group()
    const anna = await g.person('Annikki Väisänen')
    const ben = await g.person('Bengt Österholm')
    const fac = await g.seat(g.facilitator, {
      id: `facilitator:${g.groupId}`,
      name: 'Fasilitaattori',
      role: 'facilitator',
      groupId: g.groupId,
    })
    const kept = ideas.add(anna.client.doc, { text: 'Kirjastoauto kyliin' }, anna.actor)
    const hidden = ideas.add(ben.client.doc, { text: 'Loukkaava kommentti' }, ben.actor)
    const deleted = ideas.add(anna.client.doc, { text: 'Katuu tätä ideaa' }, anna.actor)
    await waitFor(() => ideasRoot(fac.client.doc).has(hidden), 'the notes at the facilitator')
    ideas.setHidden(fac.client.doc, hidden, true, fac.actor)
    ideas.remove(anna.client.doc, deleted, anna.actor)
    await waitFor(
      async () => !(await g.onBoard(hidden)) && !(await g.onBoard(deleted)),
      'both notes off the board',
    )
    expect(await g.onBoard(kept)).toBe(true)
    // Ben wrote nothing else: not even his name may be left to guess from.
    for (const token of [g.event.tokens.join, g.event.tokens.viewer, anna.token]) {
      const board = await firstSync(g.board, token)
      expect(holds(board, 'Kirjastoauto kyliin')).toBe(true)
      expect(holds(board, 'Loukkaava kommentti')).toBe(false)
      expect(holds(board, 'Katuu tätä ideaa')).toBe(false)
      expect(holds(board, ben.actor.authorKey as string)).toBe(false)
      await waitFor(
        async () => !holds(await firstSync(eventDocName(g.event.id), token), 'Bengt'),
        'Ben’s name gone from the event document',
      )
    }
    // Only the facilitator (and the organiser) read them, in the board's withheld document.
    const withheld = await firstSync(g.withheld, g.facilitator)
    expect(holds(withheld, 'Loukkaava kommentti')).toBe(true)
    expect(holds(withheld, 'Katuu tätä ideaa')).toBe(true)
    expect(holds(await firstSync(g.withheld, g.event.tokens.organiser), 'Katuu')).toBe(true)
    for (const token of [g.event.tokens.join, g.event.tokens.viewer, anna.token]) {
      expect(await upgradeStatus(server, g.withheld, token)).toBe(403)
    }
    // Nobody writes it over a socket, the facilitator neither.
    const facWithheld = clients.connect(server, g.withheld, g.facilitator)
    await facWithheld.synced()
    facWithheld.doc.transact(() => ideasRoot(facWithheld.doc).delete(hidden))
    await firstSync(g.withheld, g.facilitator)
    expect(
      await server.ctx.rooms.withDoc(g.withheld, (room) => ideasRoot(room.doc).has(hidden)),
    ).toBe(true)

    // Written and folded into a snapshot, the board's store keeps no copy either.
    clients.destroyAll()
    await waitFor(async () => !(await server.ctx.rooms.loaded(g.board)), 'the board unloaded')
    const stored = await storedBytes(g.board)
    expect(holds(stored, 'Kirjastoauto kyliin')).toBe(true)
    expect(holds(stored, 'Loukkaava kommentti')).toBe(false)
    expect(holds(stored, 'Katuu tätä ideaa')).toBe(false)
    const again = await firstSync(g.board, g.event.tokens.join)
    expect(holds(again, 'Loukkaava kommentti') || holds(again, 'Katuu tätä ideaa')).toBe(false)
  })

  it('come back whole when the facilitator restores them, with their dots and rights', async () => {
    const g = await group()
    const anna = await g.person('Annikki Väisänen')
    const fac = await g.seat(g.facilitator, {
      id: `facilitator:${g.groupId}`,
      name: 'Fasilitaattori',
      role: 'facilitator',
      groupId: g.groupId,
    })
    const id = ideas.add(anna.client.doc, { text: 'Pyöräteiden talvihoito' }, anna.actor)
    await waitFor(() => ideasRoot(fac.client.doc).has(id), 'the note at the facilitator')
    await api(server, 'PUT', `${g.base}/phase`, g.facilitator, { phase: 'voting' })
    expect((await api(server, 'POST', `${g.base}/votes`, anna.token, { ideaId: id })).status).toBe(
      200,
    )
    ideas.setHidden(fac.client.doc, id, true, fac.actor)
    await waitFor(async () => !(await g.onBoard(id)), 'the note hidden')
    await waitFor(() => !ideasRoot(anna.client.doc).has(id), 'the note gone at the author')
    // A participant cannot put a note back under a withheld id.
    const forged = new Y.Map<unknown>()
    forged.set('text', 'Takaisin väkisin')
    anna.client.doc.transact(() => ideasRoot(anna.client.doc).set(id, forged))
    await firstSync(g.board, anna.token)
    await waitFor(async () => !(await g.onBoard(id)), 'the forged return undone')

    expect((await api(server, 'POST', `${g.base}/ideas/${id}/restore`, anna.token)).status).toBe(
      403,
    )
    expect(
      (await api(server, 'POST', `${g.base}/ideas/nosuchidea/restore`, g.facilitator)).status,
    ).toBe(404)
    expect((await api(server, 'POST', `${g.base}/ideas/${id}/restore`, g.facilitator)).status).toBe(
      204,
    )
    await waitFor(
      () => readIdeas(anna.client.doc).find((i) => i.id === id)?.text === 'Pyöräteiden talvihoito',
      'the note back at the author',
    )
    const back = await server.ctx.rooms.withDoc(g.board, (room) =>
      readIdeas(room.doc).find((i) => i.id === id),
    )
    expect(back).toMatchObject({ hidden: false, deletedAt: null, authorKey: anna.actor.authorKey })
    expect(await server.ctx.rooms.withDoc(g.withheld, (room) => ideasRoot(room.doc).has(id))).toBe(
      false,
    )
    const mine = await api(server, 'GET', `${g.base}/votes/me`, anna.token)
    expect(mine.json.ballot).toEqual({ [id]: 1 })
    // Still hers: she edits it.
    ideas.edit(anna.client.doc, id, 'Pyöräteiden talvihoito kuntoon', anna.actor)
    await waitFor(
      () =>
        server.ctx.rooms.withDoc(
          g.board,
          (room) =>
            readIdeas(room.doc).find((i) => i.id === id)?.text === 'Pyöräteiden talvihoito kuntoon',
        ),
      'her edit',
    )
  })

  it('that a board stored before this holds move out when it loads', async () => {
    const g = await group()
    const old = new Y.Doc()
    const note = (text: string, extra: object) => {
      const map = new Y.Map<unknown>()
      for (const [key, value] of Object.entries({ text, createdAt: 1, x: 0, y: 0, ...extra })) {
        map.set(key, value)
      }
      return map
    }
    old.transact(() => {
      ideasRoot(old).set('piilotettu', note('Vanha piilotettu', { hidden: true }))
      ideasRoot(old).set('poistettu', note('Vanha poistettu', { deletedAt: 5, deletedBy: 'x' }))
      ideasRoot(old).set('nakyva', note('Vanha näkyvä', {}))
    })
    server.ctx.docs.append(g.board, Y.encodeStateAsUpdate(old))
    await server.ctx.docs.flush(g.board)
    const bytes = await firstSync(g.board, g.event.tokens.join)
    expect(holds(bytes, 'Vanha näkyvä')).toBe(true)
    expect(holds(bytes, 'Vanha piilotettu') || holds(bytes, 'Vanha poistettu')).toBe(false)
    const withheld = await server.ctx.rooms.withDoc(g.withheld, (room) =>
      readIdeas(room.doc).map((i) => [i.id, i.hidden, i.deletedAt]),
    )
    expect(withheld).toEqual(
      expect.arrayContaining([
        ['piilotettu', true, null],
        ['poistettu', false, 5],
      ]),
    )
  })
})
