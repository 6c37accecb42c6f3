import { boardDocName, eventDocName } from '@hytepaja/shared/doc/names'
import * as facilitation from '@hytepaja/shared/domain/facilitation'
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  addNotes,
  Clients,
  type CreatedEventBody,
  joinAs,
  notesUpdate,
  noteTexts,
  rawClient,
  remoteStates,
  startSyncServer,
  startWithEvent,
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

type Case = {
  who: string
  /** The document and a read-only token for it. */
  pick(event: CreatedEventBody, server: TestServer): Promise<{ doc: string; token: string }>
  /** A token that may write the same document, if anyone may. */
  writer(event: CreatedEventBody): string | null
}

const first = (e: CreatedEventBody) => e.groups[0]?.id as string
const second = (e: CreatedEventBody) => e.groups[1]?.id as string

const cases: Case[] = [
  {
    who: 'the viewer on a board',
    pick: async (e) => ({ doc: boardDocName(e.id, first(e)), token: e.tokens.viewer }),
    writer: (e) => e.tokens.facilitators[first(e)] as string,
  },
  {
    who: 'the facilitator of another group on a board',
    pick: async (e) => ({
      doc: boardDocName(e.id, first(e)),
      token: e.tokens.facilitators[second(e)] as string,
    }),
    writer: (e) => e.tokens.facilitators[first(e)] as string,
  },
  {
    who: 'a participant of another group on a board',
    pick: async (e, server) => ({
      doc: boardDocName(e.id, first(e)),
      token: (await joinAs(server, e, 'Toisen ryhmän Tuula', second(e))).token,
    }),
    writer: (e) => e.tokens.facilitators[first(e)] as string,
  },
  {
    who: 'the organiser on the event document',
    pick: async (e) => ({ doc: eventDocName(e.id), token: e.tokens.organiser }),
    writer: () => null,
  },
  {
    who: 'a facilitator on the event document',
    pick: async (e) => ({
      doc: eventDocName(e.id),
      token: e.tokens.facilitators[first(e)] as string,
    }),
    writer: () => null,
  },
  {
    who: 'a participant on the event document',
    pick: async (e, server) => ({
      doc: eventDocName(e.id),
      token: (await joinAs(server, e, 'Osallistuja Olli', first(e))).token,
    }),
    writer: () => null,
  },
]

/** Everything a fresh client of `doc` receives, as the server holds it. */
async function freshState(server: TestServer, doc: string, token: string): Promise<Y.Doc> {
  const reader = clients.connect(server, doc, token)
  await reader.synced()
  return reader.doc
}

describe.each(cases)('read-only: $who', ({ pick, writer }) => {
  it('answers sync step 1 but never applies, relays or stores its writes, and stays open', async () => {
    const { server, event } = await startWithEvent()
    servers.push(server)
    const { doc, token } = await pick(event, server)
    const writerToken = writer(event)
    const before = Y.encodeStateVector(await freshState(server, doc, event.tokens.viewer))

    // A writer (when the document has one) and a witness that would receive any relay.
    const witness = clients.connect(server, doc, writerToken ?? event.tokens.viewer)
    await witness.synced()
    witness.provider.awareness.setLocalStateField('note', { name: 'witness' })

    // The read-only client has notes before it connects (sent in its sync step 2) and adds
    // more once connected (sent as updates).
    const reader = clients.connect(server, doc, token, { connect: false })
    addNotes(reader.doc, ['forged in step 2'])
    reader.provider.awareness.setLocalStateField('note', { name: 'reader' })
    reader.provider.connect()
    await reader.synced()
    addNotes(reader.doc, ['forged update'])

    // A raw read-only socket sends both kinds by hand and proves they were processed.
    const raw = clients.track(await rawClient(server, doc, token))
    raw.send(wire.syncStep2(notesUpdate(['raw step 2'])))
    raw.send(wire.update(notesUpdate(['raw update'])))
    await raw.roundTrip()

    // Its own presence is relayed.
    await waitFor(() => remoteStates(witness).has(reader.doc.clientID), 'the reader’s presence')
    expect(remoteStates(witness).get(reader.doc.clientID)).toEqual({ note: { name: 'reader' } })
    await waitFor(() => remoteStates(reader).has(witness.doc.clientID), 'the witness’s presence')

    // It still reads: a writer's note reaches it.
    if (writerToken) {
      addNotes(witness.doc, ['written by the writer'])
      await waitFor(() => noteTexts(reader.doc).includes('written by the writer'), 'the read')
    }

    // Nothing of it reached the witness or the server.
    await raw.roundTrip()
    expect(noteTexts(witness.doc).filter((t) => t.includes('forged') || t.includes('raw'))).toEqual(
      [],
    )
    const room = await server.ctx.rooms.loaded(doc)
    expect(noteTexts(room?.doc as Y.Doc)).toEqual(writerToken ? ['written by the writer'] : [])
    if (!writerToken) {
      expect(Y.encodeStateVector(room?.doc as Y.Doc)).toEqual(before)
    }

    // The sockets stay open.
    expect(reader.closes).toEqual([])
    expect(reader.provider.wsconnected).toBe(true)
    expect(raw.ws.readyState).toBe(raw.ws.OPEN)

    // A fresh reader sees a clean document, now and after a restart.
    const expected = writerToken ? ['written by the writer'] : []
    expect(noteTexts(await freshState(server, doc, event.tokens.viewer))).toEqual(expected)
    clients.destroyAll()
    await server.dispose({ keepData: true })
    const again = await startSyncServer({}, server.dataDir)
    servers.push(again)
    expect(noteTexts(await freshState(again, doc, event.tokens.viewer))).toEqual(expected)
  })
})

describe('rights read per message', () => {
  it('makes a participant read-only while the board is locked, without reconnecting', async () => {
    const { server, event, group, board } = await startWithEvent()
    servers.push(server)
    const { token } = await joinAs(server, event, 'Paikallinen Paula', group)
    const participant = clients.connect(server, board, token)
    await participant.synced()
    const witness = clients.connect(server, board, event.tokens.viewer)
    await witness.synced()

    addNotes(participant.doc, ['before the lock'], {
      id: 'p',
      name: 'Paula',
      role: 'participant',
      groupId: group,
    })
    await waitFor(() => noteTexts(witness.doc).includes('before the lock'), 'the first note')

    await server.ctx.rooms.withDoc(eventDocName(event.id), (room) =>
      facilitation.setLocked(room.doc, group, true),
    )
    const raw = clients.track(await rawClient(server, board, token))
    raw.send(wire.update(notesUpdate(['while locked'])))
    await raw.roundTrip()
    expect(noteTexts(witness.doc)).toEqual(['before the lock'])
    expect(raw.ws.readyState).toBe(raw.ws.OPEN)
  })
})
