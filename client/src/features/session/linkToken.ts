/**
 * Links carry their token after `#` (browsers never send the fragment to a server). These read
 * it and take it out of the address bar once it is stored, so it is not shoulder-surfed,
 * bookmarked or pasted into a chat by accident.
 */

/** The token in the address bar's fragment, if it looks like one. */
export function readLinkToken(hash: string = window.location.hash): string | null {
  let raw = hash.startsWith('#') ? hash.slice(1) : hash
  try {
    raw = decodeURIComponent(raw)
  } catch {
    return null
  }
  raw = raw.trim()
  return /^[A-Za-z0-9_.~-]{8,200}$/.test(raw) ? raw : null
}

/** Removes the fragment without a new history entry or a reload. */
export function clearLinkToken(): void {
  if (!window.location.hash) return
  const { pathname, search } = window.location
  window.history.replaceState(window.history.state, '', `${pathname}${search}`)
}
