import { describe, expect, it } from 'vitest'
import type { Idea } from '../doc/schema/board.js'
import { type GroupState, INITIAL_GROUP_STATE } from '../doc/schema/event.js'
import { DomainError } from './errors.js'
import * as votes from './votes.js'

const idea = (id: string, createdAt = 0, extra: Partial<Idea> = {}): Idea => ({
  id,
  text: id,
  authorKey: 'a',
  createdAt,
  x: 0,
  y: 0,
  color: 'yellow',
  clusterId: null,
  tags: [],
  ageGroups: [],
  lang: 'fi',
  deletedAt: null,
  deletedBy: null,
  hidden: false,
  ...extra,
})

const voting: GroupState = { ...INITIAL_GROUP_STATE, phase: 'voting' }
const codeOf = (fn: () => unknown) => {
  try {
    fn()
  } catch (e) {
    return (e as DomainError).code
  }
  return 'ok'
}

describe('votes', () => {
  it('casts dots up to the budget and no further', () => {
    let ballot: votes.Ballot = {}
    for (const id of ['a', 'b', 'c']) ballot = votes.cast(ballot, id, voting, idea(id))
    expect(votes.dotsUsed(ballot)).toBe(3)
    expect(codeOf(() => votes.cast(ballot, 'd', voting, idea('d')))).toBe('vote.budgetSpent')
  })

  it('allows several dots on one idea only when the facilitator allows it', () => {
    const once = votes.cast({}, 'a', voting, idea('a'))
    expect(codeOf(() => votes.cast(once, 'a', voting, idea('a')))).toBe('vote.onePerIdea')
    const multiple = { ...voting, voting: { ...voting.voting, multiplePerIdea: true } }
    expect(votes.cast(once, 'a', multiple, idea('a'))).toEqual({ a: 2 })
  })

  it('refuses votes outside the voting phase, on a locked board, and on deleted or hidden ideas', () => {
    expect(codeOf(() => votes.cast({}, 'a', INITIAL_GROUP_STATE, idea('a')))).toBe('vote.closed')
    expect(codeOf(() => votes.cast({}, 'a', { ...voting, locked: true }, idea('a')))).toBe(
      'vote.locked',
    )
    expect(codeOf(() => votes.cast({}, 'a', voting, idea('a', 0, { deletedAt: 1 })))).toBe(
      'vote.noIdea',
    )
    expect(codeOf(() => votes.cast({}, 'a', voting, idea('a', 0, { hidden: true })))).toBe(
      'vote.noIdea',
    )
    expect(codeOf(() => votes.cast({}, 'a', voting, undefined))).toBe('vote.noIdea')
  })

  it('closes voting once the results are published: no dot is cast or taken back', () => {
    const revealed: GroupState = { ...voting, revealed: true }
    const ballot = votes.cast({}, 'a', voting, idea('a'))
    expect(codeOf(() => votes.cast(ballot, 'b', revealed, idea('b')))).toBe('vote.revealed')
    expect(codeOf(() => votes.retract(ballot, 'a', revealed))).toBe('vote.revealed')
    // Hiding the results again reopens voting.
    expect(votes.retract(ballot, 'a', voting)).toEqual({})
  })

  it('counts only dots on ideas still on the board', () => {
    expect(votes.countable({ a: 2, gone: 1 }, new Set(['a', 'b']))).toEqual({ a: 2 })
  })

  it('takes a dot back', () => {
    expect(votes.retract({ a: 2, b: 1 }, 'a', voting)).toEqual({ a: 1, b: 1 })
    expect(votes.retract({ a: 1 }, 'a', voting)).toEqual({})
    expect(codeOf(() => votes.retract({}, 'a', voting))).toBe('vote.none')
  })

  it('tallies ballots and ranks ideas with shared ranks for ties', () => {
    const totals = votes.tally([{ a: 1, b: 2 }, { b: 1, c: 1 }, { c: 2 }])
    expect(totals).toEqual({ a: 1, b: 3, c: 3 })
    const ranked = votes.ranking([idea('a', 1), idea('b', 2), idea('c', 3), idea('d', 4)], totals)
    expect(ranked.map((r) => `${r.rank}:${r.idea.id}:${r.votes}`)).toEqual([
      '1:b:3',
      '1:c:3',
      '3:a:1',
      '4:d:0',
    ])
  })

  it('keeps totals private until revealed unless they are live', () => {
    expect(votes.totalsPublic(voting)).toBe(false)
    expect(votes.totalsPublic({ ...voting, revealed: true })).toBe(true)
    expect(
      votes.totalsPublic({ ...voting, voting: { ...voting.voting, visibility: 'live' } }),
    ).toBe(true)
    expect(votes.seesTotalsEarly('facilitator')).toBe(true)
    expect(votes.seesTotalsEarly('participant')).toBe(false)
  })

  it('checks the rules: budget 1–20', () => {
    expect(votes.cleanRules({ budget: 5 }, voting.voting).budget).toBe(5)
    expect(() => votes.cleanRules({ budget: 0 }, voting.voting)).toThrow(DomainError)
    expect(() => votes.cleanRules({ budget: 2.5 }, voting.voting)).toThrow(DomainError)
    expect(() => votes.cleanRules({ visibility: 'never' as never }, voting.voting)).toThrow(
      DomainError,
    )
  })
})
