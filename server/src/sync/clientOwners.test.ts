import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { type ClientSeatStore, memoryClientSeatStore } from '../store/clientSeats.js'
import { ClientOwners } from './clientOwners.js'

/**
 * The store in memory answering a round trip later, as PostgreSQL does (and SQLite while a
 * transaction holds its connection), counting what it is asked.
 */
function storeAnsweringLater() {
  const inner = memoryClientSeatStore()
  const asked: Array<{ clients: readonly number[]; seat: string }> = []
  const store: ClientSeatStore = {
    load: (name) => inner.load(name),
    claim: async (name, clients, seat) => {
      asked.push({ clients, seat })
      await new Promise((resolve) => setTimeout(resolve, 1))
      return inner.claim(name, clients, seat)
    },
  }
  return { store, asked }
}

const BOARD = 'board:e1:g1'

describe('the owners of a document’s Yjs client ids', () => {
  it('asks a store that answers later once for a new id, which is the seat’s once answered', async () => {
    const { store, asked } = storeAnsweringLater()
    const owners = new ClientOwners(BOARD, new Y.Doc(), store)
    const writes = new Map([[7, 1]])
    expect(owners.judge(writes, 'anna')).toEqual({ kind: 'unknown', clients: [7] })
    const recording = owners.claim([7], 'anna')
    expect(recording).toBeInstanceOf(Promise)
    await recording
    expect(asked).toEqual([{ clients: [7], seat: 'anna' }])
    expect(owners.judge(writes, 'anna')).toEqual({ kind: 'own' })
    expect(owners.judge(writes, 'bertta')).toEqual({ kind: 'foreign', client: 7 })
  })

  it('records claims that wait for the store in the order they were made', async () => {
    const { store, asked } = storeAnsweringLater()
    const owners = new ClientOwners(BOARD, new Y.Doc(), store)
    const first = owners.claim([7], 'anna')
    const second = owners.claim([7], 'bertta')
    await Promise.all([first, second])
    expect(asked).toEqual([
      { clients: [7], seat: 'anna' },
      { clients: [7], seat: 'bertta' },
    ])
    // The first claim stands, for both seats alike.
    expect(owners.judge(new Map([[7, 1]]), 'anna')).toEqual({ kind: 'own' })
  })
})
