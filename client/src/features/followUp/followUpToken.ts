import { clearLinkToken, readLinkToken } from '../session/linkToken'

const KEY = 'hytepaja.followUpLink'

/**
 * The follow-up link's token: from the address (`/follow-up#token`), then kept for this tab
 * only. The link speaks for a whole organisation and is often opened on a shared or borrowed
 * device, so it is not kept after the tab closes (the link in the e-mail opens it again).
 */
export function takeFollowUpToken(): string | null {
  const fromLink = readLinkToken()
  try {
    if (fromLink) {
      sessionStorage.setItem(KEY, fromLink)
      clearLinkToken()
      return fromLink
    }
    return sessionStorage.getItem(KEY)
  } catch {
    // Storage refused (a private window's settings): the link works for this page view.
    return fromLink
  }
}
