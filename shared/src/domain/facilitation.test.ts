import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { readAnnouncements, readGroupState } from '../doc/schema/event.js'
import * as agenda from './agenda.js'
import { DomainError } from './errors.js'
import * as event from './event.js'
import * as facilitation from './facilitation.js'
import * as groups from './groups.js'
import type { Ballot } from './votes.js'

function eventDoc() {
  const doc = new Y.Doc()
  const gs = groups
    .defaultThemes('fi')
    .map((t, order) => ({ id: `g${order}`, ...t, facilitators: [], order }))
  event.initialise(
    doc,
    {
      id: 'e',
      title: 'T',
      municipalities: [],
      startsAt: '2026-11-23T09:00:00Z',
      endsAt: null,
      place: null,
      remoteUrl: null,
      language: 'fi',
      preAssignment: null,
    },
    gs,
    agenda.templateAgenda('fi', gs),
  )
  return doc
}

describe('facilitation', () => {
  it('sets the phase of one group only, and clears its spotlight', () => {
    const doc = eventDoc()
    facilitation.setSpotlight(doc, 'g0', { kind: 'idea', id: 'i1' }, 10)
    facilitation.setPhase(doc, 'g0', 'voting')
    expect(readGroupState(doc, 'g0')).toMatchObject({ phase: 'voting', spotlight: null })
    expect(readGroupState(doc, 'g1').phase).toBe('waiting')
    expect(() => facilitation.setPhase(doc, 'g0', 'party' as never)).toThrow(DomainError)
    expect(() => facilitation.setPhase(doc, 'nope', 'ideas')).toThrow(DomainError)
  })

  it('runs a timer on the server clock: start, pause, resume, time left', () => {
    const doc = eventDoc()
    facilitation.startTimer(doc, 'g0', 10 * 60_000, 1_000)
    const started = readGroupState(doc, 'g0').timer
    expect(facilitation.timeLeft(started, 61_000)).toBe(9 * 60_000)
    facilitation.pauseTimer(doc, 'g0', 121_000)
    const paused = readGroupState(doc, 'g0').timer
    expect(facilitation.timeLeft(paused, 999_999)).toBe(8 * 60_000)
    facilitation.resumeTimer(doc, 'g0', 200_000)
    expect(facilitation.timeLeft(readGroupState(doc, 'g0').timer, 200_000 + 8 * 60_000 + 5)).toBe(0)
    expect(() => facilitation.startTimer(doc, 'g0', 0, 0)).toThrow(DomainError)
    facilitation.clearTimer(doc, 'g0')
    expect(readGroupState(doc, 'g0').timer).toBeNull()
  })

  it('publishes totals only when they are public', () => {
    const doc = eventDoc()
    const ballots = { stored: [{ a: 3 }, { b: 2 }] as Ballot[], live: new Set(['a', 'b']) }
    facilitation.publishVotes(doc, 'g0', ballots)
    expect(readGroupState(doc, 'g0')).toMatchObject({
      votesCast: 5,
      voters: 2,
      totals: null,
      revealed: false,
    })
    facilitation.publishVotes(doc, 'g0', ballots, true)
    expect(readGroupState(doc, 'g0')).toMatchObject({ totals: { a: 3, b: 2 }, revealed: true })
    facilitation.setVotingRules(doc, 'g1', { visibility: 'live', budget: 5 })
    facilitation.publishVotes(doc, 'g1', ballots)
    expect(readGroupState(doc, 'g1').totals).toEqual({ a: 3, b: 2 })
  })

  it('keeps the public counters still when an idea leaves the board before the reveal', () => {
    const doc = eventDoc()
    const stored: Ballot[] = [{ a: 3 }, { b: 2 }]
    facilitation.publishVotes(doc, 'g0', { stored, live: new Set(['b']) })
    // Counting only live ideas would say 2 dots by 1 voter: idea a had 3, all from one person.
    expect(readGroupState(doc, 'g0')).toMatchObject({ votesCast: 5, voters: 2, totals: null })
    facilitation.publishVotes(doc, 'g0', { stored, live: new Set(['b']) }, true)
    expect(readGroupState(doc, 'g0')).toMatchObject({ votesCast: 2, voters: 1, totals: { b: 2 } })
  })

  it('locks, anonymises and announces', () => {
    const doc = eventDoc()
    facilitation.setLocked(doc, 'g2', true)
    facilitation.setAnonymous(doc, 'g2', true)
    expect(readGroupState(doc, 'g2')).toMatchObject({ locked: true, anonymous: true })
    facilitation.announce(doc, ' Kahvi 5 minuutin päästä ', 'Järjestäjä', 5)
    expect(readAnnouncements(doc).map((a) => a.text)).toEqual(['Kahvi 5 minuutin päästä'])
    expect(() => facilitation.announce(doc, '', 'x', 6)).toThrow(DomainError)
  })
})
