import { describe, expect, it } from 'vitest'
import { memoryStore } from '../device/storage'
import { type Credential, createCredentialStore } from './credentials'

const participant = (token: string, groupId: string, name = 'Aino'): Credential => ({
  token,
  role: 'participant',
  groupId,
  participant: { id: `p-${token}`, displayName: name, organisation: null },
  eventTitle: 'Hyte-neuvottelu',
})

const shared = (token: string, role: Credential['role'], groupId: string | null = null) => ({
  token,
  role,
  groupId,
  participant: null,
  eventTitle: 'Hyte-neuvottelu',
})

describe('credential store', () => {
  it('keeps one seat per event, the newest one', () => {
    const store = createCredentialStore(memoryStore())
    store.remember('ev1', participant('a', 'g1'))
    store.remember('ev1', participant('b', 'g2', 'Bertta'))
    expect(store.seat('ev1')?.token).toBe('b')
    expect(store.list('ev1')).toHaveLength(1)
  })

  it('keeps a facilitator link per group and a link per shared role', () => {
    const store = createCredentialStore(memoryStore())
    store.remember('ev1', shared('f1', 'facilitator', 'g1'))
    store.remember('ev1', shared('f2', 'facilitator', 'g2'))
    store.remember('ev1', shared('v1', 'viewer'))
    store.remember('ev1', shared('v2', 'viewer'))
    expect(store.list('ev1').map((c) => c.token)).toEqual(['v2', 'f2', 'f1'])
  })

  it('remembers a facilitator’s own seat beside the group’s shared link and opens the board with it', () => {
    const storage = memoryStore()
    const store = createCredentialStore(storage)
    store.remember('ev1', shared('shared-g1', 'facilitator', 'g1'))
    store.remember('ev1', {
      ...shared('own-g1', 'facilitator', 'g1'),
      facilitator: { id: 's1', name: 'Aino Aalto' },
    })
    // Opening the shared link again must not make the browser forget who it said it was.
    store.remember('ev1', shared('shared-g1', 'facilitator', 'g1'))
    const reloaded = createCredentialStore(storage)
    expect(reloaded.forBoard('ev1', 'g1')?.token).toBe('own-g1')
    expect(reloaded.facilitatorSeat('ev1', 'g1')?.facilitator).toEqual({
      id: 's1',
      name: 'Aino Aalto',
    })
    expect(reloaded.facilitatorSeat('ev1', 'g2')).toBeNull()
  })

  it('survives a reload through the same storage', () => {
    const storage = memoryStore()
    createCredentialStore(storage).remember('ev1', participant('a', 'g1'))
    expect(createCredentialStore(storage).seat('ev1')?.participant?.displayName).toBe('Aino')
  })

  it('picks a token that may write the board before one that may only read it', () => {
    const store = createCredentialStore(memoryStore())
    store.remember('ev1', shared('view', 'viewer'))
    store.remember('ev1', participant('seat', 'g1'))
    store.remember('ev1', shared('fac2', 'facilitator', 'g2'))
    expect(store.forBoard('ev1', 'g1')?.token).toBe('seat')
    expect(store.forBoard('ev1', 'g2')?.token).toBe('fac2')
    // No writer for g3: the participant's own seat reads it before a shared link.
    expect(store.forBoard('ev1', 'g3')?.token).toBe('seat')
    expect(store.forBoard('other', 'g1')).toBeNull()
  })

  it('forgets a revoked token and the event once nothing is left', () => {
    const store = createCredentialStore(memoryStore())
    store.remember('ev1', participant('a', 'g1'))
    store.forget('ev1', 'a')
    expect(store.list('ev1')).toEqual([])
    expect(store.eventIds()).toEqual([])
  })

  it('ignores broken stored data instead of crashing', () => {
    const storage = memoryStore()
    storage.setItem('hytepaja:credentials:v1', '{"events":{"ev1":[{"token":3},"x",null]}}')
    expect(createCredentialStore(storage).list('ev1')).toEqual([])
    storage.setItem('hytepaja:credentials:v1', 'not json')
    expect(createCredentialStore(storage).eventIds()).toEqual([])
  })

  it('keeps the console key apart from event links', () => {
    const store = createCredentialStore(memoryStore())
    store.rememberConsoleKey('key')
    expect(store.consoleKey()).toBe('key')
    expect(store.eventIds()).toEqual([])
  })
})
