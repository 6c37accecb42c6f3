import type { ReactNode } from 'react'
import { FormattedMessage } from 'react-intl'
import { Link, useRoute } from 'wouter'
import { AppFooter } from './AppFooter'
import { LanguageSwitch } from './LanguageSwitch'

/**
 * Skip link, header with the app name and the language switch, the main landmark and the
 * footer with the accessibility statement and the privacy notice. The presenter view, shared
 * on a screen, is the main landmark alone: nothing there is operated, and nobody watching the
 * share can follow a link on it (the chair who opens it has the footer on the console).
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
      <AppFooter />
    </>
  )
}
