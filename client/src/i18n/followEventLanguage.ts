import { messageStore } from './catalogs'
import { eventLocaleToFollow, rememberFollowedLocale } from './locales'

/**
 * Shows the event's language on a device that has no language of its own for it (see
 * `eventLocaleToFollow`), and keeps it for the pages that follow. Called when the server has
 * described the event, before the page renders with it. On a link opened afresh the page shows
 * that language already (`firstLocale` waited for the same answer): this remembers it.
 */
export function followEventLanguage(eventLanguage: string | undefined): void {
  const locale = eventLocaleToFollow(eventLanguage)
  if (!locale) return
  rememberFollowedLocale(locale)
  if (messageStore.current()?.locale !== locale)
    messageStore.setLocale(locale).catch(() => undefined)
}
