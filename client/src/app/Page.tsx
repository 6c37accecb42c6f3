import { type ReactNode, useEffect, useRef } from 'react'
import { useIntl } from 'react-intl'
import { loadErrorTexts } from '../i18n/errorMessages'

/** The first page of a visit keeps the browser's focus; later pages take it to their heading. */
let firstPage = true

export interface PageProps {
  title: string
  /** Shown above the heading, e.g. the event title above "Join the workshop". */
  kicker?: ReactNode
  children?: ReactNode
  className?: string
  /**
   * A status line that belongs with the heading (the board's phase, timer and connection):
   * the two are wrapped together, so a page can keep them in view as one.
   */
  status?: ReactNode
}

/**
 * One page: sets the document title and, after client-side navigation, moves focus to the
 * heading so screen-reader users hear where they arrived.
 */
export function Page({ title, kicker, children, className, status }: PageProps) {
  const intl = useIntl()
  const heading = useRef<HTMLHeadingElement>(null)
  const appName = intl.formatMessage({ id: 'app.name' })

  useEffect(() => {
    document.title = title ? `${title} – ${appName}` : appName
  }, [title, appName])

  useEffect(() => {
    if (!firstPage) heading.current?.focus()
    firstPage = false
  }, [])

  // Once a page is drawn (not the shell's "Ladataan…", which would compete with the page's own
  // files on venue wifi): the error texts, which the first download leaves out.
  useEffect(() => void loadErrorTexts(), [])

  const heading1 = (
    <h1 className="page__title" ref={heading} tabIndex={-1}>
      {title}
    </h1>
  )
  return (
    <div className={['page', className].filter(Boolean).join(' ')}>
      {kicker ? <p className="page__kicker">{kicker}</p> : null}
      {status ? (
        <div className="page__head">
          {heading1}
          {status}
        </div>
      ) : (
        heading1
      )}
      {children}
    </div>
  )
}
