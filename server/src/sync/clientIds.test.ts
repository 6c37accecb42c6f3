import { boardDocName } from '@hytepaja/shared/doc/names'
import * as ideas from '@hytepaja/shared/domain/ideas'
import type { Actor } from '@hytepaja/shared/domain/roles'
import { CloseCode } from '@hytepaja/shared/protocol/closeCodes'
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { api } from '../testing/accessFixture.js'
import {
  Clients,
  type CreatedEventBody,
  createTestEvent,
  joinAs,
  noteTexts,
  rawClient,
  startSyncServer,
  type TestServer,
  waitFor,
  wire,
} from '../testing/sync.js'

const clients = new Clients()
const servers: TestServer[] = []

afterEach(async () => {
  clients.destroyAll()
  await Promise.all(servers.splice(0).map((s) => s.dispose()))
})

/** A participant of the first group, with the actor their notes are written as. */
async function participant(server: TestServer, event: CreatedEventBody, name: string) {
  const group = event.groups[0]?.id as string
  const joined = await joinAs(server, event, name, group)
  const session = await api(server, 'GET', '/api/session', joined.token)
  const actor: Actor = {
    id: joined.participantId,
    name,
    role: 'participant',
    groupId: group,
    authorKey: session.json.authorKeys[group] as string,
  }
  return { token: joined.token, actor }
}

/** Notes written on a copy of `state` under `clientId`: what a forger sends. */
function writtenUnder(clientId: number, state: Y.Doc, text: string, actor: Actor): Uint8Array {
  const doc = new Y.Doc()
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(state))
  // Set after the copy: Yjs gives a document a new id when an update brings changes of its own.
  doc.clientID = clientId
  const before = Y.encodeStateVector(doc)
  ideas.add(doc, { text }, actor)
  return Y.encodeStateAsUpdate(doc, before)
}

/** Sends one update on a fresh socket; resolves with how the server closed it (null: open). */
async function send(server: TestServer, doc: string, token: string, update: Uint8Array) {
  const raw = clients.track(await rawClient(server, doc, token))
  raw.send(wire.update(update))
  const closed = await Promise.race([
    raw.closed,
    raw.roundTrip().then(
      () => null,
      () => raw.closed,
    ),
  ])
  return closed?.code ?? null
}

describe('Yjs client ids belong to the seat that first wrote under them', () => {
  it('refuses another participant’s updates under a victim’s id (4409), so the victim’s offline notes arrive, also after a restart', async () => {
    let server = await startSyncServer()
    servers.push(server)
    const event = await createTestEvent(server)
    const board = boardDocName(event.id, event.groups[0]?.id as string)
    const anna = await participant(server, event, 'Anna')
    const bertta = await participant(server, event, 'Bertta')

    // Anna writes a note online, then two offline: they carry her id at the next clocks.
    const phone = clients.connect(server, board, anna.token)
    await phone.synced()
    ideas.add(phone.doc, { text: 'verkossa' }, anna.actor)
    const reader = clients.connect(server, board, event.tokens.viewer)
    await waitFor(() => noteTexts(reader.doc).length === 1, 'the online note')
    phone.provider.disconnect()
    ideas.add(phone.doc, { text: 'ilman verkkoa 1' }, anna.actor)
    ideas.add(phone.doc, { text: 'ilman verkkoa 2' }, anna.actor)

    // Bertta saw Anna's id in the first note and writes under it first.
    const victim = phone.doc.clientID
    const forged = writtenUnder(victim, reader.doc, 'väärennös', bertta.actor)
    expect(await send(server, board, bertta.token, forged)).toBe(CloseCode.ClientIdTaken)

    // Anna's phone comes back: both offline notes arrive, and she is not refused.
    phone.provider.connect()
    await waitFor(() => noteTexts(reader.doc).length === 3, 'the offline notes at the reader')
    expect(noteTexts(reader.doc)).toEqual(['ilman verkkoa 1', 'ilman verkkoa 2', 'verkossa'])
    expect(phone.closes.map((c) => c.code)).not.toContain(CloseCode.ClientIdTaken)

    // Anna reusing her own id on another socket (a reload; the old page is gone) is still Anna.
    phone.provider.disconnect()
    const own = writtenUnder(victim, reader.doc, 'uudelleen ladattu', anna.actor)
    expect(await send(server, board, anna.token, own)).toBe(null)
    await waitFor(() => noteTexts(reader.doc).length === 4, 'the own-id note')

    // After a restart the server still knows whose the id is.
    clients.destroyAll()
    await server.dispose({ keepData: true })
    server = await startSyncServer({}, server.dataDir)
    servers.push(server)
    const again = clients.connect(server, board, event.tokens.viewer)
    await again.synced()
    const forgedAgain = writtenUnder(victim, again.doc, 'väärennös 2', bertta.actor)
    expect(await send(server, board, bertta.token, forgedAgain)).toBe(CloseCode.ClientIdTaken)
    const metrics = await fetch(`${server.url}/metrics`, {
      headers: { authorization: `Bearer ${server.ctx.secrets.adminToken}` },
    }).then((res) => res.text())
    expect(metrics).toContain('hytepaja_sync_refused_updates_total{reason="clientId"} 1')
    const texts = await server.ctx.rooms.withDoc(board, (room) => noteTexts(room.doc))
    expect(texts).not.toContain('väärennös 2')
    expect(texts).toHaveLength(4)
  })

  it('lets a seat resend what others wrote (a sync step 2 repeats known changes) and write under new ids', async () => {
    const server = await startSyncServer()
    servers.push(server)
    const event = await createTestEvent(server)
    const board = boardDocName(event.id, event.groups[0]?.id as string)
    const anna = await participant(server, event, 'Anna')
    const bertta = await participant(server, event, 'Bertta')
    const annaPhone = clients.connect(server, board, anna.token)
    const berttaLaptop = clients.connect(server, board, bertta.token)
    await Promise.all([annaPhone.synced(), berttaLaptop.synced()])
    ideas.add(annaPhone.doc, { text: 'Annan' }, anna.actor)
    await waitFor(() => noteTexts(berttaLaptop.doc).length === 1, 'Anna’s note at Bertta')
    // Bertta's whole state holds Anna's changes too; the server has them, so nothing is new.
    expect(await send(server, board, bertta.token, Y.encodeStateAsUpdate(berttaLaptop.doc))).toBe(
      null,
    )
    // A new tab of Bertta's: a new id, hers from the first change.
    ideas.add(berttaLaptop.doc, { text: 'Bertan' }, bertta.actor)
    await waitFor(() => noteTexts(annaPhone.doc).length === 2, 'Bertta’s note at Anna')
    expect(annaPhone.closes).toEqual([])
    expect(berttaLaptop.closes).toEqual([])
  })
})
