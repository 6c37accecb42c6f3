import { api, createTestEvent, joinAs, startTestServer } from './accessFixture.js'
import { agendaOf } from './plenaryFixture.js'

/**
 * One event seen by every role it has and by every outsider, for the access matrices of the
 * contract (sync/access.test.ts for sockets, http/access.test.ts for commands): each name in
 * `WHO` has a token in `tokens` (or none), among them a revoked participant, a replaced
 * checker, another event's organiser and the console key.
 */
export type AccessMatrix = Awaited<ReturnType<typeof startAccessMatrix>>

export const WHO = [
  'organiser',
  'chair',
  'viewer',
  'join',
  'facilitatorA',
  'facilitatorB',
  'participantA',
  'participantB',
  'checker',
  'revokedParticipant',
  'revokedChecker',
  'otherEventOrganiser',
  'consoleKey',
  'garbage',
  'none',
]

export const ELECTED = (second: string) => ({
  chair: null,
  secretary: null,
  checkers: [{ name: 'Tarkastaja Yksi' }, { name: second }],
  voteCounters: [],
})

export async function startAccessMatrix() {
  // Every cell with a wrong token is a guess at the console key; the limit on guesses is
  // tested in limits.test.ts, the matrix needs room for all of them.
  const server = await startTestServer({}, { rateLimits: { tokenFailures: 10_000 } })
  const event = await createTestEvent(server)
  const other = await createTestEvent(server, { title: 'Toinen neuvottelu' })
  const groupA = event.groups[0]?.id as string
  const groupB = event.groups[1]?.id as string
  const revoked = await joinAs(server, event, 'Poistettu', groupA)
  await api(
    server,
    'DELETE',
    `/api/events/${event.id}/participants/${revoked.participantId}`,
    event.tokens.organiser,
  )
  // Two checkers elected, then the second replaced: the first's link works, the second's not.
  const elections = `/api/events/${event.id}/plenary/elections`
  const before = await api(server, 'PUT', elections, event.tokens.organiser, ELECTED('Kaksi'))
  const after = await api(server, 'PUT', elections, event.tokens.organiser, ELECTED('Kolme'))
  const participantA = await joinAs(server, event, 'Anna', groupA)
  const { byLabel, byKind } = await agendaOf(server, event.id)
  const talkItem = byKind('talk')[0]?.item.id as string
  const decisionSubItem = byLabel['§9 a'] as string
  const tokens: Record<string, string | undefined> = {
    checker: after.json.checkers[0].token,
    revokedChecker: before.json.checkers[1].token,
    organiser: event.tokens.organiser,
    chair: event.tokens.chair,
    viewer: event.tokens.viewer,
    join: event.tokens.join,
    facilitatorA: event.tokens.facilitators[groupA],
    facilitatorB: event.tokens.facilitators[groupB],
    participantA: participantA.token,
    participantB: (await joinAs(server, event, 'Bertil', groupB)).token,
    revokedParticipant: revoked.token,
    otherEventOrganiser: other.tokens.organiser,
    consoleKey: server.ctx.secrets.adminToken,
    garbage: 'not-a-token',
    none: undefined,
  }
  return {
    server,
    event,
    other,
    groupA,
    groupB,
    tokens,
    participantAId: participantA.participantId,
    talkItem,
    decisionSubItem,
  }
}
