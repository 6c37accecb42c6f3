import coreFi from './core/fi.json'
import type { Locale } from './locales'
import { type Area, createMessageStore, type Messages } from './messageStore'

export type { Messages } from './messageStore'

// Every other catalog file is its own chunk, fetched when a route or a language needs it. Its
// default is taken by `load`: `import: 'default'` wrote that into each of the ~45 entries.
const files = import.meta.glob<{ default: Messages }>(['./*/*.json', '!./core/fi.json'])
const load = (path: string) => files[path]?.().then((module) => module.default)

/** One area's catalog in one language: the Finnish core ships with the page. */
export function loadCatalog(locale: Locale, area: Area): Promise<Messages> {
  if (locale === 'fi' && area === 'core') return Promise.resolve(coreFi)
  return (
    load(`./${area}/${locale}.json`) ?? Promise.reject(new Error(`no catalog ${area}/${locale}`))
  )
}

/**
 * The plain-language catalog of a language, where one is written: `plain/fi.json` (selkokieli,
 * `fi-x-selko`) and `plain/sv.json` (lättläst, `sv-x-latt`). English has none.
 */
export function loadPlainCatalog(locale: Locale): Promise<Messages> | null {
  return load(`./plain/${locale}.json`) ?? null
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
