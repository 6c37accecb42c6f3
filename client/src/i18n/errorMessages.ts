import { defineMessages, type MessageDescriptor } from 'react-intl'
import { messageStore } from './catalogs'

/**
 * The two error texts in `core`: the one a phone without a network needs before anything else
 * has arrived, and the general one, shown while the `errors` area (every other code's text and
 * the table of codes, `errorCodes.ts`) is on its way.
 */
const always = defineMessages({
  network: { id: 'error.network.unavailable' },
  unexpected: { id: 'error.unexpected' },
})

let codes: typeof import('./errorCodes') | null = null

/**
 * Fetches the table of error codes and their texts in the shown language (the `errors` area):
 * they are not in the first download, and the app asks for them as soon as it has drawn its
 * first page (`app/Page.tsx`), before a phone on venue wifi can lose the network. The table comes
 * first, so the catalog's arrival renders the specific texts. A failure is retried by the next
 * error shown and when the network comes back (`LocaleProvider`).
 */
export function loadErrorTexts(): Promise<void> {
  return import('./errorCodes')
    .then((module) => {
      codes = module
      return messageStore.include(['errors'])
    })
    .catch(() => undefined)
}

/**
 * The text of an error code (the server's `{error: {code}}`, shared/'s `DomainError.code`).
 * Until the `errors` area has arrived it is the general one; the page shows the specific text
 * once it is here, as the catalog's arrival renders it again.
 */
export function errorMessage(code: string): MessageDescriptor {
  if (code === 'network.unavailable') return always.network
  const message = codes?.messageOf(code) ?? (codes ? always.unexpected : null)
  const shown = messageStore.current()?.messages
  if (message && shown && (message.id as string) in shown) return message
  loadErrorTexts()
  return always.unexpected
}
