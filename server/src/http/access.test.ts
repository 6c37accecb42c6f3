import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { api } from '../testing/accessFixture.js'
import { type AccessMatrix, ELECTED, startAccessMatrix, WHO } from '../testing/accessMatrix.js'

/**
 * The commands' half of the contract's access matrix, cell by cell, against the real server:
 * every role of an event and every outsider on every command. (The sockets' half:
 * sync/access.test.ts.)
 */
let server: AccessMatrix['server']
let event: AccessMatrix['event']
let groupA: string
let groupB: string
let participantAId: string
let talkItem: string
let decisionSubItem: string
let tokens: AccessMatrix['tokens']

beforeAll(async () => {
  ;({ server, event, groupA, groupB, participantAId, talkItem, decisionSubItem, tokens } =
    await startAccessMatrix())
})

afterAll(() => server?.dispose())

type Call = {
  method: string
  path: () => string
  body?: (who: string) => unknown
  allowed: string[]
  ok: number
}

const ORGANISERS = ['organiser', 'consoleKey']
const CHAIRS = [...ORGANISERS, 'chair']
const CALLS: Record<string, Call> = {
  'edit the event': {
    method: 'PATCH',
    path: () => `/api/events/${event.id}`,
    body: () => ({ place: 'Koulun ruokasali' }),
    allowed: ORGANISERS,
    ok: 200,
  },
  'see the links': {
    method: 'GET',
    path: () => `/api/events/${event.id}/links`,
    allowed: ORGANISERS,
    ok: 200,
  },
  'read the event': {
    method: 'GET',
    path: () => `/api/events/${event.id}`,
    allowed: ORGANISERS,
    ok: 200,
  },
  'list participants': {
    method: 'GET',
    path: () => `/api/events/${event.id}/participants`,
    allowed: ORGANISERS,
    ok: 200,
  },
  'read the audit trail': {
    method: 'GET',
    path: () => `/api/events/${event.id}/audit`,
    allowed: ORGANISERS,
    ok: 200,
  },
  'export the event': {
    method: 'GET',
    path: () => `/api/events/${event.id}/export`,
    allowed: ORGANISERS,
    ok: 200,
  },
  'add an agenda item': {
    method: 'POST',
    path: () => `/api/events/${event.id}/agenda`,
    body: () => ({ title: 'Lisäkohta' }),
    allowed: ORGANISERS,
    ok: 201,
  },
  'rename a group': {
    method: 'PATCH',
    path: () => `/api/events/${event.id}/groups/${groupB}`,
    body: () => ({ description: 'Kuvaus' }),
    allowed: ORGANISERS,
    ok: 200,
  },
  'join as a participant': {
    method: 'POST',
    path: () => `/api/events/${event.id}/participants`,
    body: () => ({ displayName: 'Uusi', groupId: groupB }),
    allowed: ['join'],
    ok: 201,
  },
  'change own group': {
    method: 'POST',
    path: () => `/api/events/${event.id}/participants/me/group`,
    // Each participant "moves" to the group they sit in: allowed, and the matrix stays intact.
    body: (who) => ({ groupId: who === 'participantA' ? groupA : groupB }),
    allowed: ['participantA', 'participantB'],
    ok: 200,
  },
  'steer group A (anonymous mode)': {
    method: 'PUT',
    path: () => `/api/events/${event.id}/groups/${groupA}/anonymous`,
    body: () => ({ anonymous: false }),
    allowed: [...ORGANISERS, 'facilitatorA'],
    ok: 200,
  },
  'read group A totals before the reveal': {
    method: 'GET',
    path: () => `/api/events/${event.id}/groups/${groupA}/votes`,
    allowed: [...ORGANISERS, 'facilitatorA'],
    ok: 200,
  },
  'read own dots in group A': {
    method: 'GET',
    path: () => `/api/events/${event.id}/groups/${groupA}/votes/me`,
    allowed: ['participantA'],
    ok: 200,
  },
  // Allowed callers reach the rule (voting is not open yet): 400, not 403.
  'vote in group A': {
    method: 'POST',
    path: () => `/api/events/${event.id}/groups/${groupA}/votes`,
    body: () => ({ ideaId: 'x' }),
    allowed: ['participantA'],
    ok: 400,
  },
  'see the overview of all groups': {
    method: 'GET',
    path: () => `/api/events/${event.id}/overview`,
    allowed: [...ORGANISERS, 'facilitatorA', 'facilitatorB'],
    ok: 200,
  },
  'message all groups': {
    method: 'POST',
    path: () => `/api/events/${event.id}/announcements`,
    body: () => ({ text: 'Tauko alkaa' }),
    allowed: [...ORGANISERS, 'facilitatorA', 'facilitatorB'],
    ok: 201,
  },
  'answer the pre-assignment': {
    method: 'GET',
    path: () => `/api/events/${event.id}/pre-answer`,
    allowed: ['participantA', 'participantB'],
    ok: 200,
  },
  'remove an action of group A': {
    method: 'DELETE',
    path: () => `/api/events/${event.id}/groups/${groupA}/proposal/actions/nosuchaction`,
    allowed: [...ORGANISERS, 'facilitatorA', 'participantA'],
    ok: 400,
  },
  'reopen the proposal of group A': {
    method: 'PUT',
    path: () => `/api/events/${event.id}/groups/${groupA}/proposal/ready`,
    body: () => ({ ready: false }),
    allowed: [...ORGANISERS, 'facilitatorA'],
    ok: 200,
  },
  'promote the proposal of group A': {
    method: 'POST',
    path: () => `/api/events/${event.id}/groups/${groupA}/proposal/promote`,
    allowed: [...ORGANISERS, 'facilitatorA'],
    ok: 400,
  },
  'move the plenary to an item': {
    method: 'PUT',
    path: () => `/api/events/${event.id}/plenary/current`,
    body: () => ({ itemId: null }),
    allowed: [...ORGANISERS, 'chair'],
    ok: 200,
  },
  'move the plenary to the next item': {
    method: 'POST',
    path: () => `/api/events/${event.id}/plenary/current/next`,
    allowed: CHAIRS,
    ok: 200,
  },
  'move the plenary to the previous item': {
    method: 'POST',
    path: () => `/api/events/${event.id}/plenary/current/previous`,
    allowed: CHAIRS,
    ok: 200,
  },
  'see the join code for the presenter view': {
    method: 'GET',
    path: () => `/api/events/${event.id}/plenary/join`,
    allowed: [...CHAIRS, 'viewer'],
    ok: 200,
  },
  'list the attendance': {
    method: 'GET',
    path: () => `/api/events/${event.id}/plenary/attendance`,
    allowed: CHAIRS,
    ok: 200,
  },
  'confirm a person’s attendance': {
    method: 'PUT',
    path: () => `/api/events/${event.id}/plenary/attendance/${participantAId}`,
    body: () => ({ presence: 'room' }),
    allowed: CHAIRS,
    ok: 200,
  },
  'add a person to the attendance': {
    method: 'POST',
    path: () => `/api/events/${event.id}/plenary/attendance`,
    body: () => ({ name: 'Rekisteröitymätön', organisation: 'Yhdistys' }),
    allowed: CHAIRS,
    ok: 201,
  },
  // Allowed callers reach the lookup: 404, not 403.
  'remove a person from the attendance': {
    method: 'DELETE',
    path: () => `/api/events/${event.id}/plenary/attendance/nosuchperson`,
    allowed: CHAIRS,
    ok: 404,
  },
  'name everyone in the minutes': {
    method: 'PUT',
    path: () => `/api/events/${event.id}/plenary/minutes-settings`,
    body: () => ({ fullAttendance: false }),
    allowed: CHAIRS,
    ok: 200,
  },
  'approve the agenda': {
    method: 'PUT',
    path: () => `/api/events/${event.id}/plenary/agenda-approval`,
    body: () => ({ approved: true }),
    allowed: CHAIRS,
    ok: 200,
  },
  // The same people again: the checker's link stays valid.
  'elect the chair, secretary, checkers and vote-counters': {
    method: 'PUT',
    path: () => `/api/events/${event.id}/plenary/elections`,
    body: () => ELECTED('Kolme'),
    allowed: CHAIRS,
    ok: 200,
  },
  'see the checkers’ links': {
    method: 'GET',
    path: () => `/api/events/${event.id}/plenary/checkers`,
    allowed: CHAIRS,
    ok: 200,
  },
  // Allowed callers reach the rule (a talk takes no decision): 409, not 403.
  'record a decision': {
    method: 'PUT',
    path: () => `/api/events/${event.id}/plenary/decisions/${talkItem}`,
    body: () => ({ outcome: 'asProposed' }),
    allowed: CHAIRS,
    ok: 409,
  },
  'read a decision’s history': {
    method: 'GET',
    path: () => `/api/events/${event.id}/plenary/decisions/${decisionSubItem}`,
    allowed: [...CHAIRS, 'viewer', 'checker'],
    ok: 200,
  },
  'read own checker seat': {
    method: 'GET',
    path: () => `/api/events/${event.id}/plenary/check/me`,
    allowed: ['checker'],
    ok: 200,
  },
  'read the checkers’ comments': {
    method: 'GET',
    path: () => `/api/events/${event.id}/plenary/check/comments`,
    allowed: [...CHAIRS, 'checker'],
    ok: 200,
  },
  'comment on the draft minutes': {
    method: 'POST',
    path: () => `/api/events/${event.id}/plenary/check/comments`,
    body: () => ({ itemId: null, text: 'Kommentti' }),
    allowed: ['checker'],
    ok: 201,
  },
  // One of the two checkers: approved, not locked.
  'approve the minutes': {
    method: 'POST',
    path: () => `/api/events/${event.id}/plenary/check/approve`,
    allowed: ['checker'],
    ok: 200,
  },
  // Allowed callers reach the rule (nothing is locked): 409, not 403.
  'reopen the minutes': {
    method: 'POST',
    path: () => `/api/events/${event.id}/plenary/minutes/reopen`,
    body: () => ({ reason: 'Korjaus' }),
    allowed: ORGANISERS,
    ok: 409,
  },
  'read the content the minutes are hashed over': {
    method: 'GET',
    path: () => `/api/events/${event.id}/plenary/minutes/content`,
    allowed: [...CHAIRS, 'viewer', 'checker'],
    ok: 200,
  },
  'suggest organisations from the register': {
    method: 'GET',
    path: () => `/api/events/${event.id}/organisation-suggestions?q=j`,
    allowed: [...CHAIRS, 'join', 'facilitatorA', 'facilitatorB', 'participantA', 'participantB'],
    ok: 200,
  },
  'see when the event’s personal data is erased, and what': {
    method: 'GET',
    path: () => `/api/events/${event.id}/retention`,
    allowed: ORGANISERS,
    ok: 200,
  },
  'set the event’s retention': {
    method: 'PUT',
    path: () => `/api/events/${event.id}/retention`,
    body: () => ({ afterLockMonths: null, afterEndMonths: null }),
    allowed: ORGANISERS,
    ok: 200,
  },
  'read the retention for the privacy notice': {
    method: 'GET',
    path: () => `/api/events/${event.id}/retention/summary`,
    allowed: [
      ...CHAIRS,
      'viewer',
      'join',
      'facilitatorA',
      'facilitatorB',
      'participantA',
      'participantB',
      'checker',
    ],
    ok: 200,
  },
  'read own session': { method: 'GET', path: () => '/api/session', allowed: [], ok: 200 },
}

