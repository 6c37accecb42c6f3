import { useEffect, useState } from 'react'
import { type EventOverview, fetchOverview } from '../../api/board'
import { ApiError } from '../../api/http'

const REFRESH_MS = 5000

/**
 * The overview of every group, asked again every few seconds (people online and note counts
 * live on the server, not in a document). `fetchedAt` lets timers count down between answers.
 */
export function useOverview(eventId: string, token: string) {
  const [data, setData] = useState<{ overview: EventOverview; fetchedAt: number } | null>(null)
  const [error, setError] = useState<string | null>(null)
  useEffect(() => {
    let stopped = false
    let timer: ReturnType<typeof setTimeout> | null = null
    const abort = new AbortController()
    const load = async () => {
      try {
        const overview = await fetchOverview(eventId, token, abort.signal)
        if (stopped) return
        setData({ overview, fetchedAt: Date.now() })
        setError(null)
      } catch (e) {
        if (stopped) return
        setError(e instanceof ApiError ? e.code : 'unexpected')
      }
      if (!stopped) timer = setTimeout(load, REFRESH_MS)
    }
    load()
    return () => {
      stopped = true
      abort.abort()
      if (timer) clearTimeout(timer)
    }
  }, [eventId, token])
  return { data, error }
}
