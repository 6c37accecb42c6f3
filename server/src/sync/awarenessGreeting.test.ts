import { describe, expect, it } from 'vitest'
import * as awarenessProtocol from 'y-protocols/awareness'
import * as Y from 'yjs'
import { AwarenessGreeting } from './awarenessGreeting.js'
import { encodeAwareness } from './protocol.js'

/** What y-protocols encodes for every shown client, framed as an awareness message. */
const expected = (awareness: awarenessProtocol.Awareness) =>
  encodeAwareness(awareness, [...awareness.getStates().keys()])

/** A client's awareness update, as a peer would send it. */
function peerUpdate(client: number, clock: number, state: unknown): Uint8Array {
  const doc = new Y.Doc()
  doc.clientID = client
  const awareness = new awarenessProtocol.Awareness(doc)
  awareness.meta.set(client, { clock: clock - 1, lastUpdated: 0 })
  // A peer may send any JSON as its state, not only an object.
  awareness.setLocalState(state as { [x: string]: unknown } | null)
  const update = awarenessProtocol.encodeAwarenessUpdate(awareness, [client])
  awareness.destroy()
  doc.destroy()
  return update
}

describe('the awareness greeting of a joiner', () => {
  it('is what y-protocols encodes for every shown client, after every kind of change', () => {
    const room = new awarenessProtocol.Awareness(new Y.Doc())
    room.setLocalState(null)
    const greeting = new AwarenessGreeting(room)
    expect(greeting.frame()).toBeNull()

    const apply = (client: number, clock: number, state: unknown) =>
      awarenessProtocol.applyAwarenessUpdate(room, peerUpdate(client, clock, state), 'peer')
    apply(11, 1, { user: { name: 'Aino', color: '#30bced' }, cursor: null })
    apply(22, 1, { user: { name: 'Bo' } })
    expect(greeting.frame()).toEqual(expected(room))
    // A renewal (same state, newer clock), a change, a name with characters beyond ASCII.
    apply(11, 2, { user: { name: 'Aino', color: '#30bced' }, cursor: null })
    expect(greeting.frame()).toEqual(expected(room))
    apply(22, 2, { user: { name: 'Bö 🙂' }, cursor: { x: 1 } })
    expect(greeting.frame()).toEqual(expected(room))
    // States that are not objects are shown too.
    apply(33, 1, 7)
    apply(44, 1, 'just a string')
    expect(greeting.frame()).toEqual(expected(room))
    // A removal, then the client back under a newer clock.
    apply(11, 3, null)
    expect(greeting.frame()).toEqual(expected(room))
    apply(11, 4, { user: { name: 'Aino again' } })
    expect(greeting.frame()).toEqual(expected(room))
    expect([...room.getStates().keys()]).toEqual([22, 33, 44, 11])
    // Numbers and lengths of several bytes: a client id past 2^31, a clock past 127, a state
    // whose JSON is longer than 127 bytes.
    apply(4_000_000_000, 300, { user: { name: 'Å'.repeat(200) } })
    expect(greeting.frame()).toEqual(expected(room))
    room.destroy()
  })
})
