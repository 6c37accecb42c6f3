import { boardDocName, eventDocName } from '@hytepaja/shared/doc/names'
import { ideasRoot, readIdeas } from '@hytepaja/shared/doc/schema/board'
import { readAuthorNames } from '@hytepaja/shared/doc/schema/event'
import * as ideas from '@hytepaja/shared/domain/ideas'
import type { Actor } from '@hytepaja/shared/domain/roles'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { api, createTestEvent, joinAs } from '../testing/accessFixture.js'
import { Clients, rawClient, startSyncServer, type TestServer, waitFor } from '../testing/sync.js'

let server: TestServer
const clients = new Clients()

beforeAll(async () => {
  server = await startSyncServer()
})
afterEach(() => clients.destroyAll())
afterAll(() => server?.dispose())

/** Whether some bytes hold a text (Yjs writes strings as UTF-8). */
const holds = (bytes: Uint8Array[], text: string) =>
  Buffer.concat(bytes.map((b) => Buffer.from(b))).includes(Buffer.from(text, 'utf8'))

/** Every byte a fresh socket of `token` receives for a document's first sync. */
async function firstSync(docName: string, token: string): Promise<Uint8Array[]> {
  const raw = await rawClient(server, docName, token)
  await raw.roundTrip()
  raw.destroy()
  return raw.frames
}

/** The rows the store holds for a document: the update log and the snapshot. */
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

/** A group with two participants whose names stand out in any bytes. */
async function group() {
  const event = await createTestEvent(server)
  const groupId = event.groups[0]?.id as string
  const facilitator = event.tokens.facilitators[groupId] as string
  const base = `/api/events/${event.id}/groups/${groupId}`
  const anna = await joinAs(server, event, 'Annikki Väisänen', groupId)
  const ben = await joinAs(server, event, 'Bengt Österholm', groupId)
  const board = boardDocName(event.id, groupId)
  const keyOf = async (token: string) =>
    (await api(server, 'GET', '/api/session', token)).json.authorKeys[groupId] as string
  /** A participant's own board client, acting as their browser would (with their key). */
  const writer = async (p: { participantId: string; token: string }, name: string) => {
    const client = clients.connect(server, board, p.token)
    await client.synced()
    const actor: Actor = {
      id: p.participantId,
      name,
      role: 'participant',
      groupId,
      authorKey: await keyOf(p.token),
    }
    return { client, actor }
  }
  const onServer = (check: (doc: Y.Doc) => boolean, what: string) =>
    waitFor(() => server.ctx.rooms.withDoc(board, (room) => check(room.doc)), what)
  return { event, groupId, facilitator, base, anna, ben, board, keyOf, writer, onServer }
}

