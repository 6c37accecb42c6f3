import { createContext, type ReactNode, useCallback, useContext, useEffect, useState } from 'react'
import { I18nProvider } from 'react-aria-components'
import { IntlProvider } from 'react-intl'
import { defaultMessages, loadMessages, type Messages } from './catalogs'
import { DEFAULT_LOCALE, INTL_LOCALE, type Locale, rememberLocale, storedLocale } from './locales'

interface LocaleControl {
  locale: Locale
  setLocale(locale: Locale): void
}

const LocaleContext = createContext<LocaleControl>({ locale: DEFAULT_LOCALE, setLocale() {} })

export function useLocaleControl(): LocaleControl {
  return useContext(LocaleContext)
}

/**
 * The UI language of this person (not of the event): remembered on the device, written to
 * `<html lang>` so screen readers pick the right voice, and given to React Aria for its own
 * hidden strings and date formats.
 */
export function LocaleProvider({ children }: { children: ReactNode }) {
  const [wanted, setWanted] = useState<Locale>(storedLocale)
  const [loaded, setLoaded] = useState<{ locale: Locale; messages: Messages } | null>(
    wanted === DEFAULT_LOCALE ? { locale: DEFAULT_LOCALE, messages: defaultMessages } : null,
  )

  useEffect(() => {
    let current = true
    loadMessages(wanted).then(
      (messages) => {
        if (current) setLoaded({ locale: wanted, messages })
      },
      () => {
        // The catalog did not arrive (offline on first visit): stay in the language we have.
        if (current)
          setLoaded((prev) => prev ?? { locale: DEFAULT_LOCALE, messages: defaultMessages })
      },
    )
    return () => {
      current = false
    }
  }, [wanted])

  const shown = loaded?.locale ?? DEFAULT_LOCALE
  useEffect(() => {
    document.documentElement.lang = shown
  }, [shown])

  const setLocale = useCallback((locale: Locale) => {
    rememberLocale(locale)
    setWanted(locale)
  }, [])

  if (!loaded) return null
  return (
    <LocaleContext.Provider value={{ locale: loaded.locale, setLocale }}>
      <IntlProvider
        locale={INTL_LOCALE[loaded.locale]}
        messages={loaded.messages}
        defaultLocale={INTL_LOCALE[DEFAULT_LOCALE]}
      >
        <I18nProvider locale={INTL_LOCALE[loaded.locale]}>{children}</I18nProvider>
      </IntlProvider>
    </LocaleContext.Provider>
  )
}
