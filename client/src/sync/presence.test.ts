import { describe, expect, it } from 'vitest'
import { initials, PRESENCE_COLORS, presenceColor, readPresent } from './presence'

const user = (id: string, name: string, role = 'participant') => ({
  user: { id, name, color: '#0b5cad', role },
})

describe('presence', () => {
  it('lists each person once, this device first', () => {
    const states = new Map<number, unknown>([
      [1, user('p2', 'Ville')],
      [2, user('p1', 'Aino')],
      [3, user('p2', 'Ville')],
      [4, user('me', 'Öljymäki')],
    ])
    const present = readPresent(states, 4)
    expect(present.map((p) => p.user.name)).toEqual(['Öljymäki', 'Aino', 'Ville'])
    expect(present[2]?.clientIds).toEqual([1, 3])
    expect(present[0]?.self).toBe(true)
  })

  it('drops states that are empty or forged', () => {
    const states = new Map<number, unknown>([
      [1, null],
      [2, { user: { id: 'x', name: '  ', role: 'participant' } }],
      [3, { user: { id: 'y', name: 'Eve', role: 'superuser' } }],
      [4, { user: { id: 'z', name: 'Zed', role: 'viewer', color: 'url(evil)' } }],
    ])
    const present = readPresent(states, 99)
    expect(present).toHaveLength(1)
    expect(present[0]?.user.color).toMatch(/^#[0-9a-f]{6}$/i)
  })

  it('makes initials from first and last name', () => {
    expect(initials('Aino Virtanen')).toBe('AV')
    expect(initials('  åsa ')).toBe('ÅS')
    expect(initials('Maija Liisa Ökkönen')).toBe('MÖ')
    expect(initials('')).toBe('?')
  })

  it('gives the same person the same colour everywhere', () => {
    expect(presenceColor('p1')).toBe(presenceColor('p1'))
    expect(PRESENCE_COLORS).toContain(presenceColor('facilitator:g1'))
  })
})
