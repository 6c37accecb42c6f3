import { describe, expect, it } from 'vitest'
import { type AwarenessView, judge, type Verdict } from './awarenessPolicy.js'
import type { AwarenessEntry } from './protocol.js'

const ROOM = 1
const X = 42

function view(over: Partial<AwarenessView> = {}): AwarenessView {
  return {
    roomClient: ROOM,
    known: () => undefined,
    owner: () => 'none',
    joinedAfterRemoval: () => false,
    ...over,
  }
}

const entry = (clock: number, state: unknown = { name: 'x' }): AwarenessEntry => ({
  client: X,
  clock,
  removed: state === null,
  state: JSON.stringify(state),
})

const shown = (clock: number) => () => ({ clock, shown: true })
const removed = (clock: number) => () => ({ clock, shown: false })

const cases: Array<[string, AwarenessEntry, AwarenessView, Verdict]> = [
  ['the sender’s own client, whatever the clock', entry(0), view({ owner: () => 'sender' }), 'own'],
  ['its own removal', entry(5, null), view({ owner: () => 'sender', known: shown(4) }), 'own'],
  ['a client nobody has seen', entry(1), view(), 'claim'],
  ['news about a client nobody speaks for', entry(6), view({ known: removed(5) }), 'claim'],
  [
    'a repeat of another connection’s client',
    entry(5),
    view({ owner: () => 'other', known: shown(5) }),
    'echo',
  ],
  [
    'an older state of another connection’s client',
    entry(3),
    view({ owner: () => 'other', known: shown(5) }),
    'echo',
  ],
  [
    'a newer state of another connection’s client',
    entry(6),
    view({ owner: () => 'other', known: shown(5) }),
    'refuse',
  ],
  ['the room’s own id', { ...entry(9), client: ROOM }, view(), 'refuse'],
  [
    'a removal of a client it does not speak for',
    entry(9, null),
    view({ known: shown(5) }),
    'refuse',
  ],
  [
    'a stale state of a shown client nobody speaks for',
    entry(5),
    view({ known: shown(5) }),
    'refuse',
  ],
  [
    'a late echo of someone who left, from an older socket',
    entry(5),
    view({ known: removed(5) }),
    'refuse',
  ],
  [
    'the same state from a socket that joined after the removal',
    entry(5),
    view({ known: removed(5), joinedAfterRemoval: () => true }),
    'return',
  ],
]

describe('judging an awareness entry', () => {
  it.each(cases)('%s', (_what, e, v, verdict) => {
    expect(judge(e, v)).toBe(verdict)
  })
})
