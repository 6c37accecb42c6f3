import { useEffect, useState } from 'react'
import { fetchServerTime } from '../../api/board'
import { bestOffset } from './clock'

/** One estimate per page load: the offset hardly drifts within a workshop. */
let known: number | null = null
let asking: Promise<number> | null = null

async function measure(): Promise<number> {
  const samples = []
  for (let i = 0; i < 3; i++) samples.push(await fetchServerTime())
  return bestOffset(samples)
}

/**
 * Milliseconds to add to this device's clock to get the server's, so a timer shows the same
 * time on every screen. 0 until measured (and while offline, when nothing better is known).
 */
export function useServerOffset(): number {
  const [offset, setOffset] = useState(known ?? 0)
  useEffect(() => {
    if (known !== null) return
    let current = true
    const ask = () => {
      asking ??= measure().then(
        (value) => {
          known = value
          return value
        },
        (error: unknown) => {
          asking = null
          throw error
        },
      )
      asking.then(
        (value) => current && setOffset(value),
        () => {},
      )
    }
    ask()
    window.addEventListener('online', ask)
    return () => {
      current = false
      window.removeEventListener('online', ask)
    }
  }, [])
  return offset
}
