import * as ideas from '@hytepaja/shared/domain/ideas'
import { afterEach, describe, expect, it } from 'vitest'
import { api } from '../testing/accessFixture.js'
import {
  Clients,
  joinAs,
  noteTexts,
  startWithEvent,
  type TestServer,
  waitFor,
} from '../testing/sync.js'

const clients = new Clients()
const servers: TestServer[] = []

afterEach(async () => {
  clients.destroyAll()
  await Promise.all(servers.splice(0).map((s) => s.dispose()))
})

/** The server's count of updates dropped because their sender could not write, from /metrics. */
async function droppedWrites(server: TestServer): Promise<number> {
  const res = await fetch(`${server.url}/metrics`, {
    headers: { authorization: `Bearer ${server.ctx.secrets.adminToken}` },
  })
  const line = (await res.text())
    .split('\n')
    .find((l) => l.startsWith('hytepaja_sync_refused_updates_total{reason="readOnly"}'))
  return line ? Number(line.split(' ').at(-1)) : 0
}

async function lockedBoard() {
  const { server, event, group, board, facilitator } = await startWithEvent()
  servers.push(server)
  const paula = await joinAs(server, event, 'Paikallinen Paula', group)
  const session = await api(server, 'GET', '/api/session', paula.token)
  const actor = {
    id: paula.participantId,
    name: 'Paula',
    role: 'participant' as const,
    groupId: group,
    authorKey: session.json.authorKeys[group] as string,
  }
  const phone = clients.connect(server, board, paula.token)
  const reader = clients.connect(server, board, event.tokens.viewer)
  await Promise.all([phone.synced(), reader.synced()])
  ideas.add(phone.doc, { text: 'ennen lukitusta' }, actor)
  await waitFor(() => noteTexts(reader.doc).length === 1, 'the first note')

  const lock = `/api/events/${event.id}/groups/${group}/lock`
  expect((await api(server, 'PUT', lock, facilitator, { locked: true })).status).toBe(200)
  const before = await droppedWrites(server)
  ideas.add(phone.doc, { text: 'lukituksen aikana' }, actor)
  await waitFor(async () => (await droppedWrites(server)) > before, 'the locked edit to be dropped')
  expect(noteTexts(reader.doc)).toEqual(['ennen lukitusta'])
  const unlock = async () =>
    expect((await api(server, 'PUT', lock, facilitator, { locked: false })).status).toBe(200)
  return { phone, reader, actor, unlock }
}

describe('an edit dropped while the board was locked', () => {
  it('is asked for again when the board is unlocked, with no edit after it', async () => {
    const { phone, reader, unlock } = await lockedBoard()
    await unlock()
    await waitFor(() => noteTexts(reader.doc).length === 2, 'the dropped note at the reader')
    expect(noteTexts(reader.doc)).toEqual(['ennen lukitusta', 'lukituksen aikana'])
    expect(phone.closes).toEqual([])
  })

  it('arrives after the unlock, and the edits after it arrive at once, without a reconnect', async () => {
    const { phone, reader, actor, unlock } = await lockedBoard()
    await unlock()

    const after = ['yksi', 'kaksi', 'kolme', 'neljä', 'viisi']
    for (const text of after) ideas.add(phone.doc, { text }, actor)
    await waitFor(
      () => noteTexts(reader.doc).length === 7,
      `all seven notes at the reader (saw ${noteTexts(reader.doc).join(', ')})`,
    )
    expect(noteTexts(reader.doc)).toEqual(['ennen lukitusta', 'lukituksen aikana', ...after].sort())
    // Neither the writer nor the reader was closed to get there.
    expect(phone.closes).toEqual([])
    expect(reader.closes).toEqual([])
  })
})
