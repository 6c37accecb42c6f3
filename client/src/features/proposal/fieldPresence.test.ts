import { describe, expect, it } from 'vitest'
import { actionField, fieldOccupants } from './fieldPresence'

describe('who is in which field', () => {
  it('lists the others by field, each name once, and never this client', () => {
    const states = new Map<number, unknown>([
      [1, { user: { name: 'Minä' }, field: 'title' }],
      [2, { user: { name: 'Pekka' }, field: 'title' }],
      [3, { user: { name: 'Aino' }, field: 'title' }],
      [4, { user: { name: 'Pekka' }, field: 'title' }],
      [5, { user: { name: 'Laura' }, field: actionField('a1', 'timeline') }],
      [6, { user: { name: 'Ei kenttää' } }],
    ])
    const occupants = fieldOccupants(states, 1)
    expect(occupants.get('title')).toEqual(['Aino', 'Pekka'])
    expect(occupants.get('action:a1:timeline')).toEqual(['Laura'])
    expect(occupants.size).toBe(2)
  })

  it('ignores states that are not what our client writes', () => {
    const states = new Map<number, unknown>([
      [2, null],
      [3, { user: 'x', field: 'title' }],
      [4, { user: { name: ' ' }, field: 'title' }],
      [5, { user: { name: 'A' }, field: 42 }],
    ])
    expect(fieldOccupants(states, 1).size).toBe(0)
  })
})
