import { describe, expect, it } from 'vitest'
import { type Seat, seatName, stampPresence } from './presence.js'

const anna: Seat = { id: 'p1', role: 'participant', name: 'Anna' }
const viewer: Seat = { id: 'viewer', role: 'viewer', name: null }

describe('presence as others see it', () => {
  it('puts the seat’s id, role and name into `user`, keeping the rest of the state', () => {
    const claimed = {
      user: { id: 'facilitator:g', name: 'Fasilitaattori', role: 'facilitator', color: '#0b5cad' },
      cursor: { x: 1, y: 2 },
    }
    expect(stampPresence(claimed, anna)).toEqual({
      user: { id: 'p1', name: 'Anna', role: 'participant', color: '#0b5cad' },
      cursor: { x: 1, y: 2 },
    })
  })

  it('names a Lexical caret by the seat, and drops a `user` that is not an object', () => {
    expect(stampPresence({ name: 'Järjestäjä', focusing: true }, anna)).toEqual({
      name: 'Anna',
      focusing: true,
    })
    expect(stampPresence({ user: 'Fasilitaattori', cursor: null }, anna)).toEqual({ cursor: null })
    expect(stampPresence(null, anna)).toBe(null)
  })

  it('lets a role link show as its role in any UI language, and as nobody else', () => {
    expect(seatName(viewer, 'Åskådare')).toBe('Åskådare')
    expect(seatName(viewer, 'Viewer')).toBe('Viewer')
    expect(seatName(viewer, 'Anna')).toBe('Katselija')
    expect(seatName(viewer, 'Fasilitaattori')).toBe('Katselija')
    expect(seatName(viewer, 42)).toBe('Katselija')
  })
})
