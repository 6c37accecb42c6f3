import { describe, expect, it } from 'vitest'
import { addToBatch, newIdeaIds } from './newIdeas'

describe('new ideas on the viewer', () => {
  it('finds the ideas not seen before', () => {
    expect(newIdeaIds(new Set(['a', 'b']), ['a', 'b', 'c', 'd'])).toEqual(['c', 'd'])
    expect(newIdeaIds(new Set(), [])).toEqual([])
  })

  it('sums a batch per group', () => {
    let batch = addToBatch([], 'Arjen turvallisuus', 1)
    batch = addToBatch(batch, 'Mielen hyvinvointi', 2)
    batch = addToBatch(batch, 'Arjen turvallisuus', 2)
    batch = addToBatch(batch, 'Liikunta', 0)
    expect(batch).toEqual([
      { group: 'Arjen turvallisuus', count: 3 },
      { group: 'Mielen hyvinvointi', count: 2 },
    ])
  })
})
