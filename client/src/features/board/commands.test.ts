import { readIdeas } from '@hytepaja/shared/doc/schema/board'
import type { Actor } from '@hytepaja/shared/domain/roles'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { clusterCommands, ideaCommands } from './commands'

const aino: Actor = { id: 'p1', name: 'Aino', role: 'participant', groupId: 'g1', authorKey: 'k1' }
const ville: Actor = {
  id: 'p2',
  name: 'Ville',
  role: 'participant',
  groupId: 'g1',
  authorKey: 'k2',
}
const note = { text: 'Kävelykerho', x: 24, y: 24, color: 'yellow' as const, lang: 'fi' }

describe('idea commands', () => {
  it('turns broken rules into codes instead of exceptions', () => {
    const doc = new Y.Doc()
    const commands = ideaCommands(doc, aino)
    expect(commands.add({ ...note, text: '   ' })).toEqual({ ok: false, code: 'idea.text.empty' })
    expect(commands.add({ ...note, text: 'x'.repeat(501) })).toEqual({
      ok: false,
      code: 'idea.text.tooLong',
    })
    // A new note's id comes back, so the board can bring that note into view.
    const added = commands.add(note)
    expect(added).toEqual({ ok: true, id: expect.any(String) })
    expect(readIdeas(doc).map((idea) => idea.id)).toEqual([added.ok ? added.id : ''])
  })

  it("refuses to rewrite someone else's note", () => {
    const doc = new Y.Doc()
    ideaCommands(doc, aino).add(note)
    const [idea] = readIdeas(doc)
    expect(ideaCommands(doc, ville).edit(idea?.id ?? '', 'Muutettu')).toMatchObject({ ok: false })
    expect(ideaCommands(doc, ville).move(idea?.id ?? '', { x: 100, y: -50 })).toEqual({ ok: true })
    expect(readIdeas(doc)[0]).toMatchObject({ x: 100, y: 0, text: 'Kävelykerho' })
  })
})

describe('grouped commands', () => {
  const facilitator: Actor = {
    id: 'facilitator:g1',
    name: 'Fasi',
    role: 'facilitator',
    groupId: 'g1',
  }

  it('changes text, tags and colour together, or nothing when a part is refused', () => {
    const doc = new Y.Doc()
    ideaCommands(doc, aino).add(note)
    const id = readIdeas(doc)[0]?.id ?? ''
    const content = {
      text: 'Uusi',
      tags: ['liikunta'],
      ageGroups: ['older' as const],
      color: 'blue' as const,
    }
    expect(ideaCommands(doc, aino).update(id, content)).toEqual({ ok: true })
    expect(readIdeas(doc)[0]).toMatchObject(content)
    const tooMany = {
      ...content,
      text: 'Ei tallennu',
      tags: Array.from({ length: 9 }, (_, i) => `t${i}`),
    }
    expect(ideaCommands(doc, aino).update(id, tooMany)).toMatchObject({ ok: false })
    expect(ideaCommands(doc, aino).update(id, { ...content, text: 'x'.repeat(501) })).toEqual({
      ok: false,
      code: 'idea.text.tooLong',
    })
    expect(readIdeas(doc)[0]).toMatchObject(content)
  })

  it('places notes into a cluster in one transaction', () => {
    const doc = new Y.Doc()
    ideaCommands(doc, aino).add(note)
    ideaCommands(doc, ville).add({ ...note, text: 'Toinen' })
    const cluster = clusterCommands(doc, facilitator).add({ name: 'Liikunta', x: 500, y: 0 })
    expect(cluster.ok).toBe(true)
    let updates = 0
    doc.on('update', () => updates++)
    const [a, b] = readIdeas(doc)
    const result = ideaCommands(doc, ville).place([
      { id: a?.id ?? '', x: 520, y: 60, clusterId: cluster.ok ? (cluster.id ?? null) : null },
      { id: b?.id ?? '', x: 760, y: 60, clusterId: cluster.ok ? (cluster.id ?? null) : null },
    ])
    expect(result).toEqual({ ok: true })
    expect(updates).toBe(1)
    expect(readIdeas(doc).map((i) => [i.x, i.clusterId])).toEqual([
      [520, cluster.ok ? cluster.id : null],
      [760, cluster.ok ? cluster.id : null],
    ])
    expect(
      ideaCommands(doc, ville).place([{ id: a?.id ?? '', x: 0, y: 0, clusterId: 'nope' }]),
    ).toEqual({
      ok: false,
      code: 'cluster.notFound',
    })
    expect(readIdeas(doc)[0]?.x).toBe(520)
  })

  it('lets only the facilitator arrange cluster frames, and moves their notes along', () => {
    const doc = new Y.Doc()
    expect(clusterCommands(doc, aino).add({ name: 'X', x: 0, y: 0 })).toEqual({
      ok: false,
      code: 'cluster.forbidden',
    })
    const added = clusterCommands(doc, facilitator).add({ name: 'Turvallisuus', x: 0, y: 0 })
    ideaCommands(doc, aino).add({ ...note, x: 40, y: 80 })
    const idea = readIdeas(doc)[0]
    const id = added.ok ? (added.id ?? '') : ''
    clusterCommands(doc, facilitator).shift(
      id,
      { x: 100, y: 50 },
      [idea ?? { id: '', x: 0, y: 0 }],
      {
        dx: 100,
        dy: 50,
      },
    )
    expect(readIdeas(doc)[0]).toMatchObject({ x: 140, y: 130 })
  })
})
