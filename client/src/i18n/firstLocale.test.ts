import { describe, expect, it } from 'vitest'
import { memoryStore } from '../device/storage'
import { firstLocale } from './firstLocale'
import { rememberFollowedLocale, rememberLocale } from './locales'

const answer = (body: unknown, status = 200) =>
  Promise.resolve(new Response(JSON.stringify(body), { status }))
const swedishEvent = () => answer({ role: 'join', event: { language: 'sv' } })

describe("the language of a page's first render", () => {
  it("is the event's on an English phone opening the event's link, and the body stays for the app", async () => {
    const session = swedishEvent()
    expect(await firstLocale(session, memoryStore(), ['en-US'])).toBe('sv')
    // The app reads the same answer afterwards (api/early.ts hands it over).
    expect(await (await session).json()).toEqual({ role: 'join', event: { language: 'sv' } })
  })

  it("is a Finnish event's Finnish on an English phone", async () => {
    const session = answer({ event: { language: 'fi' } })
    expect(await firstLocale(session, memoryStore(), ['en-US'])).toBe('fi')
  })

  it('does not wait for the event on a phone set to Finnish or Swedish, nor over a picked language', async () => {
    // A session that never answers: a device that waited for it would never draw.
    const never = new Promise<Response>(() => undefined)
    expect(await firstLocale(never, memoryStore(), ['fi-FI'])).toBe('fi')
    expect(await firstLocale(never, memoryStore(), ['en-US', 'sv-FI'])).toBe('sv')
    const picked = memoryStore()
    rememberLocale('en', picked)
    expect(await firstLocale(never, picked, ['en-US'])).toBe('en')
  })

  it('follows the event over a language only followed before (another event in Swedish)', async () => {
    const store = memoryStore()
    rememberFollowedLocale('sv', store)
    const session = answer({ event: { language: 'fi' } })
    expect(await firstLocale(session, store, ['en-US'])).toBe('fi')
  })

  it('is the language it starts in otherwise when the link fails or the network does', async () => {
    const store = memoryStore()
    rememberFollowedLocale('sv', store)
    expect(await firstLocale(answer({ error: { code: 'token.invalid' } }, 401), store, [])).toBe(
      'sv',
    )
    expect(await firstLocale(Promise.reject(new TypeError('offline')), store, [])).toBe('sv')
    expect(await firstLocale(answer({ event: { language: 'de' } }), memoryStore(), [])).toBe('fi')
  })

  it('is the stored language at once off an event link', async () => {
    expect(await firstLocale(null, memoryStore(), ['en-US'])).toBe('fi')
  })
})
