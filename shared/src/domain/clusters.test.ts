import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { readClusters, readIdeas } from '../doc/schema/board.js'
import { connect } from '../testing/relay.js'
import * as clusters from './clusters.js'
import * as ideas from './ideas.js'
import type { Actor } from './roles.js'

const fasi: Actor = { id: 'facilitator:g', name: 'F', role: 'facilitator', groupId: 'g' }
const anna: Actor = { id: 'p-anna', name: 'Anna', role: 'participant', groupId: 'g' }

describe('clusters', () => {
  it('lets the facilitator make, rename and remove clusters, and anyone sort notes into them', () => {
    const a = new Y.Doc()
    const b = new Y.Doc()
    connect(a, b)
    const cid = clusters.add(a, { name: 'Liikunta', x: 100, y: 100 }, fasi)
    const idea = ideas.add(b, { text: 'Kävelykerho' }, anna)
    ideas.moveToCluster(b, idea, cid, anna)
    clusters.rename(a, cid, 'Liikkuminen', fasi)
    expect(readClusters(b).map((c) => c.name)).toEqual(['Liikkuminen'])
    expect(readIdeas(a)[0]?.clusterId).toBe(cid)
    clusters.remove(b, cid, fasi)
    expect(readClusters(a)).toEqual([])
    expect(readIdeas(a)[0]?.clusterId).toBeNull()
  })

  it('refuses clusters from participants and moves into clusters that do not exist', () => {
    const doc = new Y.Doc()
    expect(() => clusters.add(doc, { name: 'Oma' }, anna)).toThrow(/facilitator/)
    const idea = ideas.add(doc, { text: 'x' }, anna)
    expect(() => ideas.moveToCluster(doc, idea, 'nope', anna)).toThrow(/no cluster/)
    expect(() => clusters.add(doc, { name: ' ' }, fasi)).toThrow()
  })
})
