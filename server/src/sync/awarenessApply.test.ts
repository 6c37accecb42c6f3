import { describe, expect, it } from 'vitest'
import * as awarenessProtocol from 'y-protocols/awareness'
import * as Y from 'yjs'
import { applyAwarenessEntries, type EntryToApply } from './awarenessApply.js'
import { awarenessEntries, encodeAwarenessEntries } from './protocol.js'

type Change = { added: number[]; updated: number[]; removed: number[] }

/** A room's awareness that records its events: name, change and origin, in order. */
function recordedAwareness() {
  const awareness = new awarenessProtocol.Awareness(new Y.Doc())
  awareness.setLocalState(null)
  const events: Array<[string, Change, unknown]> = []
  awareness.on('change', (change: Change, origin: unknown) =>
    events.push(['change', change, origin]),
  )
  awareness.on('update', (change: Change, origin: unknown) =>
    events.push(['update', change, origin]),
  )
  return { awareness, events }
}

/**
 * Peers' states and clocks (not the room's own entry, whose id is random, nor the times, which
 * y-protocols stamps with the clock on the wall).
 */
const shown = (awareness: awarenessProtocol.Awareness) => ({
  states: [...awareness.getStates()],
  clocks: [...awareness.meta]
    .filter(([client]) => client !== awareness.clientID)
    .map(([client, meta]) => [client, meta.clock]),
})

const entry = (client: number, clock: number, state: unknown): EntryToApply => ({
  client,
  clock,
  state: JSON.stringify(state),
})

/** Messages covering what a peer can send: new, renewed, changed, stale, removed, unknown. */
const messages: EntryToApply[][] = [
  [entry(11, 1, { user: { name: 'Aino', color: '#30bced' }, cursor: null })],
  [entry(22, 1, { user: { name: 'Bö 🙂' } }), entry(33, 4, 'a string state')],
  // The same state under a newer clock (a renewal: an update, no change).
  [entry(11, 2, { user: { name: 'Aino', color: '#30bced' }, cursor: null })],
  // A change, and an entry older than what the room has (ignored).
  [entry(22, 3, { user: { name: 'Bo' }, cursor: { x: 1 } }), entry(11, 1, { stale: true })],
  // Removals: at a newer clock, at the same clock, and of a client never shown.
  [entry(22, 4, null), entry(11, 2, null), entry(44, 1, null)],
  // A removal again (nothing shown any more), and a client that comes back.
  [entry(22, 4, null), entry(11, 3, { user: { name: 'Aino' } })],
]

describe('applying decoded awareness entries', () => {
  it('changes the awareness and tells its listeners exactly as y-protocols does', () => {
    const theirs = recordedAwareness()
    const ours = recordedAwareness()
    const parsedToo = recordedAwareness()
    for (const [i, message] of messages.entries()) {
      awarenessProtocol.applyAwarenessUpdate(
        theirs.awareness,
        encodeAwarenessEntries(message),
        `peer ${i}`,
      )
      applyAwarenessEntries(ours.awareness, message, `peer ${i}`)
      // As the room applies a peer's message: decoded, each state parsed once already.
      applyAwarenessEntries(
        parsedToo.awareness,
        awarenessEntries(encodeAwarenessEntries(message)),
        `peer ${i}`,
      )
      expect(shown(ours.awareness)).toEqual(shown(theirs.awareness))
      expect(shown(parsedToo.awareness)).toEqual(shown(theirs.awareness))
    }
    expect(theirs.events.length).toBeGreaterThan(8)
    expect(ours.events).toEqual(theirs.events)
    expect(parsedToo.events).toEqual(theirs.events)
    // What the room shows in the end, as a sanity check of the sequence itself.
    expect(shown(theirs.awareness).states).toEqual([
      [33, 'a string state'],
      [11, { user: { name: 'Aino' } }],
    ])
  })

  it('takes an entry’s parsed state as the state it shows', () => {
    const { awareness } = recordedAwareness()
    const value = { user: { name: 'Aino', id: 'p1', role: 'participant' } }
    applyAwarenessEntries(
      awareness,
      [{ client: 5, clock: 1, state: JSON.stringify(value), value }],
      'x',
    )
    expect(awareness.getStates().get(5)).toBe(value)
  })
})
