import { describe, expect, it } from 'vitest'
import { DomainError } from '../domain/errors.js'
import { cleanText, stripInvisible, textLength } from './text.js'

describe('text rules', () => {
  it('counts what the limit counts: trimmed, CRLF as one, code points', () => {
    expect(textLength('  Kävely\r\nkerho  ')).toBe('Kävely\nkerho'.length)
    expect(textLength('🙂🙂')).toBe(2)
  })

  it('accepts text of exactly the limit and refuses one character more', () => {
    expect(cleanText('ä'.repeat(5), 'f', 5)).toBe('ääääää'.slice(1))
    expect(() => cleanText('ä'.repeat(6), 'f', 5)).toThrow(DomainError)
  })

  it('takes out direction overrides and zero-width characters, so text shows as it reads', () => {
    expect(cleanText('\u202Eatorilitsaf', 'name', 80)).toBe('atorilitsaf')
    expect(cleanText('An\u200Bna\u2066 \u2069Virtanen\uFEFF', 'name', 80)).toBe('Anna Virtanen')
    expect(cleanText('\u200F\u200E\u061CAnna\u2060', 'name', 80)).toBe('Anna')
    expect(textLength('A\u200Db')).toBe(2)
    // Only invisible characters: empty, like spaces.
    expect(() => cleanText('\u202E\u200B', 'name', 80)).toThrow(DomainError)
  })

  it('keeps a zero-width joiner inside an emoji sequence, and Finnish and Swedish letters', () => {
    for (const kept of ['👩‍💻 koodaa', '👨🏽‍🚀', '🏳️‍🌈', 'Åsa Öberg-Äijälä']) {
      expect(stripInvisible(kept)).toBe(kept)
    }
    expect(stripInvisible('a\u200D💻')).toBe('a💻')
    expect(stripInvisible('💻\u200D')).toBe('💻')
  })
})
