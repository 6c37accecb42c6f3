import { startRequest, takeEarly } from './early'

/**
 * A failed request, as data: the contract's `{error: {code, message}}`, or `network.unavailable`
 * when the server could not be reached at all. The UI shows a translated text per code.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message)
    this.name = 'ApiError'
  }
}

export const NETWORK_UNAVAILABLE = 'network.unavailable'

interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'
  token?: string
  body?: unknown
  signal?: AbortSignal
}

function errorFrom(status: number, body: unknown): ApiError {
  const error = (body as { error?: { code?: unknown; message?: unknown } } | null)?.error
  const code = typeof error?.code === 'string' ? error.code : `http.${status}`
  const message = typeof error?.message === 'string' ? error.message : `HTTP ${status}`
  return new ApiError(status, code, message)
}

/** Calls `/api/…` with the token as a Bearer header (never in the URL). */
export async function requestJson<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const sent =
    (!options.method || options.method === 'GET') && options.token
      ? takeEarly(path, options.token)
      : null
  let response: Response
  try {
    response = await (sent
      ? untilAborted(sent, options.signal)
      : startRequest(path, options.token, {
          method: options.method ?? 'GET',
          body: options.body === undefined ? undefined : JSON.stringify(options.body),
          signal: options.signal,
        }))
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error
    throw new ApiError(0, NETWORK_UNAVAILABLE, 'the server could not be reached')
  }
  const body: unknown = await response.json().catch(() => null)
  if (!response.ok) throw errorFrom(response.status, body)
  return body as T
}

/** An answer already on its way, given up on like a fetch of our own when the caller aborts. */
function untilAborted(response: Promise<Response>, signal: AbortSignal | undefined) {
  if (!signal) return response
  return new Promise<Response>((resolve, reject) => {
    const abort = () => reject(new DOMException('aborted', 'AbortError'))
    if (signal.aborted) abort()
    signal.addEventListener('abort', abort, { once: true })
    response.then(resolve, reject)
  })
}
