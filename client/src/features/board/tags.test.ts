import { describe, expect, it } from 'vitest'
import { formatTags, parseTags } from './tags'

describe('free tags', () => {
  it('splits on commas, drops hashes, blanks and repeats', () => {
    expect(parseTags('liikunta, #nuoret,  kirjasto,, liikunta')).toEqual([
      'liikunta',
      'nuoret',
      'kirjasto',
    ])
    expect(parseTags('   ')).toEqual([])
  })

  it('writes tags back the way they are typed', () => {
    expect(formatTags(['a', 'b c'])).toBe('a, b c')
    expect(parseTags(formatTags(['a', 'b c']))).toEqual(['a', 'b c'])
  })
})
