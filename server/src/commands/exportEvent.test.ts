import { boardDocName, proposalDocName, withheldDocName } from '@hytepaja/shared/doc/names'
import * as clusters from '@hytepaja/shared/domain/clusters'
import * as ideas from '@hytepaja/shared/domain/ideas'
import * as proposals from '@hytepaja/shared/domain/proposals'
import type { Actor } from '@hytepaja/shared/domain/roles'
import { $createParagraphNode, $createTextNode, $getRoot } from 'lexical'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { bindRichText, createRichTextEditor, flush } from '../proposals/richTextEditor.js'
import { api, createTestEvent, joinAs } from '../testing/accessFixture.js'
import { Clients, startSyncServer, type TestServer, waitFor } from '../testing/sync.js'
import { EXPORT_FORMAT } from './exportEvent.js'

let server: TestServer
const clients = new Clients()

beforeAll(async () => {
  server = await startSyncServer()
})
afterEach(() => clients.destroyAll())
afterAll(() => server?.dispose())

/** The names of every document of an event that the store holds (what deleting it removes). */
async function storedDocNames(eventId: string): Promise<string[]> {
  await server.ctx.docs.flush()
  const rows = await server.ctx.db.all<{ name: string }>(
    `SELECT name FROM doc_update WHERE name LIKE ? UNION SELECT name FROM doc_snapshot WHERE name LIKE ?`,
    [`%:${eventId}%`, `%:${eventId}%`],
  )
  return rows.map((r) => r.name).sort()
}

