import { CloseCode } from '@hytepaja/shared/protocol/closeCodes'
import { describe, expect, it } from 'vitest'
import { INITIAL_STATUS, isTerminal, type SyncStatus, summarise } from './connectionState'

const status = (change: Partial<SyncStatus>): SyncStatus => ({ ...INITIAL_STATUS, ...change })
const writer = { readOnly: false }

describe('connection summary', () => {
  it('says "saved" only when connected, synced and nothing is pending', () => {
    expect(summarise(status({ connection: 'connected', synced: true }), writer)).toBe('saved')
    expect(
      summarise(status({ connection: 'connected', synced: true, unsaved: true }), writer),
    ).toBe('saving')
    expect(summarise(status({ connection: 'connected' }), writer)).toBe('connecting')
  })

  it('does not promise saving to someone who can only read', () => {
    expect(summarise(status({ connection: 'connected', synced: true }), { readOnly: true })).toBe(
      'live',
    )
  })

  it('turns repeated failed attempts into "offline"', () => {
    expect(summarise(status({ connection: 'connecting' }), writer)).toBe('connecting')
    expect(summarise(status({ connection: 'connecting', failedAttempts: 3 }), writer)).toBe(
      'offline',
    )
    expect(summarise(status({ connection: 'disconnected', unsaved: true }), writer)).toBe('offline')
  })

  it('names each terminal close code', () => {
    const closed = (code: number) => status({ closed: { code, reason: '' } })
    expect(summarise(closed(CloseCode.Revoked), writer)).toBe('revoked')
    expect(summarise(closed(CloseCode.Forbidden), writer)).toBe('forbidden')
    expect(summarise(closed(CloseCode.Gone), writer)).toBe('gone')
    expect(summarise(closed(CloseCode.BadMessage), writer)).toBe('broken')
    expect(isTerminal('revoked')).toBe(true)
    expect(isTerminal('offline')).toBe(false)
  })
})