function expectedStatus(call: Call, name: string, who: string): number {
  if (['revokedParticipant', 'revokedChecker', 'garbage', 'none'].includes(who)) return 401
  if (name === 'read own session') return who === 'consoleKey' ? 401 : 200
  if (who === 'otherEventOrganiser') return 403
  return call.allowed.includes(who) ? call.ok : 403
}

describe('HTTP command matrix', () => {
  for (const [name, call] of Object.entries(CALLS)) {
    for (const who of WHO) {
      const want = expectedStatus(call, name, who)
      it(`${who} may ${want < 300 ? '' : 'not '}${name} (${want})`, async () => {
        const res = await api(server, call.method, call.path(), tokens[who], call.body?.(who))
        expect(res.status).toBe(want)
        if (want >= 400) expect(res.json.error.code).toEqual(expect.any(String))
      })
    }
  }

  it('lets only the console key create events (not the chair, not the organiser)', async () => {
    const body = { title: 'Uusi', municipalities: [], startsAt: new Date().toISOString() }
    for (const who of WHO) {
      const res = await api(server, 'POST', '/api/events', tokens[who], body)
      expect([who, res.status]).toEqual([who, who === 'consoleKey' ? 201 : 401])
    }
  })

  it('refuses deletion to everyone but the organisers of the event', async () => {
    for (const who of WHO.filter((w) => !ORGANISERS.includes(w))) {
      const res = await api(server, 'DELETE', `/api/events/${event.id}`, tokens[who])
      expect([who, res.status]).toEqual([
        who,
        ['revokedParticipant', 'revokedChecker', 'garbage', 'none'].includes(who) ? 401 : 403,
      ])
    }
  })
})