describe('who wrote a note', () => {
  it('is an opaque key in the board: no reader gets the author’s id or name from it', async () => {
    const g = await group()
    const anna = await g.writer(g.anna, 'Annikki Väisänen')
    const id = ideas.add(anna.client.doc, { text: 'Lähiliikuntapaikat' }, anna.actor)
    await g.onServer((doc) => ideasRoot(doc).has(id), 'the note')

    for (const token of [g.event.tokens.join, g.event.tokens.viewer, g.ben.token]) {
      const bytes = await firstSync(g.board, token)
      expect(holds(bytes, 'Lähiliikuntapaikat')).toBe(true)
      expect(holds(bytes, g.anna.participantId)).toBe(false)
      expect(holds(bytes, 'Annikki')).toBe(false)
    }
    const [note] = await server.ctx.rooms.withDoc(g.board, (room) => readIdeas(room.doc))
    expect(note?.authorKey).toBe(anna.actor.authorKey)
    // Keys differ per seat and per board, and are no hash of the participant id alone.
    expect(anna.actor.authorKey).toMatch(/^[A-Za-z0-9_-]{22}$/)
    expect(await g.keyOf(g.ben.token)).not.toBe(anna.actor.authorKey)
    // Outside anonymous mode, readers get the name through the event document instead.
    const viewer = clients.connect(server, eventDocName(g.event.id), g.event.tokens.viewer)
    await viewer.synced()
    await waitFor(
      () => readAuthorNames(viewer.doc, g.groupId)[anna.actor.authorKey as string] !== undefined,
      'the name published',
    )
    expect(readAuthorNames(viewer.doc, g.groupId)).toEqual({
      [anna.actor.authorKey as string]: { name: 'Annikki Väisänen', role: 'participant' },
    })
  })

  it('keeps own-note rights by key: the author edits, another participant cannot, a forged key is replaced', async () => {
    const g = await group()
    const anna = await g.writer(g.anna, 'Annikki Väisänen')
    const ben = await g.writer(g.ben, 'Bengt Österholm')
    const id = ideas.add(anna.client.doc, { text: 'Annikin idea' }, anna.actor)
    await waitFor(() => ideasRoot(ben.client.doc).has(id), 'the note at Ben')
    ideas.edit(anna.client.doc, id, 'Annikin idea, tarkennettu', anna.actor)
    // Ben's client ignores the rules, as a forged one would.
    const map = ideasRoot(ben.client.doc).get(id) as Y.Map<unknown>
    ben.client.doc.transact(() => map.set('authorKey', ben.actor.authorKey))
    const forged = ideas.add(ben.client.doc, { text: 'Näyttää Annikin idealta' }, anna.actor)
    await g.onServer(
      (doc) => readIdeas(doc).find((i) => i.id === forged)?.authorKey === ben.actor.authorKey,
      'the forged note made Ben’s',
    )
    await g.onServer(
      (doc) => readIdeas(doc).find((i) => i.id === id)?.text === 'Annikin idea, tarkennettu',
      'Annikki’s edit',
    )
    const note = await server.ctx.rooms.withDoc(g.board, (room) =>
      readIdeas(room.doc).find((i) => i.id === id),
    )
    expect(note?.authorKey).toBe(anna.actor.authorKey)
    ideas.edit(ben.client.doc, id, 'Ben muutti', { ...ben.actor, role: 'facilitator' })
    await waitFor(
      () =>
        readIdeas(ben.client.doc).find((i) => i.id === id)?.text === 'Annikin idea, tarkennettu',
      'Ben’s edit undone',
    )
  })

  it('in anonymous mode reaches no reader, from the switch on, in a new first sync and in the store', async () => {
    const g = await group()
    const anna = await g.writer(g.anna, 'Annikki Väisänen')
    ideas.add(anna.client.doc, { text: 'Kerhotila' }, anna.actor)
    const eventDoc = eventDocName(g.event.id)
    await waitFor(
      async () => holds(await firstSync(eventDoc, g.event.tokens.join), 'Annikki Väisänen'),
      'the name published',
    )
    const viewer = clients.connect(server, eventDoc, g.event.tokens.viewer)
    await viewer.synced()
    const on = await api(server, 'PUT', `${g.base}/anonymous`, g.facilitator, { anonymous: true })
    expect(on.status).toBe(200)
    await waitFor(
      () => Object.keys(readAuthorNames(viewer.doc, g.groupId)).length === 0,
      'the names gone at a connected viewer',
    )
    // A note written after the switch does not bring names back.
    const ben = await g.writer(g.ben, 'Bengt Österholm')
    const late = ideas.add(ben.client.doc, { text: 'Myöhäinen idea' }, ben.actor)
    await g.onServer((doc) => ideasRoot(doc).has(late), 'the later note')
    for (const token of [g.event.tokens.join, g.event.tokens.viewer, g.facilitator, g.anna.token]) {
      const bytes = await firstSync(eventDoc, token)
      expect(holds(bytes, 'Annikki')).toBe(false)
      expect(holds(bytes, 'Bengt')).toBe(false)
      const board = await firstSync(g.board, token)
      expect(holds(board, 'Annikki') || holds(board, 'Bengt')).toBe(false)
    }
    // Once the document is written and folded into a snapshot, the store keeps no copy either.
    clients.destroyAll()
    await waitFor(async () => !(await server.ctx.rooms.loaded(eventDoc)), 'the event room unloaded')
    const stored = await storedBytes(eventDoc)
    expect(stored.length).toBeGreaterThan(0)
    expect(holds(stored, 'Annikki')).toBe(false)
    expect(holds(await firstSync(eventDoc, g.event.tokens.viewer), 'Annikki')).toBe(false)

    // Switched off again, the names come back for readers.
    await api(server, 'PUT', `${g.base}/anonymous`, g.facilitator, { anonymous: false })
    await waitFor(
      async () => holds(await firstSync(eventDoc, g.event.tokens.join), 'Bengt Österholm'),
      'the names published again',
    )
  })
})

describe('a board stored before author keys', () => {
  it('is migrated when it loads: ids and names out, the author keeps their rights', async () => {
    const g = await group()
    // Written the old way, straight into the store, before any room holds the board.
    const old = new Y.Doc()
    const note = new Y.Map<unknown>()
    old.transact(() => {
      ideasRoot(old).set('vanha-idea', note)
      for (const [key, value] of Object.entries({
        text: 'Vanha idea',
        authorId: g.anna.participantId,
        authorName: 'Annikki Väisänen',
        createdAt: 1,
        x: 0,
        y: 0,
        color: 'yellow',
        clusterId: null,
        tags: [],
        ageGroups: [],
        lang: 'fi',
        deletedAt: null,
        deletedBy: null,
        hidden: false,
      })) {
        note.set(key, value)
      }
    })
    expect(await server.ctx.rooms.loaded(g.board)).toBeUndefined()
    server.ctx.docs.append(g.board, Y.encodeStateAsUpdate(old))
    await server.ctx.docs.flush(g.board)

    const bytes = await firstSync(g.board, g.event.tokens.join)
    expect(holds(bytes, 'Vanha idea')).toBe(true)
    expect(holds(bytes, g.anna.participantId)).toBe(false)
    expect(holds(bytes, 'Annikki')).toBe(false)
    const key = await g.keyOf(g.anna.token)
    const [migrated] = await server.ctx.rooms.withDoc(g.board, (room) => readIdeas(room.doc))
    expect(migrated).toMatchObject({ id: 'vanha-idea', authorKey: key })

    const anna = await g.writer(g.anna, 'Annikki Väisänen')
    ideas.edit(anna.client.doc, 'vanha-idea', 'Vanha idea, muokattu', anna.actor)
    await g.onServer(
      (doc) => readIdeas(doc)[0]?.text === 'Vanha idea, muokattu',
      'the author’s edit of her old note',
    )
  })
})
