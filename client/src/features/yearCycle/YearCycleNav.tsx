import { FormattedMessage, useIntl } from 'react-intl'
import { Link, useLocation } from 'wouter'

export const YEAR_CYCLE_PAGES = [
  { path: '/admin/register', label: { id: 'yearCycle.nav.register' } },
  { path: '/admin/summaries', label: { id: 'yearCycle.nav.summaries' } },
  { path: '/admin/follow-up', label: { id: 'yearCycle.nav.followUp' } },
] as const

/** Back to the console, and between the year cycle's three pages (the current one marked). */
export function YearCycleNav() {
  const intl = useIntl()
  const [location] = useLocation()
  return (
    <nav className="year-nav" aria-label={intl.formatMessage({ id: 'yearCycle.nav.label' })}>
      <Link href="/admin" className="back-link">
        <span aria-hidden="true">←</span>
        <FormattedMessage id="yearCycle.nav.console" />
      </Link>
      <ul className="year-nav__list">
        {YEAR_CYCLE_PAGES.map((page) => (
          <li key={page.path}>
            <Link
              href={page.path}
              className="year-nav__link"
              aria-current={location === page.path ? 'page' : undefined}
            >
              <FormattedMessage {...page.label} />
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  )
}
