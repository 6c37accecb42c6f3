import type { ReactNode } from 'react'

/** A waiting state in words; the animation is decoration and stops for reduced motion. */
export function Loading({ children }: { children: ReactNode }) {
  return (
    <div className="loading" role="status">
      <span className="loading__dots" aria-hidden="true" />
      <span>{children}</span>
    </div>
  )
}
