import { describe, expect, it } from 'vitest'
import { boardAccess } from './access'

const board = { eventId: 'ev', groupId: 'g1' }
const open = { locked: false }

describe('board access', () => {
  it('lets the group write and says why others cannot', () => {
    expect(boardAccess({ eventId: 'ev', role: 'participant', groupId: 'g1' }, board, open)).toEqual(
      { canWrite: true, reason: null },
    )
    expect(
      boardAccess({ eventId: 'ev', role: 'participant', groupId: 'g2' }, board, open).reason,
    ).toBe('otherGroup')
    expect(boardAccess({ eventId: 'ev', role: 'viewer', groupId: null }, board, open).reason).toBe(
      'viewOnly',
    )
  })

  it('makes participants read-only while the board is locked, not the facilitator', () => {
    const locked = { locked: true }
    expect(
      boardAccess({ eventId: 'ev', role: 'participant', groupId: 'g1' }, board, locked).reason,
    ).toBe('locked')
    expect(
      boardAccess({ eventId: 'ev', role: 'facilitator', groupId: 'g1' }, board, locked).canWrite,
    ).toBe(true)
    expect(
      boardAccess({ eventId: 'ev', role: 'organiser', groupId: null }, board, locked).canWrite,
    ).toBe(true)
  })
})
