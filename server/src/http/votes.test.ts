import { boardDocName, eventDocName } from '@hytepaja/shared/doc/names'
import { readIdeas as readIdeasOf } from '@hytepaja/shared/doc/schema/board'
import { readGroupState } from '@hytepaja/shared/doc/schema/event'
import * as ideas from '@hytepaja/shared/domain/ideas'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  api,
  type CreatedEventBody,
  createTestEvent,
  joinAs,
  startTestServer,
} from '../testing/accessFixture.js'

type Server = Awaited<ReturnType<typeof startTestServer>>
let server: Server

beforeAll(async () => {
  server = await startTestServer()
})
afterAll(() => server?.dispose())

/** An event whose first group is in the voting phase with four ideas and two voters. */
async function votingGroup(rules: object = {}) {
  const event: CreatedEventBody = await createTestEvent(server)
  const group = event.groups[0]?.id as string
  const other = event.groups[1]?.id as string
  const facilitator = event.tokens.facilitators[group] as string
  const anna = await joinAs(server, event, 'Anna', group)
  const ben = await joinAs(server, event, 'Ben', group)
  const outsider = await joinAs(server, event, 'Cecilia', other)
  const ids = await server.ctx.rooms.withDoc(boardDocName(event.id, group), (room) =>
    ['Lähiliikunta', 'Kerhot', 'Kyyti', 'Valaistus'].map((text) =>
      ideas.add(room.doc, { text }, { id: anna.participantId, name: 'Anna', role: 'participant' }),
    ),
  )
  const base = `/api/events/${event.id}/groups/${group}`
  expect((await api(server, 'PUT', `${base}/voting`, facilitator, rules)).status).toBe(200)
  expect((await api(server, 'PUT', `${base}/phase`, facilitator, { phase: 'voting' })).status).toBe(
    200,
  )
  const state = () =>
    server.ctx.rooms.withDoc(eventDocName(event.id), (room) => readGroupState(room.doc, group))
  const vote = (token: string, ideaId: string) =>
    api(server, 'POST', `${base}/votes`, token, { ideaId })
  return { event, group, base, facilitator, anna, ben, outsider, ids: ids as string[], state, vote }
}

