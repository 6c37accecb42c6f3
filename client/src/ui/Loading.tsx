import { type ReactNode, useEffect, useState } from 'react'

/** Waits shorter than this are not said: most pages arrive sooner, and each word is noise. */
const SAY_AFTER_MS = 1500

/**
 * A waiting state in words; the animation is decoration and stops for reduced motion. Shown at
 * once, but said by the screen reader only when the wait lasts: every navigation used to speak
 * "Ladataan… Tarkistetaan linkkiä…" before the page's own heading.
 */
export function Loading({ children }: { children: ReactNode }) {
  const [long, setLong] = useState(false)
  useEffect(() => {
    const timer = setTimeout(() => setLong(true), SAY_AFTER_MS)
    return () => clearTimeout(timer)
  }, [])
  return (
    <div className="loading">
      <span className="loading__dots" aria-hidden="true" />
      <span aria-hidden="true">{children}</span>
      <span className="visually-hidden" role="status">
        {long ? children : null}
      </span>
    </div>
  )
}