describe('event export', () => {
  it('holds everything deleting the event removes: boards, proposals, votes, answers, messages, audit', async () => {
    const event = await createTestEvent(server)
    const group = event.groups[0]?.id as string
    const base = `/api/events/${event.id}/groups/${group}`
    const facilitatorToken = event.tokens.facilitators[group] as string
    const organiser = event.tokens.organiser
    await api(server, 'PATCH', `/api/events/${event.id}`, organiser, {
      preAssignment: 'Mikä on tärkein liikkumisen este?',
    })
    const anna = await joinAs(server, event, 'Anna', group)
    const answer = await api(server, 'PUT', `/api/events/${event.id}/pre-answer`, anna.token, {
      text: 'Pimeät pyörätiet',
    })
    expect(answer.status).toBe(200)
    await api(server, 'PUT', `${base}/phase`, facilitatorToken, { phase: 'ideas' })

    // The facilitator's own board client: a note and a cluster.
    const facilitator: Actor = {
      id: `facilitator:${group}`,
      name: 'Fasilitaattori',
      role: 'facilitator',
      groupId: group,
    }
    const board = clients.connect(server, boardDocName(event.id, group), facilitatorToken)
    await board.synced()
    const noteId = ideas.add(board.doc, { text: 'Kylätalon liikuntakerho' }, facilitator)
    clusters.add(board.doc, { name: 'Liikunta' }, facilitator)
    // A hidden note and a deleted one: kept apart from the board, but in the export.
    const hiddenId = ideas.add(board.doc, { text: 'Piilotettu idea' }, facilitator)
    ideas.setHidden(board.doc, hiddenId, true, facilitator)
    const deletedId = ideas.add(board.doc, { text: 'Poistettu idea' }, facilitator)
    ideas.remove(board.doc, deletedId, facilitator)

    // Anna writes the proposal: its fields, its body and one action's text.
    const actionId = (await api(server, 'POST', `${base}/proposal/actions`, anna.token)).json
      .id as string
    const annaActor: Actor = {
      id: anna.participantId,
      name: 'Anna',
      role: 'participant',
      groupId: group,
    }
    const main = clients.connect(server, proposalDocName(event.id, group, 'main'), anna.token)
    await main.synced()
    proposals.editTitle(main.doc, 'Liikkumisen ilo kaikenikäisille', annaActor)
    proposals.editActionField(main.doc, actionId, 'timeline', 'Syksy 2027', annaActor)
    const writeRichText = async (part: string, text: string) => {
      const client = clients.connect(server, proposalDocName(event.id, group, part), anna.token)
      await client.synced()
      const { editor } = createRichTextEditor()
      clients.track({ destroy: bindRichText(editor, client.doc, part) })
      flush(editor)
      editor.update(
        () =>
          $getRoot()
            .clear()
            .append($createParagraphNode().append($createTextNode(text))),
        { discrete: true },
      )
      flush(editor)
    }
    await writeRichText('body', 'Kunnat ja järjestöt yhdessä')
    await writeRichText(`action-${actionId}`, 'Perustetaan kävelykerho')

    await api(server, 'POST', `/api/events/${event.id}/announcements`, organiser, {
      text: 'Kahvi kymmenen minuutin päästä',
    })
    await waitFor(
      async () =>
        (await server.ctx.rooms.withDoc(boardDocName(event.id, group), (room) =>
          room.doc.getMap('ideas').has(noteId),
        )) &&
        (await server.ctx.rooms.withDoc(proposalDocName(event.id, group, 'main'), (room) =>
          room.doc.getText('proposalTitle').toString(),
        )) === 'Liikkumisen ilo kaikenikäisille',
      'the writes on the server',
    )
    await api(server, 'PUT', `${base}/phase`, facilitatorToken, { phase: 'voting' })
    expect(
      (await api(server, 'POST', `${base}/votes`, anna.token, { ideaId: noteId })).status,
    ).toBe(200)
    await api(server, 'POST', `${base}/proposal/promote`, facilitatorToken)

    const res = await api(server, 'GET', `/api/events/${event.id}/export`, organiser)
    expect(res.status).toBe(200)
    const body = res.json
    expect(body).toMatchObject({ format: EXPORT_FORMAT, version: 2 })
    expect(body.boards[group].ideas.map((i: { text: string }) => i.text)).toContain(
      'Kylätalon liikuntakerho',
    )
    expect(body.boards[group].ideas.map((i: { text: string }) => i.text)).toContain(
      'Pimeät pyörätiet',
    )
    expect(body.boards[group].clusters.map((c: { name: string }) => c.name)).toEqual(['Liikunta'])
    expect(
      body.boards[group].withheld.map((i: { id: string; text: string }) => [i.id, i.text]).sort(),
    ).toEqual(
      [
        [hiddenId, 'Piilotettu idea'],
        [deletedId, 'Poistettu idea'],
      ].sort(),
    )
    // Who stands behind each author key: the seat (participant id or role) and name.
    const annaNote = body.boards[group].ideas.find(
      (i: { text: string }) => i.text === 'Pimeät pyörätiet',
    )
    expect(body.boards[group].authors[annaNote.authorKey]).toEqual({
      seat: anna.participantId,
      name: 'Anna',
      role: 'participant',
    })
    expect(body.proposals[group]).toMatchObject({
      title: 'Liikkumisen ilo kaikenikäisille',
      body: { text: expect.stringMatching(/^Kunnat ja järjestöt yhdessä\s*$/) },
      actions: [
        {
          id: actionId,
          timeline: 'Syksy 2027',
          what: { text: expect.stringMatching(/^Perustetaan kävelykerho\s*$/) },
        },
      ],
    })
    expect(body.votes[group]).toEqual({ votesCast: 1, voters: 1, totals: { [noteId]: 1 } })
    expect(body.preAnswers).toEqual([
      expect.objectContaining({ participantId: anna.participantId, text: 'Pimeät pyörätiet' }),
    ])
    expect(body.announcements.map((a: { text: string }) => a.text)).toEqual([
      'Kahvi kymmenen minuutin päästä',
    ])
    expect(body.promotions[0].versions[0].title).toBe('Liikkumisen ilo kaikenikäisille')
    expect(body.plenary).toEqual(expect.any(Object))
    expect(body.decisions).toEqual({})
    expect(body.attendance).toMatchObject([{ name: 'Anna', presence: null }])
    expect(body.minutesComments).toEqual([])
    expect(body.audit.map((a: { action: string }) => a.action)).toContain('proposal.promote')
    expect(body.participants.map((p: { displayName: string }) => p.displayName)).toEqual(['Anna'])
    // Ballots are secret and tokens are keys: neither leaves the server.
    expect(JSON.stringify(body)).not.toContain(anna.token)
    expect(JSON.stringify(body.votes)).not.toContain(anna.participantId)

    // Every document the store holds for the event is in the export.
    const covered = new Set([
      `event:${event.id}`,
      ...event.groups.flatMap((g) => [
        boardDocName(event.id, g.id),
        proposalDocName(event.id, g.id, 'main'),
        proposalDocName(event.id, g.id, 'body'),
        withheldDocName(event.id, g.id),
        ...body.proposals[g.id].actions.map((a: { id: string }) =>
          proposalDocName(event.id, g.id, `action-${a.id}`),
        ),
      ]),
    ])
    const missing = (await storedDocNames(event.id)).filter((name) => !covered.has(name))
    expect(missing).toEqual([])
  })
})
