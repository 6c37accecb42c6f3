import type { Clock } from '../clock.js'

/** A clock that stands still until the test moves it. */
export function manualClock(start: number): Clock & { set(at: number): void } {
  let at = start
  return {
    now: () => at,
    set(next: number) {
      at = next
    },
  }
}
