import { describe, expect, it } from 'vitest'
import { INITIAL_STATUS, type SyncStatus } from '../../sync/connectionState'
import { combineStatus } from './combinedStatus'

const saved: SyncStatus = {
  ...INITIAL_STATUS,
  connection: 'connected',
  synced: true,
  loadedLocal: true,
}

describe('one status for several documents', () => {
  it('is saved only when every document is', () => {
    expect(combineStatus([saved, saved])).toEqual(saved)
    expect(combineStatus([saved, { ...saved, unsaved: true }]).unsaved).toBe(true)
    expect(combineStatus([saved, { ...saved, synced: false }]).synced).toBe(false)
  })

  it('takes the weakest connection and the first terminal close', () => {
    const closed = { code: 4403, reason: 'forbidden' }
    const result = combineStatus([saved, { ...saved, connection: 'disconnected', closed }])
    expect(result.connection).toBe('disconnected')
    expect(result.closed).toEqual(closed)
  })
})
