import { describe, expect, it } from 'vitest'
import { MAX_IDEA_LENGTH } from '../domain/ideas.js'
import { lineCount, NOTE_WIDE_WIDTH, NOTE_WIDTH, noteSize, textWidth } from './noteSize.js'

const plain = { tags: [], ageGroups: [] }

describe('note size from its text', () => {
  it('gives a short note the normal width and a height that holds one line', () => {
    const short = noteSize({ ...plain, text: 'Uimahalli' })
    expect(short.width).toBe(NOTE_WIDTH)
    expect(short.height).toBeGreaterThan(120)
    expect(short.height).toBeLessThan(184)
  })

  it('grows taller line by line, so no text is ever cut', () => {
    const one = noteSize({ ...plain, text: 'Lyhyt idea' })
    const three = noteSize({
      ...plain,
      text: 'Koululaisille maksuton kesäbussi, joka kulkee kirjastolle ja uimahallille',
    })
    expect(three.height - one.height).toBeGreaterThanOrEqual(2 * 22)
  })

  it('takes the wide width for long text and stays within limits at the longest', () => {
    const longest = noteSize({
      ...plain,
      text: 'Pitkä sana ja toinen. '.repeat(40).slice(0, MAX_IDEA_LENGTH),
    })
    expect(longest.width).toBe(NOTE_WIDE_WIDTH)
    expect(longest.height).toBeLessThan(640)
  })

  it('counts a line per paragraph and breaks a word longer than a line', () => {
    expect(lineCount('a\nb\n\nc', 200, 16)).toBe(4)
    expect(lineCount('x'.repeat(60), 200, 16)).toBeGreaterThanOrEqual(3)
  })

  it('measures wide letters wider than narrow ones', () => {
    expect(textWidth('mmmm', 16)).toBeGreaterThan(textWidth('iiii', 16) * 2)
  })

  it('wraps many tags onto more rows instead of cutting them', () => {
    const few = noteSize({ ...plain, text: 'Idea', tags: ['liikenne'] })
    const many = noteSize({
      text: 'Idea',
      tags: ['liikenne', 'kesä', 'nuoret', 'harrastukset', 'kirjasto', 'uimahalli'],
      ageGroups: ['children', 'workingAge', 'older'],
    })
    expect(many.height - few.height).toBeGreaterThanOrEqual(3 * 24)
  })

  it('does not depend on anything but the note (same size on every screen)', () => {
    const note = { text: 'Sama idea', tags: ['a'], ageGroups: ['older' as const] }
    expect(noteSize(note)).toEqual(noteSize({ ...note }))
  })
})
