import { describe, expect, it } from 'vitest'
import type { SyncDecision } from '../sync/access.js'
import type { Session } from './sessions.js'
import { createSyncAccess, type SyncAccessDeps } from './syncAccess.js'

const session = (over: Partial<Session>): Session => ({
  tokenHash: 'hash',
  eventId: 'e1',
  role: 'organiser',
  groupId: null,
  participant: null,
  checkerId: null,
  facilitator: null,
  ...over,
})

const SESSIONS: Record<string, Session> = {
  organiser: session({ tokenHash: 'h-org' }),
  participant: session({
    tokenHash: 'h-part',
    role: 'participant',
    groupId: 'g1',
    participant: { id: 'p1', displayName: 'Aino', organisation: null },
  }),
  facilitator: session({ tokenHash: 'h-fac', role: 'facilitator', groupId: 'g2' }),
  otherEvent: session({ tokenHash: 'h-other', eventId: 'e2' }),
}
const GROUPS = new Set(['g1', 'g2'])
const PARTS = new Set(['g1:main'])

/** The same answers, given at once (a kept session, a loaded event document) or by promise. */
function deps(atOnce: boolean): SyncAccessDeps {
  const answer = <T>(value: T): T | Promise<T> => (atOnce ? value : Promise.resolve(value))
  return {
    session: (token) => answer((token && SESSIONS[token]) || null),
    groupExists: (eventId, groupId) => answer(eventId === 'e1' && GROUPS.has(groupId)),
    proposalPartExists: async (_eventId, groupId, part) => PARTS.has(`${groupId}:${part}`),
    authorKey: (eventId, groupId, seatId) => `${eventId}/${groupId}/${seatId}`,
  }
}

const plain = (decision: SyncDecision) =>
  decision.ok
    ? { ok: true, eventId: decision.eventId, tokenId: decision.tokenId, actor: decision.actor }
    : decision

describe('sync access decided at once', () => {
  const tokens = [undefined, 'unknown', ...Object.keys(SESSIONS)]
  const names = [
    'event:e1',
    'event:e2',
    'board:e1:g1',
    'board:e1:g2',
    'board:e1:gone',
    'withheld:e1:g1',
    'withheld:e1:g2',
    'proposal:e1:g1:main',
    'proposal:e1:g1:missing',
    'proposal:e1:gone:main',
    'not a name',
  ]

  it('decides as it does by promise, for every token and document', async () => {
    const atOnce = createSyncAccess(deps(true))
    const byPromise = createSyncAccess(deps(false))
    for (const token of tokens) {
      for (const name of names) {
        const expected = plain(await byPromise.authorize(token, name))
        expect(plain(await atOnce.authorize(token, name)), `${token} ${name}`).toEqual(expected)
      }
    }
    // The cases really differ: a grant, and each refusal the contract names.
    const outcomes = new Set<unknown>()
    for (const token of tokens) {
      for (const name of names) {
        const d = await byPromise.authorize(token, name)
        outcomes.add(d.ok ? 'grant' : d.status)
      }
    }
    expect([...outcomes].sort()).toEqual([401, 403, 404, 'grant'])
  })

  it('needs no promise when the session and the group are at hand', () => {
    const access = createSyncAccess(deps(true))
    for (const [token, name] of [
      ['organiser', 'event:e1'],
      ['participant', 'board:e1:g1'],
      ['participant', 'board:e1:gone'],
      ['unknown', 'board:e1:g1'],
      ['otherEvent', 'event:e1'],
    ] as const) {
      const decision = access.authorize(token, name)
      expect(decision, `${token} ${name}`).not.toBeInstanceOf(Promise)
    }
    // A proposal part is looked up in the store: that one is waited for.
    expect(access.authorize('organiser', 'proposal:e1:g1:main')).toBeInstanceOf(Promise)
  })
})

describe('grants shared by the sockets of one session', () => {
  it('gives the same session the same grant for a document, and a changed session its own', () => {
    const sessions: Record<string, Session> = { ...SESSIONS }
    const access = createSyncAccess({
      ...deps(true),
      session: (token) => sessions[token ?? ''] ?? null,
    })
    const first = access.authorize('participant', 'board:e1:g1')
    expect(access.authorize('participant', 'board:e1:g1')).toBe(first)
    // Another document, another grant.
    expect(access.authorize('participant', 'event:e1')).not.toBe(first)
    // A renamed participant is a new session object (the store is asked again): its grant
    // writes under the new name, while sockets let in before keep theirs.
    sessions.participant = session({
      tokenHash: 'h-part',
      role: 'participant',
      groupId: 'g1',
      participant: { id: 'p1', displayName: 'Aino K.', organisation: null },
    })
    const renamed = access.authorize('participant', 'board:e1:g1')
    expect(renamed).not.toBe(first)
    expect(plain(renamed as SyncDecision)).toMatchObject({ actor: { name: 'Aino K.' } })
    expect(plain(first as SyncDecision)).toMatchObject({ actor: { name: 'Aino' } })
    // A refusal is never kept: the group gone, the same session is refused.
    expect(access.authorize('participant', 'board:e1:gone')).toMatchObject({ ok: false })
  })
})
