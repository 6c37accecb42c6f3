import {
  createContext,
  type ReactNode,
  useCallback,
  useContext,
  useEffect,
  useState,
  useSyncExternalStore,
} from 'react'
import { I18nProvider } from 'react-aria-components'
import { IntlProvider } from 'react-intl'
import { messageStore } from './catalogs'
import { loadErrorTexts } from './errorMessages'
import { DEFAULT_LOCALE, INTL_LOCALE, type Locale, rememberLocale, rememberPlain } from './locales'

interface LocaleControl {
  locale: Locale
  setLocale(locale: Locale): void
  /** A language picked whose texts could not be fetched (offline): shown once the network is back. */
  waiting: Locale | null
  /** Plain language (selkokieli / lättläst) is shown. */
  plain: boolean
  setPlain(on: boolean): void
}

const LocaleContext = createContext<LocaleControl>({
  locale: DEFAULT_LOCALE,
  setLocale() {},
  waiting: null,
  plain: false,
  setPlain() {},
})

export function useLocaleControl(): LocaleControl {
  return useContext(LocaleContext)
}

// The catalog did not arrive (offline): the app stays in the language it shows.
const stay = () => undefined

/**
 * The UI language of this person (not of the event): remembered on the device, written to
 * `<html lang>` so screen readers pick the right voice, and given to React Aria for its own
 * hidden strings and date formats. Nothing renders until the first catalog is here (`main.tsx`
 * asks for the remembered language), so a Swedish phone never flashes Finnish. Plain language
 * (selkokieli) changes the words only: `lang` stays `fi` or `sv`.
 */
export function LocaleProvider({ children }: { children: ReactNode }) {
  const shown = useSyncExternalStore(messageStore.subscribe, messageStore.current)

  const locale = shown?.locale ?? DEFAULT_LOCALE
  useEffect(() => {
    document.documentElement.lang = locale
  }, [locale])

  useEffect(() => {
    // What did not arrive offline (a language picked, the error texts) comes when the network
    // does; the error texts first, so that their table is here when their catalog renders.
    const onOnline = () => {
      loadErrorTexts()
        .then(() => messageStore.retry())
        .catch(stay)
    }
    window.addEventListener('online', onOnline)
    return () => window.removeEventListener('online', onOnline)
  }, [])

  const [failed, setFailed] = useState<Locale | null>(null)
  const setLocale = useCallback((next: Locale) => {
    rememberLocale(next)
    setFailed(null)
    messageStore.setLocale(next).catch(() => setFailed(next))
  }, [])

  const setPlain = useCallback((on: boolean) => {
    rememberPlain(on)
    messageStore.setPlain(on).catch(stay)
  }, [])

  if (!shown) return null
  return (
    <LocaleContext.Provider
      value={{
        locale: shown.locale,
        setLocale,
        waiting: failed !== shown.locale ? failed : null,
        plain: shown.plain,
        setPlain,
      }}
    >
      <IntlProvider
        locale={INTL_LOCALE[shown.locale]}
        messages={shown.messages}
        defaultLocale={INTL_LOCALE[DEFAULT_LOCALE]}
      >
        <I18nProvider locale={INTL_LOCALE[shown.locale]}>{children}</I18nProvider>
      </IntlProvider>
    </LocaleContext.Provider>
  )
}
