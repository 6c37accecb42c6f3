import { describe, expect, it } from 'vitest'
import { isSafeLinkUrl, MAX_LINK_URL_LENGTH, toSafeLinkUrl } from './links.js'

describe('isSafeLinkUrl', () => {
  it.each([
    'https://www.hel.fi',
    'http://example.com/',
    'https://hyvinvointialue.fi/päätökset?vuosi=2026#kohta-3',
    'https://äänekoski.fi',
    'HTTPS://EXAMPLE.COM/A',
    'https://example.com:8443/path',
    'https://fi.wikipedia.org/wiki/Sote_(uudistus)',
    'https://xn--nekoski-cxaa.fi/',
  ])('accepts the web link %s', (url) => {
    expect(isSafeLinkUrl(url)).toBe(true)
  })

  it.each([
    'javascript:alert(1)',
    'JavaScript:alert(1)',
    ' javascript:alert(1)',
    'java\tscript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    'mailto:kirjaamo@example.fi',
    'tel:+358401234567',
    'file:///etc/passwd',
    '//evil.example/x',
    '/relative/path',
    '#anchor',
    'www.hel.fi',
    'https:evil.example',
    'https:///evil.example',
    'https://bank.fi@evil.example/',
    'https://example.com/a b',
    'https://example.com/"onmouseover="alert(1)',
    'https://example.com/<script>',
    'https://example.com/\\evil',
    'https://example.com/\u0000',
    'https://exa_mple.com/',
    'https://[::1]/',
    '',
  ])('refuses %j', (url) => {
    expect(isSafeLinkUrl(url)).toBe(false)
  })

  it('refuses an address longer than the limit', () => {
    const url = `https://example.com/${'a'.repeat(MAX_LINK_URL_LENGTH)}`
    expect(isSafeLinkUrl(url)).toBe(false)
  })
})

describe('toSafeLinkUrl', () => {
  it('adds https to a bare host and trims what was typed', () => {
    expect(toSafeLinkUrl('  www.hel.fi/asukkaat ')).toBe('https://www.hel.fi/asukkaat')
    expect(toSafeLinkUrl('localhost:8787/x')).toBe('https://localhost:8787/x')
  })

  it('keeps a typed web scheme and refuses every other scheme', () => {
    expect(toSafeLinkUrl('http://example.com')).toBe('http://example.com')
    expect(toSafeLinkUrl('javascript:alert(1)')).toBeNull()
    expect(toSafeLinkUrl('mailto:a@b.fi')).toBeNull()
    expect(toSafeLinkUrl('not a link')).toBeNull()
  })
})
