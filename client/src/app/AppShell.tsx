import type { ReactNode } from 'react'
import { FormattedMessage } from 'react-intl'
import { Link, useRoute } from 'wouter'
import { LanguageSwitch } from './LanguageSwitch'

/**
 * Skip link, header with the app name and the language switch, and the main landmark. The
 * presenter view, shared on a screen, is the main landmark alone: nothing there is operated.
 */
export function AppShell({ children }: { children: ReactNode }) {
  const [presenting] = useRoute('/e/:eventId/present')
  if (presenting) {
    return (
      <main id="main" className="app-main app-main--bare">
        {children}
      </main>
    )
  }
  return (
    <>
      <a className="skip-link" href="#main">
        <FormattedMessage id="app.skipToContent" />
      </a>
      <header className="app-header">
        <Link href="/" className="app-header__brand">
          <span className="app-header__logo" aria-hidden="true" />
          <FormattedMessage id="app.name" />
        </Link>
        <LanguageSwitch />
      </header>
      <main id="main" className="app-main" tabIndex={-1}>
        {children}
      </main>
    </>
  )
}
