/**
 * Answers asked for before the app's code has arrived. On venue wifi the app's scripts take
 * seconds; a tiny first script (`boot/early.ts`) starts the request a page is certain to make
 * first, and the app takes that answer instead of asking again. Only the same token's request
 * is handed over, and only once.
 */

interface EarlyRequest {
  path: string
  token: string
  response: Promise<Response>
}

declare global {
  interface Window {
    hytepajaEarly?: EarlyRequest[]
  }
}

/** The request as `requestJson` makes it (same headers, no cookies, no HTTP cache). */
export function startRequest(path: string, token: string | undefined, init: RequestInit = {}) {
  const headers: Record<string, string> = { Accept: 'application/json' }
  if (token) headers.Authorization = `Bearer ${token}`
  if (init.body !== undefined) headers['Content-Type'] = 'application/json'
  return fetch(path, { ...init, headers, credentials: 'omit', cache: 'no-store' })
}

export function startEarly(path: string, token: string): void {
  // An unanswered early request is not an error of its own: the app asks again and reports it.
  const response = startRequest(path, token)
  response.catch(() => undefined)
  window.hytepajaEarly = [...(window.hytepajaEarly ?? []), { path, token, response }]
}

/** The early answer to exactly this request, taken once; null when there is none. */
export function takeEarly(path: string, token: string): Promise<Response> | null {
  const early = window.hytepajaEarly ?? []
  const index = early.findIndex((e) => e.path === path && e.token === token)
  if (index < 0) return null
  const [taken] = early.splice(index, 1)
  return taken?.response ?? null
}
