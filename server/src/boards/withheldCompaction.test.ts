import { boardDocName } from '@hytepaja/shared/doc/names'
import { ideasRoot } from '@hytepaja/shared/doc/schema/board'
import * as ideas from '@hytepaja/shared/domain/ideas'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { api, createTestEvent } from '../testing/accessFixture.js'
import { Clients, startSyncServer, type TestServer, waitFor } from '../testing/sync.js'

let server: TestServer
const clients = new Clients()

beforeAll(async () => {
  server = await startSyncServer()
})
afterEach(() => clients.destroyAll())
afterAll(() => server?.dispose())

/** Whether the board's stored snapshot or update log holds the text, read from the store. */
async function stored(name: string, text: string): Promise<boolean> {
  await server.ctx.docs.flush()
  const rows = await server.ctx.db.all<{ data: Uint8Array }>(
    `SELECT data FROM doc_update WHERE name = ?
     UNION ALL SELECT state AS data FROM doc_snapshot WHERE name = ?`,
    [name, name],
  )
  return Buffer.concat(rows.map((r) => Buffer.from(r.data))).includes(Buffer.from(text, 'utf8'))
}

/** Compactions stored so far, as an operator's Prometheus reads them from /metrics. */
async function compactionsCounted(): Promise<number> {
  const res = await fetch(`${server.url}/metrics`, {
    headers: { authorization: `Bearer ${server.ctx.secrets.adminToken}` },
  })
  const line = (await res.text())
    .split('\n')
    .find((l) => l.startsWith('hytepaja_store_compaction_seconds_count '))
  return line ? Number(line.split(' ')[1]) : 0
}

describe('a note withheld from a loaded board', () => {
  it('leaves the board’s stored snapshot and log at once, not at some later compaction', async () => {
    const event = await createTestEvent(server)
    const groupId = event.groups[0]?.id as string
    const token = event.tokens.facilitators[groupId] as string
    const board = boardDocName(event.id, groupId)
    const session = await api(server, 'GET', '/api/session', token)
    const actor = {
      id: `facilitator:${groupId}`,
      name: 'Fasilitaattori',
      role: 'facilitator' as const,
      groupId,
      authorKey: session.json.authorKeys[groupId] as string,
    }
    const facilitator = clients.connect(server, board, token)
    await facilitator.synced()
    ideas.add(facilitator.doc, { text: 'Kirjastoauto kyliin' }, actor)
    const hidden = ideas.add(facilitator.doc, { text: 'Loukkaava kommentti' }, actor)
    // A few edits, far below what makes a routine compaction due.
    for (let i = 0; i < 20; i++) ideas.add(facilitator.doc, { text: `Idea ${i}` }, actor)
    const room = await server.ctx.rooms.loaded(board)
    if (!room) throw new Error('the board is not loaded')
    await waitFor(() => ideasRoot(room.doc).size === 22, 'the notes on the server')
    expect(await stored(board, 'Loukkaava kommentti')).toBe(true)
    const compactionsBefore = await compactionsCounted()

    ideas.setHidden(facilitator.doc, hidden, true, actor)
    await waitFor(
      async () => !(await stored(board, 'Loukkaava kommentti')),
      'the note gone from the stored board',
    )
    // Still loaded and in use: the compaction was the withholding's, not the unload's.
    expect(await server.ctx.rooms.loaded(board)).toBe(room)
    expect(await stored(board, 'Kirjastoauto kyliin')).toBe(true)
    expect(await stored(board, 'Idea 19')).toBe(true)
    expect(await compactionsCounted()).toBeGreaterThan(compactionsBefore)
  })
})
