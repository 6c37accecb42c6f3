import { describe, expect, it } from 'vitest'
import { memoryStore } from '../device/storage'
import {
  browserLocale,
  eventLocaleToFollow,
  followsEvents,
  rememberFollowedLocale,
  rememberLocale,
  storedLocale,
} from './locales'

describe('the language a page starts in', () => {
  it('is Finnish on a first visit from a browser that names neither Finnish nor Swedish', () => {
    expect(storedLocale(memoryStore(), ['en-US', 'de'])).toBe('fi')
    expect(storedLocale(memoryStore(), [])).toBe('fi')
  })

  it("is the first of Finnish and Swedish in the browser's list", () => {
    expect(storedLocale(memoryStore(), ['sv-FI', 'fi-FI'])).toBe('sv')
    expect(storedLocale(memoryStore(), ['en-GB', 'sv'])).toBe('sv')
    expect(storedLocale(memoryStore(), ['en-US', 'fi', 'sv'])).toBe('fi')
    expect(storedLocale(memoryStore(), ['SV-se'])).toBe('sv')
  })

  it('is the language picked on this device, whatever the browser says', () => {
    const store = memoryStore()
    rememberLocale('en', store)
    expect(storedLocale(store, ['sv-FI'])).toBe('en')
    rememberLocale('fi', store)
    expect(storedLocale(store, ['sv-FI'])).toBe('fi')
  })

  it('does not take English or a tag that only starts with the letters', () => {
    expect(browserLocale(['en-FI'])).toBeNull()
    expect(browserLocale(['fil-PH', 'svc'])).toBeNull()
  })
})

describe("an event's language", () => {
  it('is followed on a device set to another language, and kept for the next page', () => {
    const store = memoryStore()
    expect(eventLocaleToFollow('sv', store, ['en-US'])).toBe('sv')
    rememberFollowedLocale('sv', store)
    expect(storedLocale(store, ['en-US'])).toBe('sv')
    // The next event, in Finnish, is followed too: nobody picked Swedish.
    expect(eventLocaleToFollow('fi', store, ['en-US'])).toBe('fi')
  })

  it("is not followed where the browser names Finnish or Swedish: the person's own language", () => {
    expect(eventLocaleToFollow('sv', memoryStore(), ['fi-FI'])).toBeNull()
    expect(eventLocaleToFollow('fi', memoryStore(), ['en-US', 'sv-FI'])).toBeNull()
  })

  it('is never followed over a language the person picked', () => {
    const store = memoryStore()
    rememberFollowedLocale('sv', store)
    rememberLocale('en', store)
    expect(eventLocaleToFollow('sv', store, ['en-US'])).toBeNull()
    expect(storedLocale(store, ['en-US'])).toBe('en')
  })

  it('is not followed when the event names no language the app has', () => {
    expect(eventLocaleToFollow(undefined, memoryStore(), ['en-US'])).toBeNull()
    expect(eventLocaleToFollow('de', memoryStore(), ['en-US'])).toBeNull()
  })
})

describe("a device that reads in its events' language", () => {
  it('is one nobody picked a language on, set to neither Finnish nor Swedish', () => {
    expect(followsEvents(memoryStore(), ['en-US'])).toBe(true)
    expect(followsEvents(memoryStore(), [])).toBe(true)
    expect(followsEvents(memoryStore(), ['en-US', 'sv-FI'])).toBe(false)
    const followed = memoryStore()
    rememberFollowedLocale('sv', followed)
    expect(followsEvents(followed, ['en-US'])).toBe(true)
    const picked = memoryStore()
    rememberLocale('sv', picked)
    expect(followsEvents(picked, ['en-US'])).toBe(false)
  })
})
