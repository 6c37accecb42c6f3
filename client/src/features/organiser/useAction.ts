import { useCallback, useRef, useState } from 'react'
import { ApiError } from '../../api/http'

export function errorCodeOf(error: unknown): string {
  return error instanceof ApiError ? error.code : 'unexpected'
}

/**
 * One server command at a time from a form or a row: a second press while the first is on its
 * way is ignored, and the failure is kept as an error code for the page to put in words.
 */
export function useAction() {
  const [busy, setBusy] = useState(false)
  const [failure, setFailure] = useState<string | null>(null)
  const running = useRef(false)

  const run = useCallback(async <T>(command: () => Promise<T>): Promise<T | undefined> => {
    if (running.current) return undefined
    running.current = true
    setBusy(true)
    setFailure(null)
    try {
      return await command()
    } catch (error) {
      setFailure(errorCodeOf(error))
      return undefined
    } finally {
      running.current = false
      setBusy(false)
    }
  }, [])

  return { busy, failure, setFailure, run }
}
