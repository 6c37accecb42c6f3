import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { LocalOrigin } from '../doc/origins.js'
import { ideasRoot, readIdeas } from '../doc/schema/board.js'
import { connect } from '../testing/relay.js'
import { DomainError } from './errors.js'
import * as ideas from './ideas.js'
import type { Actor } from './roles.js'

const anna: Actor = {
  id: 'p-anna',
  name: 'Anna',
  role: 'participant',
  groupId: 'g1',
  authorKey: 'key-anna',
}
const ben: Actor = {
  id: 'p-ben',
  name: 'Ben',
  role: 'participant',
  groupId: 'g1',
  authorKey: 'key-ben',
}
const fasi: Actor = {
  id: 'facilitator:g1',
  name: 'Fasilitaattori',
  role: 'facilitator',
  groupId: 'g1',
}

function twoDocs() {
  const a = new Y.Doc()
  const b = new Y.Doc()
  return { a, b, relay: connect(a, b) }
}

describe('ideas', () => {
  it('adds a note that the other document receives', () => {
    const { a, b } = twoDocs()
    const id = ideas.add(a, { text: '  Kävelykerho ikääntyneille  ', x: 10, y: 20 }, anna)
    const [idea] = readIdeas(b)
    expect(idea).toMatchObject({ id, text: 'Kävelykerho ikääntyneille', x: 10, y: 20 })
    // Who wrote it is an opaque key: neither the seat nor the name is in the document.
    expect(idea?.authorKey).toBe('key-anna')
    expect(JSON.stringify(b.toJSON())).not.toMatch(/p-anna|Anna"/)
  })

  it('writes each change in one transaction with a local origin', () => {
    const doc = new Y.Doc()
    const origins: unknown[] = []
    doc.on('afterTransaction', (tr: Y.Transaction) => origins.push(tr.origin))
    const id = ideas.add(doc, { text: 'Idea' }, anna)
    ideas.edit(doc, id, 'Idea 2', anna)
    ideas.move(doc, id, { x: 5, y: 6 }, anna)
    ideas.remove(doc, id, anna)
    expect(origins).toHaveLength(4)
    for (const origin of origins) {
      expect(origin).toBeInstanceOf(LocalOrigin)
      expect((origin as LocalOrigin).actor).toBe(anna)
    }
  })

  it('converges when both sides add notes at the same time', () => {
    const { a, b, relay } = twoDocs()
    relay.pause()
    ideas.add(a, { text: 'Anna 1' }, anna)
    ideas.add(b, { text: 'Ben 1' }, ben)
    ideas.add(a, { text: 'Anna 2' }, anna)
    relay.flush()
    const texts = (doc: Y.Doc) =>
      readIdeas(doc)
        .map((i) => i.text)
        .sort()
    expect(texts(a)).toEqual(['Anna 1', 'Anna 2', 'Ben 1'])
    expect(texts(b)).toEqual(texts(a))
  })

  it('converges on one text when two people edit the same note at once', () => {
    const { a, b, relay } = twoDocs()
    const id = ideas.add(a, { text: 'Alku' }, anna)
    relay.pause()
    ideas.edit(a, id, 'Annan versio', anna)
    ideas.edit(b, id, 'Fasilitaattorin versio', fasi)
    relay.flush()
    const textA = readIdeas(a)[0]?.text
    expect(['Annan versio', 'Fasilitaattorin versio']).toContain(textA)
    expect(readIdeas(b)[0]?.text).toBe(textA)
  })

  it('keeps both a move and a concurrent text edit', () => {
    const { a, b, relay } = twoDocs()
    const id = ideas.add(a, { text: 'Alku', x: 0, y: 0 }, anna)
    relay.pause()
    ideas.move(a, id, { x: 300, y: 400 }, ben)
    ideas.edit(b, id, 'Uusi teksti', anna)
    relay.flush()
    for (const doc of [a, b]) {
      expect(readIdeas(doc)[0]).toMatchObject({ text: 'Uusi teksti', x: 300, y: 400 })
    }
  })

  it('keeps a note deleted when another person edits it at the same time', () => {
    const { a, b, relay } = twoDocs()
    const id = ideas.add(a, { text: 'Poistettava' }, anna)
    relay.pause()
    ideas.remove(a, id, anna)
    ideas.edit(b, id, 'Muokattu samaan aikaan', fasi)
    relay.flush()
    for (const doc of [a, b]) {
      const [idea] = readIdeas(doc)
      expect(idea?.deletedAt).not.toBeNull()
      expect(idea?.text).toBe('Muokattu samaan aikaan')
      expect(ideas.visible(readIdeas(doc))).toEqual([])
    }
  })

  it('rejects empty, overlong and control-character text and changes nothing', () => {
    const doc = new Y.Doc()
    const id = ideas.add(doc, { text: 'Hyvä' }, anna)
    const before = Y.encodeStateAsUpdate(doc)
    const codeOf = (fn: () => void) => {
      try {
        fn()
      } catch (e) {
        return e instanceof DomainError ? e.code : 'other'
      }
      return 'none'
    }
    expect(codeOf(() => ideas.add(doc, { text: '   ' }, anna))).toBe('idea.text.empty')
    expect(codeOf(() => ideas.add(doc, { text: 'x'.repeat(501) }, anna))).toBe('idea.text.tooLong')
    expect(codeOf(() => ideas.edit(doc, id, 'a\u0000b', anna))).toBe('idea.text.control')
    expect(codeOf(() => ideas.edit(doc, 'missing', 'x', anna))).toBe('idea.notFound')
    expect(codeOf(() => ideas.move(doc, id, { x: Number.NaN, y: 0 }, anna))).toBe('idea.x.invalid')
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before)
  })

  it('accepts exactly 500 characters, counting letters not UTF-16 units', () => {
    const doc = new Y.Doc()
    const text = `${'ä'.repeat(499)}🙂`
    const id = ideas.add(doc, { text }, anna)
    expect(readIdeas(doc).find((i) => i.id === id)?.text).toBe(text)
  })

  it('lets only the author change content or delete, anyone place, and the facilitator all', () => {
    const doc = new Y.Doc()
    const id = ideas.add(doc, { text: 'Annan idea' }, anna)
    const forbidden = (fn: () => void) => expect(fn).toThrow(/may not change/)
    forbidden(() => ideas.edit(doc, id, 'Benin muutos', ben))
    forbidden(() => ideas.remove(doc, id, ben))
    forbidden(() => ideas.setHidden(doc, id, true, anna))
    forbidden(() => ideas.setTags(doc, id, { ageGroups: ['older'] }, ben))
    ideas.move(doc, id, { x: 40, y: 50 }, ben)
    ideas.setTags(
      doc,
      id,
      { tags: ['liikunta', 'liikunta'], ageGroups: ['older', 'children'] },
      anna,
    )
    ideas.setHidden(doc, id, true, fasi)
    ideas.edit(doc, id, 'Fasilitaattori tarkensi', fasi)
    expect(readIdeas(doc)[0]).toMatchObject({
      x: 40,
      y: 50,
      tags: ['liikunta'],
      ageGroups: ['children', 'older'],
      hidden: true,
      text: 'Fasilitaattori tarkensi',
    })
    expect(ideas.visible(readIdeas(doc))).toEqual([])
    expect(ideas.visible(readIdeas(doc), { includeHidden: true })).toHaveLength(1)
  })

  it('lets the author delete and only the facilitator restore', () => {
    const doc = new Y.Doc()
    const id = ideas.add(doc, { text: 'Poistettava' }, anna)
    ideas.remove(doc, id, anna)
    expect(ideas.deleted(readIdeas(doc)).map((i) => i.id)).toEqual([id])
    expect(() => ideas.restore(doc, id, anna)).toThrow(/may not change/)
    ideas.restore(doc, id, fasi)
    expect(ideas.visible(readIdeas(doc)).map((i) => i.id)).toEqual([id])
  })

  it('reads a note with missing or wrong-typed fields without throwing', () => {
    const doc = new Y.Doc()
    const map = new Y.Map<unknown>()
    map.set('text', 42)
    map.set('x', 'far away')
    map.set('tags', 'not-an-array')
    doc.getMap('ideas').set('broken', map)
    expect(readIdeas(doc)[0]).toMatchObject({ id: 'broken', text: '', x: 0, tags: [] })
  })
})

