import type { MessageFormatElement } from 'react-intl'
import { DEFAULT_LOCALE, LOCALES, type Locale } from './locales'

/** A catalog as the build delivers it: ICU strings in development, precompiled trees in builds. */
export type Messages = Record<string, string> | Record<string, MessageFormatElement[]>

/**
 * The catalogs come in areas: `core` (the shell, home and join: what a phone opening a link
 * needs first) ships with the page; `board` comes with the board's code (the join page fetches
 * both while the person types); `errors` (the texts of the server's error codes) right after
 * the first render, by `errorMessages.ts`; the others load with the routes that use them.
 */
export const AREAS = [
  'core',
  'board',
  'errors',
  'facilitator',
  'proposal',
  'agenda',
  'overview',
  'organiser',
  'plenary',
  'legal',
  'yearCycle',
  'followUp',
  'followUpItem',
  'series',
] as const
export type Area = (typeof AREAS)[number]
export type RouteArea = Exclude<Area, 'core'>

export type LoadCatalog = (locale: Locale, area: Area) => Promise<Messages>

/**
 * The plain-language catalog of a language (selkokieli for Finnish, lättläst for Swedish), or
 * null for a language that has none. It holds only the messages written so far.
 */
export type LoadPlain = (locale: Locale) => Promise<Messages> | null

/** What the app shows: one language, with the messages of every area in use merged. */
export interface Shown {
  locale: Locale
  messages: Messages
  /** The plain-language messages are laid over the standard ones. */
  plain: boolean
}

export interface MessageStore {
  /** Null until the first language has arrived. */
  current(): Shown | null
  subscribe(listener: () => void): () => void
  /** Shows `locale` once its catalogs of every area in use are here (at once if they are). */
  setLocale(locale: Locale): Promise<void>
  /** Adds areas to what is shown; resolves when the shown language has them. */
  include(areas: readonly RouteArea[]): Promise<void>
  /**
   * Plain language on or off. On, a language with a plain catalog shows its plain message
   * wherever one is written and its standard message everywhere else, key by key.
   */
  setPlain(on: boolean): Promise<void>
  /**
   * Tries again what did not arrive (the network is back): the language last asked for, if it
   * is not shown, and the areas in use that the shown language lacks.
   */
  retry(): Promise<void>
  /**
   * From now on every language's catalogs of the areas in use are fetched, not only the shown
   * one's (and of the areas that come into use later, and every plain catalog), so that a
   * language or plain language picked without the network shows at once. Resolves when what
   * is in use now has arrived or failed.
   */
  keepAhead(): Promise<void>
}

/** Catalogs that are in the page already (the Finnish core), so that language shows at once. */
export type Preloaded = Partial<Record<Locale, Partial<Record<Area, Messages>>>>

const noPlain: LoadPlain = () => null

