import type { Idea } from '@hytepaja/shared/doc/schema/board'
import type { Actor } from '@hytepaja/shared/domain/roles'
import { describe, expect, it } from 'vitest'
import { viewNotes } from './noteView'

const idea = (id: string, authorKey: string, extra: Partial<Idea> = {}): Idea => ({
  id,
  text: id,
  authorKey,
  createdAt: 1,
  x: 0,
  y: 0,
  color: 'yellow',
  clusterId: null,
  tags: [],
  ageGroups: [],
  lang: 'fi',
  deletedAt: null,
  deletedBy: null,
  hidden: false,
  ...extra,
})

const aino: Actor = { id: 'p1', name: 'Aino', role: 'participant', groupId: 'g1', authorKey: 'k1' }
const authorNames = new Map([['k2', 'Ville']])
const base = { boardGroupId: 'g1', canWrite: true, anonymous: false, authorNames }

describe('notes as one viewer sees them', () => {
  it('lets the author change their own note and anyone who writes move it', () => {
    const [own, other] = viewNotes([idea('a', 'k1'), idea('b', 'k2')], aino, base)
    expect(own).toMatchObject({ own: true, changeable: true, movable: true, author: 'Aino' })
    expect(other).toMatchObject({ own: false, changeable: false, movable: true, author: 'Ville' })
  })

  it('hides other authors in anonymous mode', () => {
    const [own, other] = viewNotes([idea('a', 'k1'), idea('b', 'k2')], aino, {
      ...base,
      anonymous: true,
    })
    expect(own?.author).toBe('Aino')
    expect(other?.author).toBeNull()
  })

  it('knows its own notes by the author key, and names only authors the server named', () => {
    const [byId, unnamed] = viewNotes([idea('a', 'p1'), idea('b', 'k3')], aino, base)
    expect(byId).toMatchObject({ own: false, changeable: false })
    expect(unnamed?.author).toBeNull()
    const keyless = viewNotes([idea('a', '')], { ...aino, authorKey: undefined }, base)
    expect(keyless[0]?.own).toBe(false)
  })

  it('shows totals only when given, and the person’s own dots always', () => {
    const notes = [idea('a', 'k1'), idea('b', 'k2', { clusterId: 'k' })]
    const hidden = viewNotes(notes, aino, { ...base, ballot: { b: 2 } })
    expect(hidden.map((n) => [n.votes, n.myVotes])).toEqual([
      [null, 0],
      [null, 2],
    ])
    const shown = viewNotes(notes, aino, {
      ...base,
      totals: { b: 5 },
      clusterNames: new Map([['k', 'Liikunta']]),
    })
    expect(shown.map((n) => [n.votes, n.clusterName])).toEqual([
      [0, null],
      [5, 'Liikunta'],
    ])
  })
})
