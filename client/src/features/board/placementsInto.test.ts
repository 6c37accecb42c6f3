import type { Cluster, Idea } from '@hytepaja/shared/doc/schema'
import { NOTE_HEIGHT } from '@hytepaja/shared/layout/placement'
import { describe, expect, it } from 'vitest'
import type { NoteView } from './noteView'
import { placementsInto } from './useNoteHandlers'

const view = (id: string, x: number, y: number, clusterId: string | null = null): NoteView => ({
  idea: {
    id,
    text: id,
    authorKey: 'a',
    createdAt: 0,
    x,
    y,
    color: 'yellow',
    clusterId,
    tags: [],
    ageGroups: [],
    lang: 'fi',
    deletedAt: null,
    deletedBy: null,
    hidden: false,
  } satisfies Idea,
  own: true,
  changeable: true,
  movable: true,
  author: 'A',
  anonymous: false,
  votes: null,
  myVotes: 0,
  clusterName: null,
})

const frame: Cluster = {
  id: 'k',
  name: 'Liikunta',
  x: 1000,
  y: 0,
  width: 520,
  height: 400,
  createdAt: 1,
}

describe('putting notes into a cluster from a menu', () => {
  it('fills the free cells of the frame, next to the notes already in it', () => {
    const inside = view('in', 1016, 56, 'k')
    const a = view('a', 24, 24)
    const b = view('b', 272, 24)
    const placed = placementsInto([a, b], 'k', [inside, a, b], [frame])
    expect(placed).toEqual([
      { id: 'a', x: 1256, y: 56, clusterId: 'k' },
      { id: 'b', x: 1016, y: 56 + NOTE_HEIGHT + 16, clusterId: 'k' },
    ])
  })

  it('leaves a note already in the cluster where it is', () => {
    const inside = view('in', 1100, 90, 'k')
    expect(placementsInto([inside], 'k', [inside], [frame])).toEqual([
      { id: 'in', x: 1100, y: 90, clusterId: 'k' },
    ])
  })

  it('takes notes out of every cluster to below everything else', () => {
    const inside = view('in', 1016, 56, 'k')
    const other = view('o', 24, 24)
    const [out] = placementsInto([inside], null, [inside, other], [frame])
    expect(out?.clusterId).toBeNull()
    expect(out?.y).toBeGreaterThan(400)
  })
})
