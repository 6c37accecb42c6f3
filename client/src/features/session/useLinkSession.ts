import { useCallback, useEffect, useRef, useState } from 'react'
import { fetchSession, type Session } from '../../api/endpoints'
import { ApiError, NETWORK_UNAVAILABLE } from '../../api/http'
import { followEventLanguage } from '../../i18n/followEventLanguage'
import { type Credential, credentials } from '../../sync/credentials'
import { clearLinkToken, readLinkToken } from './linkToken'

export type LinkSession =
  | { state: 'loading' }
  /** `session` is null when offline: the device's stored credential is used as it is. */
  | {
      state: 'ready'
      token: string
      credential: Credential
      session: Session | null
      /** Asks the server again without leaving the page (rights changed while it was open). */
      refresh(): void
    }
  /** Neither the address nor this device holds a token for the event. */
  | { state: 'missing' }
  /** The server does not accept the token (revoked, unknown, another event). */
  | { state: 'invalid' }
  | { state: 'failed'; code: string; retry(): void }

export interface LinkSessionOptions {
  /** The stored credential to use when the address has no token. */
  stored(): Credential | null
  /** Take the token out of the address bar once it is stored (all links but the join link). */
  clearFromAddress?: boolean
  /** Told first when the server has answered, before the page renders with the answer. */
  onReady?(link: ReadyLink): void
}

export type ReadyLink = Extract<LinkSession, { state: 'ready' }>

function credentialOf(token: string, session: Session): Credential {
  return {
    token,
    role: session.role,
    groupId: session.groupId,
    participant: session.participant,
    facilitator: session.facilitator ?? null,
    eventTitle: session.event.title,
    authorKeys: session.authorKeys,
  }
}

/**
 * Resolves the token of a link (or of this device) into a session and stores it per event
 * and role. Only reads from the server: opening a link changes nothing there.
 */
export function useLinkSession(eventId: string, options: LinkSessionOptions): LinkSession {
  const [fromAddress] = useState(readLinkToken)
  const [attempt, setAttempt] = useState(0)
  const [result, setResult] = useState<LinkSession>({ state: 'loading' })
  const { stored, clearFromAddress = true } = options
  const onReady = useRef(options.onReady)
  onReady.current = options.onReady
  const retry = useCallback(() => setAttempt((n) => n + 1), [])

  // biome-ignore lint/correctness/useExhaustiveDependencies: `attempt` re-runs the lookup on retry; `stored` is read once per attempt.
  useEffect(() => {
    const saved = stored()
    const token = fromAddress ?? saved?.token ?? null
    if (!token) {
      setResult({ state: 'missing' })
      return
    }
    const abort = new AbortController()
    // A refresh of an open page keeps showing it until the answer is in.
    setResult((prev) => (prev.state === 'ready' ? prev : { state: 'loading' }))
    fetchSession(token, abort.signal).then(
      (session) => {
        if (session.eventId !== eventId) {
          setResult({ state: 'invalid' })
          return
        }
        const credential = credentialOf(token, session)
        credentials.remember(eventId, credential)
        if (clearFromAddress) clearLinkToken()
        followEventLanguage(session.event.language)
        const ready: ReadyLink = { state: 'ready', token, credential, session, refresh: retry }
        onReady.current?.(ready)
        setResult(ready)
      },
      (error: unknown) => {
        if (abort.signal.aborted) return
        const code = error instanceof ApiError ? error.code : 'unexpected'
        const status = error instanceof ApiError ? error.status : 0
        if (status === 401 || status === 403) {
          credentials.forget(eventId, token)
          setResult({ state: 'invalid' })
        } else if (code === NETWORK_UNAVAILABLE && saved?.token === token) {
          // Offline with a token this device already knows: open from the local copy.
          setResult({ state: 'ready', token, credential: saved, session: null, refresh: retry })
        } else if (status === 404) {
          setResult({ state: 'invalid' })
        } else {
          setResult({ state: 'failed', code, retry })
        }
      },
    )
    return () => abort.abort()
  }, [eventId, fromAddress, attempt, clearFromAddress, retry])

  return result
}
