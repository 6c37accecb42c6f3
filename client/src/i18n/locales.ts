import { deviceStore, type KeyValueStore } from '../device/storage'

/** The UI languages; Finnish is the default (see `storedLocale` for what the browser changes). */
export const LOCALES = ['fi', 'sv', 'en'] as const
export type Locale = (typeof LOCALES)[number]
export const DEFAULT_LOCALE: Locale = 'fi'

/** Regional tags for dates, numbers and React Aria's built-in strings (Finland's Swedish). */
export const INTL_LOCALE: Record<Locale, string> = { fi: 'fi-FI', sv: 'sv-FI', en: 'en-GB' }

/** Each language named in itself, for the switch. */
export const LOCALE_NAMES: Record<Locale, string> = { fi: 'Suomi', sv: 'Svenska', en: 'English' }

export function isLocale(value: unknown): value is Locale {
  return (LOCALES as readonly unknown[]).includes(value)
}

const KEY = 'hytepaja:language'
/** Set while the remembered language is the event's, followed and not chosen by the person. */
const FOLLOWED_KEY = 'hytepaja:language-followed'

/**
 * The first of Finnish and Swedish the browser asks for (`navigator.languages`, best first), if
 * any. English is not taken from the browser: many Finnish speakers' phones are set to English,
 * and the meeting is in Finnish or Swedish; English is one press away.
 */
export function browserLocale(languages: readonly string[]): Locale | null {
  for (const tag of languages) {
    const primary = tag.toLowerCase().split('-')[0]
    if (primary === 'fi' || primary === 'sv') return primary
  }
  return null
}

/** The browser's preferred languages, best first; none where it says nothing. */
export function deviceLanguages(): readonly string[] {
  if (typeof navigator === 'undefined') return []
  return navigator.languages?.length ? navigator.languages : [navigator.language ?? '']
}

/**
 * The language a page starts in: the one remembered on this device (chosen, or followed from an
 * event), else the first of Finnish and Swedish the browser asks for, else Finnish.
 */
export function storedLocale(
  store: KeyValueStore = deviceStore(),
  languages: readonly string[] = deviceLanguages(),
): Locale {
  try {
    const value = store.getItem(KEY)
    if (isLocale(value)) return value
  } catch {
    // Blocked storage: as on a first visit.
  }
  return browserLocale(languages) ?? DEFAULT_LOCALE
}

/** Remembers the language this person picked; a picked language is never replaced by an event's. */
export function rememberLocale(locale: Locale, store: KeyValueStore = deviceStore()): void {
  try {
    store.setItem(KEY, locale)
    store.removeItem(FOLLOWED_KEY)
  } catch {
    // Blocked storage: the choice lasts until reload.
  }
}

/**
 * The event's language, when a device should follow it: nobody has picked a language on this
 * device and its browser names neither Finnish nor Swedish (a Swedish-language event opened on a
 * phone set to English reads in Swedish). Null when the device keeps the language it has.
 */
export function eventLocaleToFollow(
  eventLanguage: string | undefined,
  store: KeyValueStore = deviceStore(),
  languages: readonly string[] = deviceLanguages(),
): Locale | null {
  return isLocale(eventLanguage) && followsEvents(store, languages) ? eventLanguage : null
}

/**
 * Whether this device reads in its events' language: nobody has picked a language on it and
 * its browser names neither Finnish nor Swedish (see `eventLocaleToFollow`).
 */
export function followsEvents(
  store: KeyValueStore = deviceStore(),
  languages: readonly string[] = deviceLanguages(),
): boolean {
  if (browserLocale(languages)) return false
  try {
    return !isLocale(store.getItem(KEY)) || store.getItem(FOLLOWED_KEY) === 'yes'
  } catch {
    return true
  }
}

/** Remembers a language followed from an event, so that the next page starts in it too. */
export function rememberFollowedLocale(locale: Locale, store: KeyValueStore = deviceStore()): void {
  try {
    store.setItem(KEY, locale)
    store.setItem(FOLLOWED_KEY, 'yes')
  } catch {
    // Blocked storage: followed again on the next page that asks the server.
  }
}

/**
 * The languages with a plain form (selkokieli, lättläst), by the private-use tag of its catalog.
 * The page's `lang` stays the language's own (`fi`, `sv`): screen readers have no voice for the
 * private-use tags, and plain Finnish is Finnish.
 */
export const PLAIN_TAG: Partial<Record<Locale, string>> = { fi: 'fi-x-selko', sv: 'sv-x-latt' }

export function hasPlainForm(locale: Locale): boolean {
  return PLAIN_TAG[locale] !== undefined
}

const PLAIN_KEY = 'hytepaja:plain'

/** Whether this person chose plain language on this device. */
export function storedPlain(store: KeyValueStore = deviceStore()): boolean {
  try {
    return store.getItem(PLAIN_KEY) === 'on'
  } catch {
    return false
  }
}

export function rememberPlain(on: boolean, store: KeyValueStore = deviceStore()): void {
  try {
    if (on) store.setItem(PLAIN_KEY, 'on')
    else store.removeItem(PLAIN_KEY)
  } catch {
    // Blocked storage: the choice lasts until reload.
  }
}