describe('votes', () => {
  it('enforces the budget on the server, also when dots are sent all at once', async () => {
    const g = await votingGroup({ budget: 3, multiplePerIdea: true })
    const [a] = g.ids as [string]
    const results = await Promise.all(Array.from({ length: 6 }, () => g.vote(g.anna.token, a)))
    expect(results.filter((r) => r.status === 200)).toHaveLength(3)
    const refused = results.filter((r) => r.status !== 200)
    expect(refused.every((r) => r.status === 400 && r.json.error.code === 'vote.budgetSpent')).toBe(
      true,
    )
    const mine = await api(server, 'GET', `${g.base}/votes/me`, g.anna.token)
    expect(mine.json).toEqual({ ballot: { [a]: 3 }, budget: 3, remaining: 0 })
  })

  it('allows one dot per idea unless several are allowed, and takes dots back', async () => {
    const g = await votingGroup()
    const [a, b] = g.ids as [string, string]
    expect((await g.vote(g.anna.token, a)).status).toBe(200)
    expect((await g.vote(g.anna.token, a)).json.error.code).toBe('vote.onePerIdea')
    const back = await api(server, 'DELETE', `${g.base}/votes/${a}`, g.anna.token)
    expect(back.json.remaining).toBe(3)
    expect((await g.vote(g.anna.token, b)).json.ballot).toEqual({ [b]: 1 })
  })

  it("keeps everyone's votes secret: only counts are public until the facilitator reveals", async () => {
    const g = await votingGroup()
    const [a, b] = g.ids as [string, string]
    await g.vote(g.anna.token, a)
    await g.vote(g.ben.token, a)
    await g.vote(g.ben.token, b)
    expect(await g.state()).toMatchObject({
      votesCast: 3,
      voters: 2,
      totals: null,
      revealed: false,
    })
    expect((await api(server, 'GET', `${g.base}/votes`, g.anna.token)).status).toBe(403)
    expect((await api(server, 'GET', `${g.base}/votes`, g.facilitator)).json.totals).toEqual({
      [a]: 2,
      [b]: 1,
    })
    const revealed = await api(server, 'POST', `${g.base}/votes/reveal`, g.facilitator, {
      revealed: true,
    })
    expect(revealed.json).toMatchObject({ revealed: true, totals: { [a]: 2, [b]: 1 } })
    expect(JSON.stringify(await g.state())).not.toContain(g.anna.participantId)
  })

  it('closes voting when the facilitator publishes the results, and reopens it when they hide them', async () => {
    const g = await votingGroup()
    const [a, b] = g.ids as [string, string]
    await g.vote(g.anna.token, a)
    const reveal = (revealed: boolean) =>
      api(server, 'POST', `${g.base}/votes/reveal`, g.facilitator, { revealed })
    expect((await reveal(true)).status).toBe(200)
    const late = await g.vote(g.ben.token, b)
    expect(late.status).toBe(400)
    expect(late.json.error.code).toBe('vote.revealed')
    expect(late.json.error.message).toMatch(/published/)
    const moved = await api(server, 'DELETE', `${g.base}/votes/${a}`, g.anna.token)
    expect(moved.json.error.code).toBe('vote.revealed')
    expect((await g.state()).totals).toEqual({ [a]: 1 })
    expect((await reveal(false)).status).toBe(200)
    expect((await g.vote(g.ben.token, b)).status).toBe(200)
  })

  it('stops counting dots on an idea the facilitator deletes, and gives those dots back', async () => {
    const g = await votingGroup({ budget: 2 })
    const [a, b, c] = g.ids as [string, string, string]
    await g.vote(g.anna.token, a)
    await g.vote(g.anna.token, b)
    await g.vote(g.ben.token, a)
    await server.ctx.rooms.withDoc(boardDocName(g.event.id, g.group), (room) =>
      ideas.remove(room.doc, a, { id: 'f', name: 'F', role: 'facilitator' }),
    )
    const mine = await api(server, 'GET', `${g.base}/votes/me`, g.anna.token)
    expect(mine.json).toEqual({ ballot: { [b]: 1 }, budget: 2, remaining: 1 })
    expect((await g.vote(g.anna.token, c)).status).toBe(200)
    const totals = await api(server, 'GET', `${g.base}/votes`, g.facilitator)
    expect(totals.json).toEqual({ totals: { [b]: 1, [c]: 1 }, voters: 1 })
    // The public counters still count the dots on the deleted idea (see voteCounters.test.ts).
    expect(await g.state()).toMatchObject({ votesCast: 4, voters: 2 })
  })

  it('shows totals as they change when the facilitator makes them live', async () => {
    const g = await votingGroup({ visibility: 'live' })
    const [a] = g.ids as [string]
    await g.vote(g.anna.token, a)
    expect((await g.state()).totals).toEqual({ [a]: 1 })
  })

  it('refuses votes outside the voting phase, on a locked board, from another group and on unknown ideas', async () => {
    const g = await votingGroup()
    const [a] = g.ids as [string]
    expect((await g.vote(g.anna.token, 'nosuchidea')).json.error.code).toBe('vote.noIdea')
    expect((await g.vote(g.outsider.token, a)).status).toBe(403)
    expect((await g.vote(g.facilitator, a)).status).toBe(403)
    await api(server, 'PUT', `${g.base}/lock`, g.facilitator, { locked: true })
    expect((await g.vote(g.anna.token, a)).json.error.code).toBe('vote.locked')
    await api(server, 'PUT', `${g.base}/lock`, g.facilitator, { locked: false })
    await api(server, 'PUT', `${g.base}/phase`, g.facilitator, { phase: 'proposal' })
    expect((await g.vote(g.anna.token, a)).json.error.code).toBe('vote.closed')
    expect((await g.state()).votesCast).toBe(0)
  })
})

