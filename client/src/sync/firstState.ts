/**
 * The whole document fetched over HTTP, compressed (`GET /api/sync/{name}/state`), for a
 * device that has no copy of its own: `/sync` frames are not compressed, and on a slow link a
 * 2,000-note board's first sync frame (~870 kB; ~140 kB as brotli) was most of the first
 * render. The socket waits for this answer and then asks only for what it lacks.
 */

/** Longest wait for the whole state before the socket brings it instead (a stalled request). */
export const FIRST_STATE_WAIT_MS = 20_000

export function firstStateUrl(
  location: { protocol: string; host: string },
  name: string,
  token: string,
): string {
  const origin = `${location.protocol === 'https:' ? 'https' : 'http'}://${location.host}`
  return `${origin}/api/sync/${encodeURIComponent(name)}/state?token=${encodeURIComponent(token)}`
}

/**
 * The document's whole state as one Yjs update, or null when it could not be had (offline, a
 * refused token, a stall longer than `waitMs`): the socket then brings it, and tells why not.
 */
export async function fetchFirstState(
  url: string,
  { waitMs = FIRST_STATE_WAIT_MS, signal }: { waitMs?: number; signal?: AbortSignal } = {},
): Promise<Uint8Array | null> {
  // Not AbortSignal.any/timeout: phones on Safari before 17.4 lack the first.
  const controller = new AbortController()
  const stop = () => controller.abort()
  const timer = setTimeout(stop, waitMs)
  signal?.addEventListener('abort', stop)
  try {
    const response = await fetch(url, {
      // The token is in the address: nothing may keep the answer.
      cache: 'no-store',
      signal: controller.signal,
    })
    if (!response.ok) return null
    return new Uint8Array(await response.arrayBuffer())
  } catch {
    return null
  } finally {
    clearTimeout(timer)
    signal?.removeEventListener('abort', stop)
  }
}
