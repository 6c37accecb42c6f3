import coreFi from './core/fi.json'
import type { Locale } from './locales'
import { type Area, createMessageStore, type Messages } from './messageStore'

export type { Messages } from './messageStore'

// Every other catalog file is its own chunk, fetched when a route or a language needs it.
const files = import.meta.glob<Messages>(['./*/*.json', '!./core/fi.json'], { import: 'default' })

/** One area's catalog in one language: the Finnish core ships with the page. */
export function loadCatalog(locale: Locale, area: Area): Promise<Messages> {
  if (locale === 'fi' && area === 'core') return Promise.resolve(coreFi)
  const file = files[`./${area}/${locale}.json`]
  if (!file) return Promise.reject(new Error(`no catalog ${area}/${locale}`))
  return file()
}

/**
 * The plain-language catalog of a language, where one is written: `plain/fi.json` (selkokieli,
 * `fi-x-selko`) and `plain/sv.json` (lättläst, `sv-x-latt`). English has none.
 */
export function loadPlainCatalog(locale: Locale): Promise<Messages> | null {
  const file = files[`./plain/${locale}.json`]
  return file ? file() : null
}

/** The messages of several areas in one language, merged (a sheet in the event's language). */
export async function loadMessages(locale: Locale, areas: readonly Area[]): Promise<Messages> {
  const catalogs = await Promise.all(areas.map((area) => loadCatalog(locale, area)))
  return Object.assign({}, ...catalogs)
}

/** The app's one store of shown messages (see `LocaleProvider` and `lazyWithMessages`). */
export const messageStore = createMessageStore(
  loadCatalog,
  { fi: { core: coreFi } },
  loadPlainCatalog,
)
