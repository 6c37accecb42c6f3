import { describe, expect, it } from 'vitest'
import type { Cluster } from '../doc/schema/board.js'
import { layoutBoard } from './board.js'
import { intersects } from './canvas.js'
import { FRAME_HEADER } from './clusterLayout.js'

const idea = (id: string, x: number, y: number, clusterId: string | null, text = 'Idea') => ({
  id,
  x,
  y,
  clusterId,
  text,
  tags: [],
  ageGroups: [],
  hidden: false,
})
const cluster: Cluster = {
  id: 'k',
  name: 'Liikenne',
  x: 1000,
  y: 0,
  width: 504,
  height: 240,
  createdAt: 1,
}

describe('the board as drawn', () => {
  it('draws free notes where they were put and cluster notes in their arrangement', () => {
    const layout = layoutBoard(
      [
        idea('free', 40, 40, null),
        idea('a', 1010, 10, 'k'),
        idea(
          'b',
          1010,
          10,
          'k',
          'Toinen idea, joka on pidempi kuin ensimmäinen ja vie useamman rivin',
        ),
      ],
      [cluster],
    )
    expect(layout.notes.get('free')).toMatchObject({ x: 40, y: 40 })
    const a = layout.notes.get('a')
    const b = layout.notes.get('b')
    expect(a?.y).toBe(FRAME_HEADER)
    expect(a && b && intersects(a, b)).toBe(false)
    expect(layout.frames[0]?.members).toEqual(['a', 'b'])
  })

  it('arranges the shown notes the same whether or not a hidden one is on the screen', () => {
    const hidden = { ...idea('h', 1000, 0, 'k'), hidden: true }
    const shown = [idea('a', 1016, 72, 'k'), idea('b', 1264, 72, 'k')]
    const facilitator = layoutBoard([hidden, ...shown], [cluster])
    const participant = layoutBoard(shown, [cluster])
    for (const id of ['a', 'b'])
      expect(facilitator.notes.get(id)).toEqual(participant.notes.get(id))
    expect(facilitator.frames[0]?.members).toEqual(['a', 'b', 'h'])
  })

  it('treats a note of a cluster that is gone as a free note', () => {
    const layout = layoutBoard([idea('lost', 5, 6, 'gone')], [])
    expect(layout.notes.get('lost')).toMatchObject({ x: 5, y: 6 })
  })
})