describe('facilitation', () => {
  it('lets only the group’s facilitator (and the organiser) steer it', async () => {
    const g = await votingGroup()
    const otherFacilitator = g.event.tokens.facilitators[g.event.groups[1]?.id as string]
    for (const [token, status] of [
      [g.facilitator, 200],
      [g.event.tokens.organiser, 200],
      [otherFacilitator, 403],
      [g.anna.token, 403],
      [g.event.tokens.viewer, 403],
    ] as const) {
      expect(
        (await api(server, 'PUT', `${g.base}/anonymous`, token, { anonymous: true })).status,
      ).toBe(status)
    }
  })

  it('runs the timer on the server clock and reports the overview of every group', async () => {
    const g = await votingGroup()
    const started = await api(server, 'POST', `${g.base}/timer`, g.facilitator, {
      action: 'start',
      durationMs: 600_000,
    })
    expect(started.json.timer).toMatchObject({ running: true, durationMs: 600_000 })
    const time = await api(server, 'GET', '/api/time')
    expect(started.json.timer.endsAt - time.json.now).toBeGreaterThan(590_000)
    expect(
      (
        await api(server, 'POST', `${g.base}/timer`, g.facilitator, {
          action: 'start',
          durationMs: 5,
        })
      ).status,
    ).toBe(400)
    await g.vote(g.anna.token, g.ids[0] as string)
    const overview = await api(server, 'GET', `/api/events/${g.event.id}/overview`, g.facilitator)
    const row = overview.json.groups.find((r: { id: string }) => r.id === g.group)
    expect(row).toMatchObject({
      phase: 'voting',
      ideas: 4,
      votesCast: 1,
      voters: 1,
      participants: 2,
      timerRunning: true,
    })
    expect(
      (await api(server, 'GET', `/api/events/${g.event.id}/overview`, g.anna.token)).status,
    ).toBe(403)
  })

  it('puts pre-assignment answers on the board when the ideas phase opens, once', async () => {
    const event = await createTestEvent(server)
    const group = event.groups[0]?.id as string
    await api(server, 'PATCH', `/api/events/${event.id}`, event.tokens.organiser, {
      preAssignment: 'Mikä on tärkein liikkumisen este kunnassasi?',
    })
    const anna = await joinAs(server, event, 'Anna', group)
    const bertil = await joinAs(server, event, 'Bertil', group)
    const keyOf = async (token: string) =>
      (await api(server, 'GET', '/api/session', token)).json.authorKeys[group] as string
    // An idea written while waiting keeps its place: the answers go to free cells.
    const bertilsKey = await keyOf(bertil.token)
    await server.ctx.rooms.withDoc(boardDocName(event.id, group), (room) =>
      ideas.add(
        room.doc,
        { text: 'Jo taululla', x: 24, y: 24 },
        { id: bertil.participantId, name: 'Bertil', role: 'participant', authorKey: bertilsKey },
      ),
    )
    await api(server, 'PUT', `/api/events/${event.id}/pre-answer`, bertil.token, {
      text: 'Svar på svenska',
      lang: 'sv',
    })
    const got = await api(server, 'GET', `/api/events/${event.id}/pre-answer`, anna.token)
    expect(got.json).toEqual({
      question: 'Mikä on tärkein liikkumisen este kunnassasi?',
      answer: null,
    })
    await api(server, 'PUT', `/api/events/${event.id}/pre-answer`, anna.token, {
      text: 'Pimeät kevyen liikenteen väylät',
    })
    const base = `/api/events/${event.id}/groups/${group}`
    const facilitator = event.tokens.facilitators[group] as string
    await api(server, 'PUT', `${base}/phase`, facilitator, { phase: 'ideas' })
    await api(server, 'PUT', `${base}/phase`, facilitator, { phase: 'waiting' })
    await api(server, 'PUT', `${base}/phase`, facilitator, { phase: 'ideas' })
    const notes = await server.ctx.rooms.withDoc(boardDocName(event.id, group), (room) =>
      ideas.visible(readIdeasOf(room.doc)),
    )
    // Imported in one go, the answers share a creation time: compare them sorted by text.
    const byText = [...notes].sort((a, b) => a.text.localeCompare(b.text, 'fi'))
    expect(byText.map((n) => [n.text, n.authorKey, n.lang])).toEqual([
      ['Jo taululla', bertilsKey, 'fi'],
      ['Pimeät kevyen liikenteen väylät', await keyOf(anna.token), 'fi'],
      ['Svar på svenska', bertilsKey, 'sv'],
    ])
    const spots = new Set(notes.map((n) => `${n.x},${n.y}`))
    expect(spots.size).toBe(3)
    const late = await api(server, 'PUT', `/api/events/${event.id}/pre-answer`, anna.token, {
      text: 'Myöhässä',
    })
    expect(late.json.error.code).toBe('preAssignment.closed')
  })
})