describe('isValidIdeaField', () => {
  it('accepts what the functions write and nothing else', () => {
    const doc = new Y.Doc()
    const id = ideas.add(
      doc,
      { text: '  Valaistus  ', tags: ['koulut'], ageGroups: ['older'] },
      anna,
    )
    const map = ideasRoot(doc).get(id) as Y.Map<unknown>
    expect(ideas.isValidIdeaMap(map)).toBe(true)
    expect(ideas.isValidIdeaField('text', 'x'.repeat(ideas.MAX_IDEA_LENGTH))).toBe(true)
    expect(ideas.isValidIdeaField('text', 'x'.repeat(ideas.MAX_IDEA_LENGTH + 1))).toBe(false)
    expect(ideas.isValidIdeaField('text', ' not trimmed ')).toBe(false)
    expect(ideas.isValidIdeaField('text', '')).toBe(false)
    expect(ideas.isValidIdeaField('text', 'kello\u0007')).toBe(false)
    expect(ideas.isValidIdeaField('tags', ['a', 'a'])).toBe(false)
    expect(ideas.isValidIdeaField('ageGroups', ['teens'])).toBe(false)
    expect(ideas.isValidIdeaField('color', 'hotpink')).toBe(false)
    expect(ideas.isValidIdeaField('x', Number.NaN)).toBe(false)
    expect(ideas.isValidIdeaField('y', ideas.CANVAS_LIMIT + 1)).toBe(false)
    expect(ideas.isValidIdeaField('lang', 'sv')).toBe(true)
    expect(ideas.isValidIdeaField('lang', '<script>')).toBe(false)
    expect(ideas.isValidIdeaField('hidden', 'yes')).toBe(false)
    expect(ideas.isValidIdeaField('onclick', 'alert(1)')).toBe(false)
    map.set('text', 'x'.repeat(600))
    expect(ideas.isValidIdeaMap(map)).toBe(false)
  })
})
