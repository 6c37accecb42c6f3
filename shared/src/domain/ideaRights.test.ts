import { describe, expect, it } from 'vitest'
import { mayChange, mayChangeIdeaField } from './ideaRights.js'
import type { Actor } from './roles.js'

const aino: Actor = { id: 'p1', name: 'Aino', role: 'participant', groupId: 'g1', authorKey: 'k1' }
const ville: Actor = {
  id: 'p2',
  name: 'Ville',
  role: 'participant',
  groupId: 'g1',
  authorKey: 'k2',
}
const facilitator = (groupId: string): Actor => ({
  id: `facilitator:${groupId}`,
  name: 'Fasilitaattori',
  role: 'facilitator',
  groupId,
})

describe('who may change a note', () => {
  it('lets the author change their own note and nobody else in the group', () => {
    expect(mayChange({ authorKey: 'k1' }, aino, 'g1')).toBe(true)
    expect(mayChange({ authorKey: 'k1' }, ville, 'g1')).toBe(false)
  })

  it('knows a note as its own by the author key only: not by the id, never by an empty key', () => {
    expect(mayChange({ authorKey: 'p1' }, aino, 'g1')).toBe(false)
    const keyless: Actor = { ...aino, authorKey: undefined }
    expect(mayChange({ authorKey: '' }, keyless, 'g1')).toBe(false)
    expect(mayChange({ authorKey: '' }, { ...aino, authorKey: '' }, 'g1')).toBe(false)
  })

  it("lets the group's facilitator and the organiser change any note", () => {
    expect(mayChange({ authorKey: 'k1' }, facilitator('g1'), 'g1')).toBe(true)
    expect(
      mayChange({ authorKey: 'k1' }, { id: 'organiser', name: 'O', role: 'organiser' }, 'g1'),
    ).toBe(true)
  })

  it("does not let another group's facilitator change the note", () => {
    expect(mayChange({ authorKey: 'k1' }, facilitator('g2'), 'g1')).toBe(false)
  })
})

describe('which fields a participant may change', () => {
  const note = {
    id: 'i',
    text: 't',
    authorKey: 'k1',
    createdAt: 0,
    x: 0,
    y: 0,
    color: 'yellow' as const,
    clusterId: null,
    tags: [],
    ageGroups: [],
    lang: 'fi',
    deletedAt: null,
    deletedBy: null,
    hidden: false,
  }
  it('lets anyone place a note but only the author rewrite or delete it', () => {
    expect(mayChangeIdeaField(note, ville, 'x', 5)).toBe(true)
    expect(mayChangeIdeaField(note, ville, 'clusterId', 'c')).toBe(true)
    expect(mayChangeIdeaField(note, ville, 'text', 'x')).toBe(false)
    expect(mayChangeIdeaField(note, aino, 'text', 'x')).toBe(true)
    expect(mayChangeIdeaField(note, aino, 'deletedAt', 5)).toBe(true)
    expect(mayChangeIdeaField(note, aino, 'deletedBy', 'k1')).toBe(true)
    expect(mayChangeIdeaField(note, aino, 'deletedBy', 'k2')).toBe(false)
    expect(mayChangeIdeaField({ ...note, deletedAt: 5 }, aino, 'deletedAt', null)).toBe(false)
  })
  it('keeps authorship, hiding and restoring for the facilitator', () => {
    for (const key of ['createdAt', 'hidden', 'somethingNew']) {
      expect(mayChangeIdeaField(note, aino, key, 'x')).toBe(false)
      expect(mayChangeIdeaField(note, facilitator('g1'), key, 'x')).toBe(true)
    }
  })
  it('lets nobody change who wrote a note', () => {
    expect(mayChangeIdeaField(note, aino, 'authorKey', 'k2')).toBe(false)
    expect(mayChangeIdeaField(note, facilitator('g1'), 'authorKey', 'k2')).toBe(false)
  })
})
