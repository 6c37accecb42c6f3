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
  const headers: Record<string, string> = { Accept: 'application/json' }
  if (options.token) headers.Authorization = `Bearer ${options.token}`
  if (options.body !== undefined) headers['Content-Type'] = 'application/json'
  let response: Response
  try {
    response = await fetch(path, {
      method: options.method ?? 'GET',
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
      credentials: 'omit',
      cache: 'no-store',
    })
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error
    throw new ApiError(0, NETWORK_UNAVAILABLE, 'the server could not be reached')
  }
  const body: unknown = await response.json().catch(() => null)
  if (!response.ok) throw errorFrom(response.status, body)
  return body as T
}
