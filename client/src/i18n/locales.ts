import { deviceStore, type KeyValueStore } from '../device/storage'

/** The UI languages; Finnish is the default whatever the browser says. */
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

/** The language this person chose on this device, if any. */
export function storedLocale(store: KeyValueStore = deviceStore()): Locale {
  try {
    const value = store.getItem(KEY)
    return isLocale(value) ? value : DEFAULT_LOCALE
  } catch {
    return DEFAULT_LOCALE
  }
}

export function rememberLocale(locale: Locale, store: KeyValueStore = deviceStore()): void {
  try {
    store.setItem(KEY, locale)
  } catch {
    // Blocked storage: the choice lasts until reload.
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
