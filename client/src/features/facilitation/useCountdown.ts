import type { Timer } from '@hytepaja/shared/doc/schema/event'
import { timeLeft } from '@hytepaja/shared/domain/facilitation'
import { useEffect, useState } from 'react'

/**
 * Milliseconds left on the group's timer by the server's clock, re-read a few times a second
 * while it runs; null without a timer. Only the component that shows it re-renders.
 */
export function useCountdown(timer: Timer | null, offset: number): number | null {
  const [now, setNow] = useState(() => Date.now())
  const running = timer?.running ?? false
  useEffect(() => {
    if (!running) return
    const tick = setInterval(() => setNow(Date.now()), 250)
    return () => clearInterval(tick)
  }, [running])
  return timeLeft(timer, now + offset)
}
