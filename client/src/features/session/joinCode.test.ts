import { describe, expect, it } from 'vitest'
import { formatJoinCode, isCompleteJoinCode, joinCodeDigits } from './joinCode'

describe('join code', () => {
  it('groups the digits as they are read aloud', () => {
    expect(formatJoinCode('12345678')).toBe('1234 5678')
    expect(formatJoinCode('1234-5678')).toBe('1234 5678')
    expect(formatJoinCode(' 12 34 5')).toBe('1234 5')
    expect(formatJoinCode('1234')).toBe('1234')
  })

  it('keeps eight digits at most and ignores everything else', () => {
    expect(joinCodeDigits('koodi: 1234 5678 9')).toBe('12345678')
    expect(isCompleteJoinCode('1234 567')).toBe(false)
    expect(isCompleteJoinCode('1234 5678')).toBe(true)
  })
})
