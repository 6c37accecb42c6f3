import { boardDocName, eventDocName } from '@hytepaja/shared/doc/names'
import { afterEach, describe, expect, it } from 'vitest'
import { api, joinAs, upgradeStatus } from '../testing/accessFixture.js'
import {
  addNotes,
  Clients,
  noteTexts,
  startWithEvent,
  type TestServer,
  waitFor,
} from '../testing/sync.js'

/**
 * One instance keeps the sessions of tokens that opened a socket lately
 * (auth/recentSessions.ts): whatever changes a token's rights must count for the very next
 * socket, as it did when every upgrade asked the store. Each test opens a socket first, so
 * that the token's session is kept when the change comes.
 */
const clients = new Clients()
let server: TestServer | undefined
afterEach(async () => {
  clients.destroyAll()
  await server?.dispose()
  server = undefined
})

async function joinedOnce() {
  const started = await startWithEvent()
  server = started.server
  const participant = await joinAs(started.server, started.event, 'Muuttuva', started.group)
  const phone = clients.connect(started.server, started.board, participant.token)
  await phone.synced()
  phone.destroy()
  expect(started.server.ctx.recentSessions?.size).toBe(1)
  return { ...started, participant }
}

describe('a token that joined a moment ago', () => {
  it('opens no socket once its participant is removed', async () => {
    const { server, event, board, participant } = await joinedOnce()
    expect(await upgradeStatus(server, board, participant.token)).toBe(101)
    const removed = await api(
      server,
      'DELETE',
      `/api/events/${event.id}/participants/${participant.participantId}`,
      event.tokens.organiser,
    )
    expect(removed.status).toBe(204)
    expect(await upgradeStatus(server, board, participant.token)).toBe(401)
  })

  it('writes on its new group’s board once its participant is moved there', async () => {
    const { server, event, participant } = await joinedOnce()
    const other = event.groups[1]?.id as string
    const moved = await api(
      server,
      'PATCH',
      `/api/events/${event.id}/participants/${participant.participantId}`,
      event.tokens.organiser,
      { groupId: other },
    )
    expect(moved.status).toBe(200)
    // Kept from before the move, the session would still say the first group, and the new
    // group's board would be read-only to them: the note would never reach the facilitator.
    const newBoard = boardDocName(event.id, other)
    const facilitator = clients.connect(
      server,
      newBoard,
      event.tokens.facilitators[other] as string,
    )
    const phone = clients.connect(server, newBoard, participant.token)
    await Promise.all([facilitator.synced(), phone.synced()])
    addNotes(phone.doc, ['uudessa ryhmässä'])
    await waitFor(
      () => noteTexts(facilitator.doc).includes('uudessa ryhmässä'),
      'the moved participant’s note on the facilitator’s board',
    )
  })

  it('opens no socket once its event is deleted', async () => {
    const { server, event, participant } = await joinedOnce()
    const organiser = clients.connect(server, eventDocName(event.id), event.tokens.organiser)
    await organiser.synced()
    organiser.destroy()
    const deleted = await api(server, 'DELETE', `/api/events/${event.id}`, event.tokens.organiser)
    expect(deleted.status).toBe(204)
    expect(await upgradeStatus(server, eventDocName(event.id), event.tokens.organiser)).toBe(401)
    expect(await upgradeStatus(server, eventDocName(event.id), participant.token)).toBe(401)
  })

  it('is not kept from a look-up that was under way when something changed', async () => {
    const { server, participant } = await joinedOnce()
    const recent = server.ctx.recentSessions
    if (!recent) throw new Error('one instance keeps recent sessions')
    recent.forget()
    const asked = recent.resolve(server.ctx.db, participant.token)
    recent.forget()
    expect((await asked)?.participant?.id).toBe(participant.participantId)
    expect(recent.size).toBe(0)
  })
})
