import { useCallback, useState } from 'react'
import { ApiError } from '../../api/http'

/**
 * Runs one server command at a time and keeps what the person needs to see: which command is
 * on its way, and the code of a refusal. The new state itself arrives live in the event
 * document, so the answer is not used.
 */
export function useCommand() {
  const [pending, setPending] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  const run = useCallback(async (name: string, send: () => Promise<unknown>) => {
    setPending(name)
    setError(null)
    try {
      await send()
    } catch (e) {
      setError(e instanceof ApiError ? e.code : 'unexpected')
    } finally {
      setPending(null)
    }
  }, [])
  return { pending, error, run, clearError: () => setError(null) }
}

export type Command = ReturnType<typeof useCommand>
