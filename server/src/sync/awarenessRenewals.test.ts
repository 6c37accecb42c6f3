import type { Seat } from '@hytepaja/shared/domain/presence'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import * as awarenessProtocol from 'y-protocols/awareness'
import * as Y from 'yjs'
import {
  clientAwareness,
  destroyRooms,
  type FakePeer,
  fakePeer,
  kinds,
  room,
} from '../testing/roomFixture.js'

// Renewals (a client's same state under a newer clock, every 15 s) wait longer than news
// before the room relays them (outbox.ts); the room tells the two apart (roomAwareness.ts).

beforeEach(() => {
  vi.useFakeTimers()
})
afterEach(() => {
  destroyRooms()
  vi.useRealTimers()
})

const WINDOWS = { awarenessWindowMs: 40, awarenessRenewalWindowMs: 2_000 }

/** The awareness states a peer was sent after `from`, as a client would show them. */
function shownTo(peer: FakePeer, from: number) {
  const view = new awarenessProtocol.Awareness(new Y.Doc())
  let messages = 0
  for (const m of kinds(peer, from)) {
    if (m.type !== 'awareness') continue
    messages++
    awarenessProtocol.applyAwarenessUpdate(view, m.payload, 'server')
  }
  const states = new Map(view.getStates())
  view.doc.destroy()
  return { messages, states }
}

/** Two peers in a room; the first shows a client, and everyone has been sent it. */
function shown(state: Record<string, unknown>, seat?: Seat) {
  const { room: r } = room(WINDOWS)
  const a: FakePeer = seat ? { ...fakePeer(), seat: () => seat } : fakePeer()
  const b = fakePeer()
  r.attach(a)
  r.attach(b)
  const me = clientAwareness(state)
  r.receive(a, me.frame())
  vi.advanceTimersByTime(WINDOWS.awarenessWindowMs)
  return { r, a, b, me }
}

describe('awareness renewals', () => {
  it('relays a renewal of the same state within the renewal window, news within the short one', () => {
    const { r, a, b, me } = shown({ name: 'Aino' })
    let mark = b.frames.length
    me.awareness.setLocalState({ name: 'Aino' })
    r.receive(a, me.frame())
    vi.advanceTimersByTime(WINDOWS.awarenessRenewalWindowMs / 2)
    expect(shownTo(b, mark).messages).toBe(0)
    vi.advanceTimersByTime(WINDOWS.awarenessRenewalWindowMs / 2)
    expect(shownTo(b, mark).messages).toBe(1)
    // The renewal reached the sender too (its watchdog counts it as a sign of life).
    expect(r.awareness.meta.get(me.id)?.clock).toBe(me.awareness.meta.get(me.id)?.clock)

    mark = b.frames.length
    me.awareness.setLocalState({ name: 'Aino', cursor: [1, 2] })
    r.receive(a, me.frame())
    vi.advanceTimersByTime(WINDOWS.awarenessWindowMs)
    expect(shownTo(b, mark).states.get(me.id)).toEqual({ name: 'Aino', cursor: [1, 2] })
    me.doc.destroy()
  })

  it('takes the same state as news once the room has stopped showing its client', () => {
    const { r, a, b, me } = shown({ name: 'Aino' })
    // Not renewed for longer than the awareness timeout (30 s): the room removes the client
    // (as its awareness does then; its clock is lib0's, which fake timers do not reach).
    awarenessProtocol.removeAwarenessStates(r.awareness, [me.id], 'timeout')
    expect(r.awareness.getStates().has(me.id)).toBe(false)
    vi.advanceTimersByTime(WINDOWS.awarenessWindowMs)
    const mark = b.frames.length
    me.awareness.setLocalState({ name: 'Aino' })
    r.receive(a, me.frame())
    vi.advanceTimersByTime(WINDOWS.awarenessWindowMs)
    expect(shownTo(b, mark).states.get(me.id)).toEqual({ name: 'Aino' })
    me.doc.destroy()
  })

  it('stamps a renewed state with the seat as it is now, not as it was', () => {
    const seat: Seat = { id: 'p1', role: 'participant', name: 'Aino Aalto' }
    const { r, a, b, me } = shown({ user: { name: 'anything' } }, seat)
    expect(r.awareness.getStates().get(me.id)).toEqual({
      user: { name: 'Aino Aalto', id: 'p1', role: 'participant' },
    })
    // Renewed unchanged: shown as before.
    me.awareness.setLocalState({ user: { name: 'anything' } })
    r.receive(a, me.frame())
    vi.advanceTimersByTime(WINDOWS.awarenessRenewalWindowMs)
    expect(r.awareness.getStates().get(me.id)).toEqual({
      user: { name: 'Aino Aalto', id: 'p1', role: 'participant' },
    })
    // The seat was renamed: the same state shows the new name, at once (it is news).
    seat.name = 'Aino Virtanen'
    const mark = b.frames.length
    me.awareness.setLocalState({ user: { name: 'anything' } })
    r.receive(a, me.frame())
    vi.advanceTimersByTime(WINDOWS.awarenessWindowMs)
    const expected = { user: { name: 'Aino Virtanen', id: 'p1', role: 'participant' } }
    expect(r.awareness.getStates().get(me.id)).toEqual(expected)
    expect(shownTo(b, mark).states.get(me.id)).toEqual(expected)
    me.doc.destroy()
  })
})
