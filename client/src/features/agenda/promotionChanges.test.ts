import type { Promotion } from '@hytepaja/shared/doc/schema/event'
import { describe, expect, it } from 'vitest'
import { promotionChanges, promotionStates } from './promotionChanges'

const version = (n: number) => ({
  version: n,
  promotedAt: n,
  title: 't',
  body: { html: '', markdown: '', text: '' },
  actions: [],
})
const promotion = (
  groupId: string,
  versions: number,
  withdrawnAt: number | null = null,
): Promotion => ({
  groupId,
  agendaItemId: `item-${groupId}`,
  versions: Array.from({ length: versions }, (_, i) => version(i + 1)),
  withdrawnAt,
})

describe('changes on the decision agenda', () => {
  it('names a new promotion, a new version and a withdrawal, and nothing that stayed', () => {
    const before = promotionStates([promotion('a', 1), promotion('b', 1), promotion('c', 2)])
    const changes = promotionChanges(before, [
      promotion('a', 1),
      promotion('b', 2),
      promotion('c', 2, 5),
      promotion('d', 1),
    ])
    expect(changes).toEqual([
      { kind: 'promoted', groupId: 'b', version: 2 },
      { kind: 'withdrawn', groupId: 'c' },
      { kind: 'promoted', groupId: 'd', version: 1 },
    ])
  })
})
