import type { Minutes } from '@hytepaja/shared/minutes/model'
import { useEffect, useState } from 'react'
import type * as Y from 'yjs'
import { fetchMinutesPreview, type MinutesFileLanguage } from '../../api/plenary'
import { errorCodeOf } from '../organiser/useAction'

/** Changes come in bursts (a decision, then the current item): one request after the last. */
const SETTLE_MS = 400
/** The attendance is not in the event document: asked again now and then for it. */
const REFRESH_MS = 30_000

export type PreviewLoad =
  | { state: 'loading' }
  | { state: 'ready'; minutes: Minutes }
  | { state: 'failed'; code: string }

/**
 * The minutes as the server builds them (the files' own model), asked for again whenever the
 * event document changes, so the preview follows every decision and correction as it lands.
 */
export function useMinutesPreview(
  eventId: string,
  token: string,
  lang: MinutesFileLanguage,
  doc: Y.Doc | null,
): PreviewLoad {
  const [load, setLoad] = useState<PreviewLoad>({ state: 'loading' })
  const [round, setRound] = useState(0)

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null
    const later = () => {
      if (timer) clearTimeout(timer)
      timer = setTimeout(() => setRound((n) => n + 1), SETTLE_MS)
    }
    doc?.on('update', later)
    const every = setInterval(() => setRound((n) => n + 1), REFRESH_MS)
    return () => {
      doc?.off('update', later)
      if (timer) clearTimeout(timer)
      clearInterval(every)
    }
  }, [doc])

  // biome-ignore lint/correctness/useExhaustiveDependencies: `round` asks again.
  useEffect(() => {
    const abort = new AbortController()
    fetchMinutesPreview(eventId, token, lang, abort.signal).then(
      (minutes) => {
        // A newer round has asked again: this answer is out of date.
        if (!abort.signal.aborted) setLoad({ state: 'ready', minutes })
      },
      (error: unknown) => {
        if (abort.signal.aborted) return
        // A preview already shown stays while the network is away.
        setLoad((prev) =>
          prev.state === 'ready' ? prev : { state: 'failed', code: errorCodeOf(error) },
        )
      },
    )
    return () => abort.abort()
  }, [eventId, token, lang, round])

  return load
}
