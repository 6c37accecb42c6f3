import { type RefObject, useLayoutEffect, useState } from 'react'

/** The smallest scale keeps body text at 28 px on a 1920×1080 share (see presenter.css). */
export const MIN_FIT = 0.84
const STEP = 0.04

/**
 * Shrinks the presenter's type (the CSS variable `--fit`, 1 down to `MIN_FIT`) until the
 * content fits its box without scrolling; what is longer still scrolls at the smallest size.
 * Measured again when the content (`key`) or the window changes.
 */
export function useFitText(box: RefObject<HTMLElement | null>, key: string): number {
  const [fit, setFit] = useState(1)
  const [size, setSize] = useState(() => `${window.innerWidth}x${window.innerHeight}`)

  useLayoutEffect(() => {
    const onResize = () => setSize(`${window.innerWidth}x${window.innerHeight}`)
    window.addEventListener('resize', onResize)
    return () => window.removeEventListener('resize', onResize)
  }, [])

  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` and `size` are what change the fit.
  useLayoutEffect(() => {
    const element = box.current
    if (!element) return
    let scale = 1
    element.style.setProperty('--fit', String(scale))
    while (scale > MIN_FIT && element.scrollHeight > element.clientHeight + 1) {
      scale = Math.max(MIN_FIT, scale - STEP)
      element.style.setProperty('--fit', String(scale))
    }
    setFit(scale)
  }, [key, size])

  return fit
}
