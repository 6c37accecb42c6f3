import type { Cluster, Idea } from '@hytepaja/shared/doc/schema/board'
import { intersects } from '@hytepaja/shared/layout/canvas'
import { FRAME_HEADER, FRAME_PADDING } from '@hytepaja/shared/layout/clusterLayout'
import { describe, expect, it } from 'vitest'
import type { NoteView } from '../noteView'
import { canvasLayout } from './frames'
import { endOfCluster, placementsInto } from './placements'

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
  unsent: false,
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
  it('adds them after the notes already in it, all side by side without overlap', () => {
    const inside = view('in', 1016, 72, 'k')
    const a = view('a', 24, 24)
    const b = view('b', 272, 24)
    const placed = placementsInto([a, b], 'k', [inside, a, b], [frame])
    expect(placed.map((p) => p.id)).toEqual(['in', 'a', 'b'])
    expect(placed[0]).toEqual({
      id: 'in',
      x: 1000 + FRAME_PADDING,
      y: FRAME_HEADER,
      clusterId: 'k',
    })
    const moved = [inside, a, b].map((n) => {
      const p = placed.find((q) => q.id === n.idea.id)
      return { ...n, idea: { ...n.idea, x: p?.x ?? 0, y: p?.y ?? 0, clusterId: 'k' } }
    })
    const rects = [...canvasLayout(moved, [frame]).rects.values()]
    for (const [i, r] of rects.entries())
      for (const o of rects.slice(i + 1)) expect(intersects(r, o)).toBe(false)
  })

  it('never writes a hidden note (it is not on the board document)', () => {
    const hidden = view('h', 1016, 72, 'k')
    hidden.idea.hidden = true
    const joining = view('a', 24, 24)
    const placed = placementsInto([joining], 'k', [hidden, joining], [frame])
    expect(placed.map((p) => p.id)).toEqual(['a'])
  })

  it('changes nothing for a note already in the cluster', () => {
    const inside = view('in', 1100, 90, 'k')
    expect(placementsInto([inside], 'k', [inside], [frame])).toEqual([])
  })

  it('takes notes out of every cluster to below everything else', () => {
    const inside = view('in', 1016, 56, 'k')
    const other = view('o', 24, 24)
    const [out] = placementsInto([inside], null, [inside, other], [frame])
    expect(out?.clusterId).toBeNull()
    expect(out?.y).toBeGreaterThan(400)
  })
})

describe('a new note written into a cluster', () => {
  it("comes last in the cluster's order, beside the notes already in it", () => {
    const inside = [view('a', 1016, 72, 'k'), view('b', 1264, 72, 'k')]
    const spot = endOfCluster(frame, { text: 'Uusi', tags: [], ageGroups: [] }, inside)
    const added = { ...view('new', spot.x, spot.y, 'k') }
    const layout = canvasLayout([...inside, added], [frame])
    expect(layout.frames[0]?.members.map((m) => m.idea.id)).toEqual(['a', 'b', 'new'])
    const rects = [...layout.rects.values()]
    for (const [i, r] of rects.entries())
      for (const o of rects.slice(i + 1)) expect(intersects(r, o)).toBe(false)
  })
})
