import { boardDocName, eventDocName } from '@hytepaja/shared/doc/names'
import { readIdeas } from '@hytepaja/shared/doc/schema/board'
import { readGroupState } from '@hytepaja/shared/doc/schema/event'
import * as ideas from '@hytepaja/shared/domain/ideas'
import type { Actor } from '@hytepaja/shared/domain/roles'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { api, createTestEvent, joinAs } from '../testing/accessFixture.js'
import { Clients, startSyncServer, type TestServer, waitFor } from '../testing/sync.js'

let server: TestServer
const clients = new Clients()

beforeAll(async () => {
  server = await startSyncServer()
})
afterEach(() => clients.destroyAll())
afterAll(() => server?.dispose())

/**
 * A group in the voting phase (dots secret until the reveal), seen as the public sees it: the
 * event document a viewer's socket syncs. Notes are written by their authors' own sockets.
 */
async function votingGroup() {
  const event = await createTestEvent(server)
  const group = event.groups[0]?.id as string
  const base = `/api/events/${event.id}/groups/${group}`
  const facilitator = event.tokens.facilitators[group] as string
  const anna = await joinAs(server, event, 'Anna', group)
  const ben = await joinAs(server, event, 'Ben', group)
  const cecilia = await joinAs(server, event, 'Cecilia', group)
  await api(server, 'PUT', `${base}/voting`, facilitator, { budget: 3, multiplePerIdea: true })
  await api(server, 'PUT', `${base}/phase`, facilitator, { phase: 'ideas' })

  const board = boardDocName(event.id, group)
  const seat = async (token: string, actor: Actor) => {
    const client = clients.connect(server, board, token)
    await client.synced()
    return { client, actor }
  }
  const session = async (token: string) =>
    (await api(server, 'GET', '/api/session', token)).json as {
      participant: { id: string; displayName: string }
      authorKeys: Record<string, string>
    }
  const participant = async (token: string) => {
    const s = await session(token)
    return seat(token, {
      id: s.participant.id,
      name: s.participant.displayName,
      role: 'participant',
      groupId: group,
      authorKey: s.authorKeys[group],
    })
  }
  const writers = {
    anna: await participant(anna.token),
    ben: await participant(ben.token),
    cecilia: await participant(cecilia.token),
    facilitator: await seat(facilitator, {
      id: `facilitator:${group}`,
      name: 'Fasilitaattori',
      role: 'facilitator',
      groupId: group,
    }),
  }
  const write = (who: keyof typeof writers, text: string) => {
    const { client, actor } = writers[who]
    return ideas.add(client.doc, { text }, actor)
  }
  /** Whether a note is on the board as the server holds it (written, not hidden or deleted). */
  const onBoard = (id: string) =>
    server.ctx.rooms.withDoc(board, (room) =>
      ideas.visible(readIdeas(room.doc)).some((idea) => idea.id === id),
    )

  const viewer = clients.connect(server, eventDocName(event.id), event.tokens.viewer)
  await viewer.synced()
  const seen = () => readGroupState(viewer.doc, group)
  const vote = async (token: string, ideaId: string) => {
    const res = await api(server, 'POST', `${base}/votes`, token, { ideaId })
    expect(res.status).toBe(200)
  }
  return {
    event,
    group,
    base,
    facilitator,
    anna,
    ben,
    cecilia,
    writers,
    write,
    onBoard,
    seen,
    vote,
  }
}

describe('public vote counters before the reveal', () => {
  it('do not move when the facilitator hides a note: its total stays secret', async () => {
    const g = await votingGroup()
    const hiddenOne = g.write('cecilia', 'Kylätalon kerho')
    const other = g.write('cecilia', 'Pyörätiet')
    const third = g.write('cecilia', 'Kirjastoauto')
    await waitFor(async () => (await g.onBoard(third)) && (await g.onBoard(other)), 'the notes')
    await api(server, 'PUT', `${g.base}/phase`, g.facilitator, { phase: 'voting' })
    // Anna puts all her dots on one note, Ben two on another: 5 dots by 2 people.
    for (let i = 0; i < 3; i++) await g.vote(g.anna.token, hiddenOne)
    await g.vote(g.ben.token, other)
    await g.vote(g.ben.token, other)
    await waitFor(() => g.seen().votesCast === 5, 'five dots seen')
    expect(g.seen()).toMatchObject({ votesCast: 5, voters: 2, totals: null })

    const { client, actor } = g.writers.facilitator
    ideas.setHidden(client.doc, hiddenOne, true, actor)
    await waitFor(async () => !(await g.onBoard(hiddenOne)), 'the hide on the server')
    // The next dot: before, votesCast went 5 → 3 (that note had 3 dots, all from one voter).
    await g.vote(g.ben.token, third)
    await waitFor(() => g.seen().votesCast !== 5, 'the next dot seen')
    expect(g.seen()).toMatchObject({ votesCast: 6, voters: 2, totals: null })
  })
})

describe('public vote counters before the reveal, for an author', () => {
  it('do not move when an author deletes their own note: they learn nothing of its total', async () => {
    const g = await votingGroup()
    const own = g.write('cecilia', 'Oma idea')
    const other = g.write('anna', 'Toinen idea')
    await waitFor(async () => (await g.onBoard(own)) && (await g.onBoard(other)), 'the notes')
    await api(server, 'PUT', `${g.base}/phase`, g.facilitator, { phase: 'voting' })
    await g.vote(g.anna.token, own)
    await g.vote(g.anna.token, own)
    await g.vote(g.ben.token, other)
    await waitFor(() => g.seen().votesCast === 3, 'three dots seen')

    const { client, actor } = g.writers.cecilia
    ideas.remove(client.doc, own, actor)
    await waitFor(async () => !(await g.onBoard(own)), 'the deletion on the server')
    await g.vote(g.cecilia.token, other)
    await waitFor(() => g.seen().votesCast !== 3, 'her own dot seen')
    // Before, 3 → 2: her note had had two dots.
    expect(g.seen()).toMatchObject({ votesCast: 4, voters: 3, totals: null })
  })
})
