import type { ReactNode } from 'react'
import { FormattedMessage } from 'react-intl'
import { Link } from 'wouter'
import { LanguageSwitch } from './LanguageSwitch'

/** Skip link, header with the app name and the language switch, and the main landmark. */
export function AppShell({ children }: { children: ReactNode }) {
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
