import { boardDocName, proposalDocName } from '@hytepaja/shared/doc/names'
import { ideasRoot } from '@hytepaja/shared/doc/schema/board'
import { PROPOSAL_MAIN } from '@hytepaja/shared/doc/schema/proposal'
import * as ideas from '@hytepaja/shared/domain/ideas'
import { CloseCode } from '@hytepaja/shared/protocol/closeCodes'
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { api } from '../testing/accessFixture.js'
import {
  Clients,
  joinAs,
  notesUpdate,
  noteTexts,
  rawClient,
  startWithEvent,
  type TestServer,
  testActor,
  waitFor,
  wire,
} from '../testing/sync.js'
import { MAX_BOARD_BYTES } from './docShape.js'

const servers: TestServer[] = []
const clients = new Clients()
afterEach(async () => {
  clients.destroyAll()
  for (const server of servers.splice(0)) await server.dispose()
})

async function setup() {
  const setup = await startWithEvent()
  servers.push(setup.server)
  const anna = await joinAs(setup.server, setup.event, 'Anna', setup.group)
  return { ...setup, anna }
}

/** An update of almost a whole frame (1.9 MB) into a root of its own kind and name. */
function junk(root: string, kind: 'text' | 'array' | 'map', i = 0): Uint8Array {
  const doc = new Y.Doc()
  const filler = `${i}${'x'.repeat(1_900_000)}`
  if (kind === 'text') doc.getText(root).insert(0, filler)
  else if (kind === 'array') doc.getArray(root).push([filler])
  else doc.getMap(root).set(`k${i}`, filler)
  return Y.encodeStateAsUpdate(doc)
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

/** The bytes of the whole document a new reader receives in its first sync. */
async function firstSyncBytes(server: TestServer, doc: string, token: string): Promise<number> {
  const reader = clients.track(await rawClient(server, doc, token))
  return (await reader.roundTrip()).byteLength
}

describe('board stuffing', () => {
  it('refuses updates into roots a board does not have, from participants and facilitators', async () => {
    const { server, board, anna, facilitator, event } = await setup()
    await server.ctx.rooms.withDoc(board, (room) =>
      ideas.add(room.doc, { text: 'Oikea idea' }, testActor()),
    )
    const kinds = ['text', 'array', 'map'] as const
    for (let i = 0; i < 6; i++) {
      const token = i % 2 ? facilitator : anna.token
      const code = await send(server, board, token, junk(`junk${i}`, kinds[i % 3] as 'text', i))
      expect([i, code]).toEqual([i, CloseCode.BadMessage])
    }
    // The next reader downloads the board, not the junk.
    expect(await firstSyncBytes(server, board, event.tokens.viewer)).toBeLessThan(10_000)
    const room = await server.ctx.rooms.loaded(board)
    expect([...(room?.doc.share.keys() ?? [])].sort()).toEqual(['clusters', 'ideas'])
    const metrics = await server.ctx.metrics.registry.metrics()
    expect(metrics).toContain('hytepaja_sync_refused_updates_total{reason="root"} 6')
    // Honest notes still go through.
    expect(await send(server, board, anna.token, notesUpdate(['Toinen idea']))).toBe(null)
    await waitFor(() => noteTexts(room?.doc as Y.Doc).length === 2, 'the honest note')
  })

  it('does not keep an update that lacks what it builds on, and tells the sender to resync', async () => {
    const { server, board, anna, event, group } = await setup()
    const session = await api(server, 'GET', '/api/session', anna.token)
    const actor = {
      id: anna.participantId,
      name: 'Anna',
      role: 'participant' as const,
      groupId: group,
      authorKey: session.json.authorKeys[group] as string,
    }
    // Anna's phone wrote a note and then changed it, offline; only the change reaches the server.
    const phone = new Y.Doc()
    const id = ideas.add(phone, { text: 'Ensimmäinen versio' }, actor)
    const afterAdd = Y.encodeStateVector(phone)
    ideas.edit(phone, id, `Toinen versio ${'y'.repeat(400)}`, actor)
    const change = Y.encodeStateAsUpdate(phone, afterAdd)
    for (let i = 0; i < 3; i++) {
      expect(await send(server, board, anna.token, change)).toBe(CloseCode.Resync)
    }
    const room = await server.ctx.rooms.loaded(board)
    expect(room?.doc.store.pendingStructs).toBe(null)
    expect(await firstSyncBytes(server, board, event.tokens.viewer)).toBeLessThan(300)
    // Reconnected, the phone sends everything in order (its sync step 2), and it all arrives.
    expect(await send(server, board, anna.token, Y.encodeStateAsUpdate(phone))).toBe(null)
    const texts = await server.ctx.rooms.withDoc(board, (loaded) => noteTexts(loaded.doc))
    expect(texts).toEqual([`Toinen versio ${'y'.repeat(400)}`])
  })

  it('caps a board’s size and number of notes with a clear refusal (4413)', async () => {
    const { server, board, event, group } = await setup()
    // The organiser may write roots of its own (the load harness does), but not past the cap.
    let code: number | null = null
    let sent = 0
    for (let i = 0; i < 6 && code === null; i++) {
      code = await send(server, board, event.tokens.organiser, junk('notes', 'map', i))
      if (code === null) sent += 1_900_000
    }
    expect(code).toBe(CloseCode.DocumentFull)
    expect(sent).toBeLessThanOrEqual(MAX_BOARD_BYTES)
    expect(sent + 1_900_000).toBeGreaterThan(MAX_BOARD_BYTES)

    // Notes: on another group's board the 5,001st is refused.
    const other = event.groups[1]?.id as string
    const otherBoard = boardDocName(event.id, other)
    const bertta = await joinAs(server, event, 'Bertta', other)
    await server.ctx.rooms.withDoc(otherBoard, (room) => {
      room.doc.transact(() => {
        for (let i = 0; i < ideas.MAX_IDEAS; i++) ideas.add(room.doc, { text: `${i}` }, testActor())
      })
    })
    expect(await send(server, otherBoard, bertta.token, notesUpdate(['yksi liikaa']))).toBe(
      CloseCode.DocumentFull,
    )
    await server.ctx.rooms.withDoc(otherBoard, (room) => {
      expect(ideasRoot(room.doc).size).toBe(ideas.MAX_IDEAS)
      expect(() => ideas.add(room.doc, { text: 'yksi liikaa' }, testActor())).toThrow(
        'at most 5000 notes',
      )
    })
    expect(group).not.toBe(other)
  }, 90_000)

  it('refuses other roots in a proposal’s fields document too', async () => {
    const { server, event, group, anna } = await setup()
    const main = proposalDocName(event.id, group, PROPOSAL_MAIN)
    expect(await send(server, main, anna.token, junk('junk', 'text'))).toBe(CloseCode.BadMessage)
    expect(await firstSyncBytes(server, main, event.tokens.viewer)).toBeLessThan(10_000)
  })
})
