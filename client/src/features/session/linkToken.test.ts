import { describe, expect, it } from 'vitest'
import { readLinkToken } from './linkToken'

describe('link tokens', () => {
  it('reads a base64url token after the hash', () => {
    expect(readLinkToken('#Ab3_-xYz0123456789abcdef')).toBe('Ab3_-xYz0123456789abcdef')
  })

  it('ignores an empty or malformed fragment', () => {
    expect(readLinkToken('')).toBeNull()
    expect(readLinkToken('#')).toBeNull()
    expect(readLinkToken('#main')).toBeNull()
    expect(readLinkToken('#%E0%A4%A')).toBeNull()
    expect(readLinkToken('#<script>alert(1)</script>')).toBeNull()
  })
})
