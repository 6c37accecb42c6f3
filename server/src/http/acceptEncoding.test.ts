import { describe, expect, it } from 'vitest'
import { pickEncoding, varyOnEncoding } from './acceptEncoding.js'

describe('choosing the encoding a browser accepts', () => {
  it('prefers brotli when a browser takes both, as Chromium and Firefox say it', () => {
    expect(pickEncoding('gzip, deflate, br, zstd', ['br', 'gzip'])).toBe('br')
    expect(pickEncoding('gzip, deflate, br', ['gzip'])).toBe('gzip')
  })

  it('sends the plain bytes to a client that asks for none or for something else', () => {
    expect(pickEncoding(undefined, ['br', 'gzip'])).toBeNull()
    expect(pickEncoding('', ['br', 'gzip'])).toBeNull()
    expect(pickEncoding('identity', ['br', 'gzip'])).toBeNull()
    expect(pickEncoding('deflate', ['br', 'gzip'])).toBeNull()
    expect(pickEncoding('br, gzip', [])).toBeNull()
  })

  it('honours q-values and the wildcard', () => {
    expect(pickEncoding('br;q=0, gzip', ['br', 'gzip'])).toBe('gzip')
    expect(pickEncoding('br;q=0.5, gzip;q=0.9', ['br', 'gzip'])).toBe('gzip')
    expect(pickEncoding('*', ['br', 'gzip'])).toBe('br')
    expect(pickEncoding('*;q=0', ['br', 'gzip'])).toBeNull()
    expect(pickEncoding('GZIP ; q=1', ['br', 'gzip'])).toBe('gzip')
    expect(pickEncoding('br;q=nonsense, gzip', ['br', 'gzip'])).toBe('gzip')
  })

  it('names Accept-Encoding in Vary once, keeping what is there', () => {
    expect(varyOnEncoding(null)).toBe('Accept-Encoding')
    expect(varyOnEncoding('Origin')).toBe('Origin, Accept-Encoding')
    expect(varyOnEncoding('accept-encoding')).toBe('accept-encoding')
    expect(varyOnEncoding('*')).toBe('*')
  })
})
