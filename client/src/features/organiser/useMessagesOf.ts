import type { Language } from '@hytepaja/shared/doc/schema/event'
import { useEffect, useState } from 'react'
import { loadMessages, type Messages } from '../../i18n/catalogs'

/**
 * The catalog of another language than the UI's: a sheet printed for a Swedish event is in
 * Swedish even when the organiser works in Finnish. The sheet speaks from the core and the
 * organiser's areas.
 */
export function useMessagesOf(language: Language | null): Messages | null {
  const [loaded, setLoaded] = useState<{ language: Language; messages: Messages } | null>(null)
  useEffect(() => {
    if (!language) return
    let current = true
    loadMessages(language, ['core', 'organiser']).then(
      (messages) => current && setLoaded({ language, messages }),
      () => undefined,
    )
    return () => {
      current = false
    }
  }, [language])
  return loaded && loaded.language === language ? loaded.messages : null
}