export function createMessageStore(
  load: LoadCatalog,
  preloaded: Preloaded = {},
  loadPlain: LoadPlain = noPlain,
): MessageStore {
  const cache = new Map<string, Messages>()
  for (const [locale, areas] of Object.entries(preloaded)) {
    for (const [area, messages] of Object.entries(areas)) cache.set(`${locale}/${area}`, messages)
  }
  const loading = new Map<string, Promise<Messages>>()
  const inUse = new Set<Area>(['core'])
  const listeners = new Set<() => void>()
  let shown: Locale | null = null
  let target: Locale | null = null
  // The language last asked for: kept when its catalogs did not arrive, so `retry` can show it.
  let wanted: Locale | null = null
  let snapshot: Shown | null = null
  let published = ''
  let plainWanted = false
  let keepingAhead = false
  const plainCache = new Map<Locale, Messages>()
  const plainLoading = new Map<Locale, Promise<void>>()

  const keyOf = (locale: Locale, area: Area) => `${locale}/${area}`
  const missingIn = (locale: Locale) => [...inUse].filter((area) => !cache.has(keyOf(locale, area)))

  function fetch(locale: Locale, area: Area): Promise<Messages> {
    const key = keyOf(locale, area)
    const cached = cache.get(key)
    if (cached) return Promise.resolve(cached)
    let pending = loading.get(key)
    if (!pending) {
      pending = load(locale, area).then(
        (messages) => {
          cache.set(key, messages)
          loading.delete(key)
          return messages
        },
        (error: unknown) => {
          // A later attempt (the next route, the next press of the switch) tries again.
          loading.delete(key)
          throw error
        },
      )
      loading.set(key, pending)
    }
    return pending
  }

  /** Fetches the plain catalog of `locale` if it has one; a failure leaves the standard text. */
  function fetchPlain(locale: Locale): Promise<void> {
    if (plainCache.has(locale)) return Promise.resolve()
    let pending = plainLoading.get(locale)
    if (!pending) {
      const file = loadPlain(locale)
      if (!file) return Promise.resolve()
      pending = file.then(
        (messages) => void plainCache.set(locale, messages),
        () => undefined,
      )
      pending.finally(() => plainLoading.delete(locale))
      plainLoading.set(locale, pending)
    }
    return pending
  }

  /** Every language's catalogs of `areas`; what fails is tried again by `retry`. */
  async function fetchAhead(areas: readonly Area[]): Promise<void> {
    await Promise.allSettled([
      ...LOCALES.flatMap((locale) => areas.map((area) => fetch(locale, area))),
      ...LOCALES.map((locale) => fetchPlain(locale)),
    ])
  }

  /** Rebuilds the shown messages when their language, areas or plain setting changed. */
  function publish() {
    if (!shown) return
    const locale = shown
    const areas = [...inUse].filter((area) => cache.has(keyOf(locale, area)))
    const plain = plainWanted ? plainCache.get(locale) : undefined
    const key = `${locale}:${areas.join(',')}:${plain ? 'plain' : ''}`
    if (key === published) return
    published = key
    // The plain messages go last: each one written replaces its standard message.
    const messages = Object.assign(
      {},
      ...areas.map((area) => cache.get(keyOf(locale, area))),
      plain ?? {},
    )
    snapshot = { locale, messages, plain: plain !== undefined }
    for (const listener of listeners) listener()
  }

  async function setLocale(locale: Locale): Promise<void> {
    target = wanted = locale
    try {
      // Routes may bring areas into use while this language loads: load until none is missing.
      for (let missing = missingIn(locale); missing.length > 0; missing = missingIn(locale)) {
        await Promise.all(missing.map((area) => fetch(locale, area)))
      }
    } catch (error) {
      if (target !== locale) return
      target = shown
      if (!shown) {
        // The first catalog did not arrive (offline on the first visit): show the default.
        shown = target = DEFAULT_LOCALE
        publish()
        await Promise.allSettled(missingIn(DEFAULT_LOCALE).map((a) => fetch(DEFAULT_LOCALE, a)))
        publish()
      }
      throw error
    }
    // Plain language stays on across a change of language, without a flash of standard text.
    if (plainWanted) await fetchPlain(locale)
    // A later choice of language wins over this one.
    if (target !== locale) return
    shown = locale
    publish()
  }

  async function include(areas: readonly RouteArea[]): Promise<void> {
    for (const area of areas) inUse.add(area)
    if (keepingAhead) void fetchAhead(areas)
    // The language on its way gets them too, but only the shown one has to succeed here.
    if (target && target !== shown) {
      const next = target
      for (const area of areas) fetch(next, area).catch(() => undefined)
    }
    const locale = shown ?? target ?? DEFAULT_LOCALE
    await Promise.all(areas.map((area) => fetch(locale, area)))
    publish()
  }

  async function setPlain(on: boolean): Promise<void> {
    plainWanted = on
    const locale = shown ?? target
    if (on && locale) await fetchPlain(locale)
    publish()
  }

  return {
    current: () => snapshot,
    setPlain,
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    setLocale,
    include,
    // Asking again for the language last asked for fetches whatever of it is missing.
    retry() {
      if (keepingAhead) void fetchAhead([...inUse])
      return wanted ? setLocale(wanted) : Promise.resolve()
    },
    keepAhead() {
      keepingAhead = true
      return fetchAhead([...inUse])
    },
  }
}
