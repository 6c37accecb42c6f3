import { describe, expect, it } from 'vitest'
import { DomainError } from '../domain/errors.js'
import { cleanText, textLength } from './text.js'

describe('text rules', () => {
  it('counts what the limit counts: trimmed, CRLF as one, code points', () => {
    expect(textLength('  Kävely\r\nkerho  ')).toBe('Kävely\nkerho'.length)
    expect(textLength('🙂🙂')).toBe(2)
  })

  it('accepts text of exactly the limit and refuses one character more', () => {
    expect(cleanText('ä'.repeat(5), 'f', 5)).toBe('ääääää'.slice(1))
    expect(() => cleanText('ä'.repeat(6), 'f', 5)).toThrow(DomainError)
  })
})
