import { boardDocName, withheldDocName } from '@hytepaja/shared/doc/names'
import { readClusters, readIdeas } from '@hytepaja/shared/doc/schema/board'
import * as clusters from '@hytepaja/shared/domain/clusters'
import * as ideas from '@hytepaja/shared/domain/ideas'
import type { Actor } from '@hytepaja/shared/domain/roles'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  api,
  type CreatedEventBody,
  createTestEvent,
  joinAs,
  rawSyncClient,
  startTestServer,
} from '../testing/accessFixture.js'
import { waitFor } from '../testing/sync.js'

type Server = Awaited<ReturnType<typeof startTestServer>>
let server: Server
let event: CreatedEventBody
let board: string
let anna: { participantId: string; token: string; key: string }
let ben: { participantId: string; token: string; key: string }

beforeAll(async () => {
  server = await startTestServer()
  event = await createTestEvent(server)
  const group = event.groups[0]?.id as string
  board = boardDocName(event.id, group)
  // Each person with their author key on this board, as their session tells them.
  const seat = async (name: string) => {
    const joined = await joinAs(server, event, name, group)
    const session = await api(server, 'GET', '/api/session', joined.token)
    return { ...joined, key: session.json.authorKeys[group] as string }
  }
  anna = await seat('Anna')
  ben = await seat('Ben')
})
afterAll(() => server?.dispose())

/** A client that keeps a full copy of the board and sends its own changes as updates. */
async function client(token: string) {
  const raw = await rawSyncClient(server, board, token)
  const doc = new Y.Doc()
  const room = await server.ctx.rooms.acquire(board)
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(room.doc))
  server.ctx.rooms.release(room)
  doc.on('update', (update: Uint8Array, origin: unknown) => {
    if (origin !== 'server') raw.sendUpdate(update)
  })
  return { doc, raw }
}

async function serverIdeas() {
  return server.ctx.rooms.withDoc(board, (room) => readIdeas(room.doc))
}

const actor = (p: { participantId: string; key: string }, name: string): Actor => ({
  id: p.participantId,
  name,
  role: 'participant',
  authorKey: p.key,
})

