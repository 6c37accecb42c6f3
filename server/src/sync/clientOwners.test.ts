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
    claimWithNextEdits: (name, clients, seat) => {
      withEdits.push({ clients, seat })
      const committed = new Promise((resolve) => setTimeout(resolve, 1)).then(() =>
        inner.claim(name, clients, seat),
      )
      commits.push(committed)
      return committed
    },
  }
  const withEdits: Array<{ clients: readonly number[]; seat: string }> = []
  /** The commits carrying claims made with edits, to wait for. */
  const commits: Array<Promise<unknown>> = []
  return { store, asked, withEdits, commits, inner }
}

/** A document with changes under client id 7 (written on another instance, say). */
function writtenUnder7(): Y.Doc {
  const elsewhere = new Y.Doc()
  elsewhere.clientID = 7
  elsewhere.getMap('m').set('k', 1)
  const doc = new Y.Doc()
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(elsewhere))
  return doc
}

const BOARD = 'board:e1:g1'

describe('the owners of a document’s Yjs client ids', () => {
  it('takes an id nothing was written under at once, its claim going with the next edits', async () => {
    const { store, asked, withEdits, commits, inner } = storeAnsweringLater()
    const owners = new ClientOwners(BOARD, new Y.Doc(), store)
    const writes = new Map([[7, 1]])
    expect(owners.claim([7], 'anna')).toBe(null)
    expect(owners.judge(writes, 'anna')).toEqual({ kind: 'own' })
    expect(owners.judge(writes, 'bertta')).toEqual({ kind: 'foreign', client: 7 })
    expect(withEdits).toEqual([{ clients: [7], seat: 'anna' }])
    expect(asked).toEqual([])
    // Another instance stored its claim of id 8 first: once the commit says so, it stands here.
    inner.claim(BOARD, [8], 'bertta')
    expect(owners.claim([8], 'anna')).toBe(null)
    await Promise.all(commits)
    expect(owners.judge(new Map([[8, 1]]), 'anna')).toEqual({ kind: 'foreign', client: 8 })
    expect(owners.judge(new Map([[8, 1]]), 'bertta')).toEqual({ kind: 'own' })
  })

  it('asks a store that answers later once for an id with changes but no seat, which is the seat’s once answered', async () => {
    const { store, asked } = storeAnsweringLater()
    const owners = new ClientOwners(BOARD, writtenUnder7(), store)
    const writes = new Map([[7, 2]])
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
    const owners = new ClientOwners(BOARD, writtenUnder7(), store)
    const first = owners.claim([7], 'anna')
    const second = owners.claim([7], 'bertta')
    await Promise.all([first, second])
    expect(asked).toEqual([
      { clients: [7], seat: 'anna' },
      { clients: [7], seat: 'bertta' },
    ])
    // The first claim stands, for both seats alike.
    expect(owners.judge(new Map([[7, 2]]), 'anna')).toEqual({ kind: 'own' })
  })
})
