import { readIdeas } from '@hytepaja/shared/doc/schema'
import type { Actor } from '@hytepaja/shared/domain/roles'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { ideaCommands } from './commands'

const aino: Actor = { id: 'p1', name: 'Aino', role: 'participant', groupId: 'g1' }
const ville: Actor = { id: 'p2', name: 'Ville', role: 'participant', groupId: 'g1' }
const note = { text: 'Kävelykerho', x: 24, y: 24, color: 'yellow' as const, lang: 'fi' }

describe('idea commands', () => {
  it('turns broken rules into codes instead of exceptions', () => {
    const commands = ideaCommands(new Y.Doc(), aino)
    expect(commands.add({ ...note, text: '   ' })).toEqual({ ok: false, code: 'idea.text.empty' })
    expect(commands.add({ ...note, text: 'x'.repeat(501) })).toEqual({
      ok: false,
      code: 'idea.text.tooLong',
    })
    expect(commands.add(note)).toEqual({ ok: true })
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