describe('board guard', () => {
  it("undoes a participant's edit of someone else's note, and keeps a move of it", async () => {
    const a = await client(anna.token)
    const id = ideas.add(a.doc, { text: 'Annan idea', x: 0, y: 0 }, actor(anna, 'Anna'))
    await a.raw.roundTrip()
    const b = await client(ben.token)
    // Ben's client ignores the rules (as a forged client would) by writing the map directly.
    const map = b.doc.getMap<Y.Map<unknown>>('ideas').get(id) as Y.Map<unknown>
    b.doc.transact(() => {
      map.set('text', 'Ben muutti tämän')
      map.set('x', 200)
      map.set('hidden', true)
      map.set('authorKey', ben.key)
    })
    await b.raw.roundTrip()
    const idea = (await serverIdeas()).find((i) => i.id === id)
    expect(idea).toMatchObject({ text: 'Annan idea', x: 200, hidden: false, authorKey: anna.key })
    a.raw.close()
    b.raw.close()
  })

  it('makes a forged new note the sender’s own and undoes a hard delete', async () => {
    const b = await client(ben.token)
    const forged = ideas.add(b.doc, { text: 'Näyttää Annan idealta' }, actor(anna, 'Anna'))
    await b.raw.roundTrip()
    expect((await serverIdeas()).find((i) => i.id === forged)).toMatchObject({
      authorKey: ben.key,
    })
    // A client from before author keys sends its seat and name: the note stays, they go.
    const legacy = new Y.Map<unknown>()
    for (const [key, value] of Object.entries({
      text: 'Vanhalta sovellukselta',
      authorId: ben.participantId,
      authorName: 'Ben',
      createdAt: 1,
      x: 0,
      y: 0,
    })) {
      legacy.set(key, value)
    }
    b.doc.getMap('ideas').set('legacy', legacy)
    await b.raw.roundTrip()
    const kept = (await server.ctx.rooms.withDoc(board, (r) =>
      r.doc.getMap('ideas').get('legacy'),
    )) as Y.Map<unknown>
    expect(kept.toJSON()).toMatchObject({ text: 'Vanhalta sovellukselta', authorKey: ben.key })
    expect(kept.has('authorId') || kept.has('authorName')).toBe(false)
    const a = await client(anna.token)
    const own = ideas.add(a.doc, { text: 'Pysyy' }, actor(anna, 'Anna'))
    await a.raw.roundTrip()
    const b2 = await client(ben.token)
    b2.doc.getMap('ideas').delete(own)
    await b2.raw.roundTrip()
    expect((await serverIdeas()).find((i) => i.id === own)?.text).toBe('Pysyy')
    for (const c of [a, b, b2]) c.raw.close()
  })

  it('lets a participant delete only their own note, and the facilitator hide anything', async () => {
    const a = await client(anna.token)
    const id = ideas.add(a.doc, { text: 'Poistan itse' }, actor(anna, 'Anna'))
    const other = ideas.add(a.doc, { text: 'Fasilitaattori piilottaa' }, actor(anna, 'Anna'))
    ideas.remove(a.doc, id, actor(anna, 'Anna'))
    await a.raw.roundTrip()
    // Ben's hand-made client marks Anna's other note deleted: undone.
    const b = await client(ben.token)
    const theirs = b.doc.getMap<Y.Map<unknown>>('ideas').get(other) as Y.Map<unknown>
    b.doc.transact(() => {
      theirs.set('deletedAt', 5)
      theirs.set('deletedBy', ben.key)
    })
    await b.raw.roundTrip()
    expect((await serverIdeas()).find((i) => i.id === other)?.deletedAt).toBeNull()
    const f = await client(event.tokens.facilitators[event.groups[0]?.id as string] as string)
    const fasi: Actor = { id: 'facilitator:x', name: 'F', role: 'facilitator' }
    ideas.setHidden(f.doc, other, true, fasi)
    const cluster = clusters.add(f.doc, { name: 'Liikunta' }, fasi)
    await f.raw.roundTrip()
    // Deleted and hidden notes leave the board for its withheld document (see withheld.test).
    const withheld = withheldDocName(event.id, event.groups[0]?.id as string)
    await waitFor(async () => {
      const onBoard = (await serverIdeas()).map((i) => i.id)
      return !onBoard.includes(id) && !onBoard.includes(other)
    }, 'both off the board')
    const kept = await server.ctx.rooms.withDoc(withheld, (r) => readIdeas(r.doc))
    expect(kept.find((i) => i.id === id)).toMatchObject({ deletedBy: anna.key })
    expect(kept.find((i) => i.id === other)).toMatchObject({ hidden: true, deletedAt: null })
    expect(
      (await server.ctx.rooms.withDoc(board, (r) => readClusters(r.doc))).map((c) => c.id),
    ).toContain(cluster)
    for (const c of [a, b, f]) c.raw.close()
  })

  it('undoes notes and fields no client could write, whoever sends them', async () => {
    const a = await client(anna.token)
    const own = ideas.add(a.doc, { text: 'Oma idea' }, actor(anna, 'Anna'))
    // A hand-made client writes the maps directly, past the shared functions' checks.
    const forge = (doc: Y.Doc, id: string, fields: Record<string, unknown>) => {
      const map = new Y.Map<unknown>()
      for (const [key, value] of Object.entries({ ...fields })) map.set(key, value)
      doc.getMap<Y.Map<unknown>>('ideas').set(id, map)
    }
    const base = { authorKey: anna.key, createdAt: 1, x: 0, y: 0 }
    forge(a.doc, 'huge', { ...base, text: 'x'.repeat(600_000), color: 'yellow' })
    forge(a.doc, 'control', { ...base, text: 'kello\u0007soi', color: 'yellow' })
    forge(a.doc, 'colour', { ...base, text: 'Värikäs', color: 'url(javascript:alert(1))' })
    forge(a.doc, 'extra', { ...base, text: 'Ylimääräinen', onclick: 'alert(1)' })
    forge(a.doc, 'far', { ...base, text: 'Kaukana', x: 1e300 })
    forge(a.doc, 'fine', { ...base, text: 'Kelpaa', color: 'blue', tags: ['liikunta'] })
    const map = a.doc.getMap<Y.Map<unknown>>('ideas').get(own) as Y.Map<unknown>
    a.doc.transact(() => {
      map.set('text', 'y'.repeat(501))
      map.set(
        'tags',
        Array.from({ length: 50 }, (_, i) => `t${i}`),
      )
    })
    await a.raw.roundTrip()
    const stored = await serverIdeas()
    const ids = stored.map((i) => i.id)
    for (const bad of ['huge', 'control', 'colour', 'extra', 'far']) expect(ids).not.toContain(bad)
    expect(stored.find((i) => i.id === 'fine')).toMatchObject({ text: 'Kelpaa', color: 'blue' })
    expect(stored.find((i) => i.id === own)).toMatchObject({ text: 'Oma idea', tags: [] })

    // The facilitator may change any note, but only to what the board's own functions write.
    const f = await client(event.tokens.facilitators[event.groups[0]?.id as string] as string)
    const theirs = f.doc.getMap<Y.Map<unknown>>('ideas').get(own) as Y.Map<unknown>
    f.doc.transact(() => {
      theirs.set('text', 'z'.repeat(2000))
      theirs.set('hidden', 'yes')
      theirs.set('x', 40)
    })
    await f.raw.roundTrip()
    expect((await serverIdeas()).find((i) => i.id === own)).toMatchObject({
      text: 'Oma idea',
      hidden: false,
      x: 40,
    })
    a.raw.close()
    f.raw.close()
  })

  it('undoes clusters made, renamed or removed by a participant', async () => {
    const f = await client(event.tokens.facilitators[event.groups[0]?.id as string] as string)
    const fasi: Actor = { id: 'facilitator:x', name: 'F', role: 'facilitator' }
    const kept = clusters.add(f.doc, { name: 'Turvallisuus' }, fasi)
    await f.raw.roundTrip()
    const b = await client(ben.token)
    const forged = new Y.Map<unknown>()
    forged.set('name', 'Benin klusteri')
    b.doc.transact(() => {
      b.doc.getMap('clusters').set('forged', forged)
      ;(b.doc.getMap('clusters').get(kept) as Y.Map<unknown>).set('name', 'Hävitetty')
    })
    await b.raw.roundTrip()
    const names = (await server.ctx.rooms.withDoc(board, (r) => readClusters(r.doc))).map(
      (c) => c.name,
    )
    expect(names).toContain('Turvallisuus')
    expect(names).not.toContain('Benin klusteri')
    expect(names).not.toContain('Hävitetty')
    f.raw.close()
    b.raw.close()
  })
})
