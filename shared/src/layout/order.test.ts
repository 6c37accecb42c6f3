import { describe, expect, it } from 'vitest'
import type { Cluster, Idea } from '../doc/schema/board.js'
import { mostVotedFirst, newestFirst, sectionsOf } from './order.js'

const idea = (id: string, createdAt: number, clusterId: string | null = null): Idea => ({
  id,
  text: id,
  authorKey: 'a',
  createdAt,
  x: 0,
  y: 0,
  color: 'yellow',
  clusterId,
  tags: [],
  ageGroups: [],
  lang: 'fi',
  deletedAt: null,
  deletedBy: null,
  hidden: false,
})

const cluster = (id: string, createdAt: number): Cluster => ({
  id,
  name: id,
  x: 0,
  y: 0,
  width: 480,
  height: 360,
  createdAt,
})

describe('note order', () => {
  it('puts the newest note first', () => {
    expect(newestFirst([idea('a', 1), idea('b', 3), idea('c', 2)]).map((i) => i.id)).toEqual([
      'b',
      'c',
      'a',
    ])
  })

  it('puts the most voted first and keeps board order between equals', () => {
    const ideas = [idea('a', 1), idea('b', 2), idea('c', 3)]
    expect(mostVotedFirst(ideas, { c: 2, b: 2 }).map((i) => i.id)).toEqual(['b', 'c', 'a'])
  })

  it('groups notes by cluster in creation order, loose notes last', () => {
    const sections = sectionsOf(
      [idea('n1', 5, 'k2'), idea('n2', 1, null), idea('n3', 2, 'k1'), idea('n4', 3, 'gone')],
      [cluster('k2', 20), cluster('k1', 10), cluster('k3', 30)],
    )
    expect(sections.map((s) => [s.cluster?.id ?? null, s.ideas.map((i) => i.id)])).toEqual([
      ['k1', ['n3']],
      ['k2', ['n1']],
      ['k3', []],
      [null, ['n2', 'n4']],
    ])
  })
})
