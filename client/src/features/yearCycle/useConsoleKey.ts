import { useState } from 'react'
import { credentials } from '../../sync/credentials'
import { clearLinkToken, readLinkToken } from '../session/linkToken'

/**
 * The console key for the year cycle's pages: this device's, or one opened as
 * `/admin/register#key`, which is kept like the console keeps it and taken out of the
 * address bar (a wrong key then says so on the page, as on the console).
 */
export function useConsoleKey(): string | null {
  const [key] = useState(() => {
    const fromLink = readLinkToken()
    if (fromLink) {
      credentials.rememberConsoleKey(fromLink)
      clearLinkToken()
      return fromLink
    }
    return credentials.consoleKey()
  })
  return key
}
