import { ApiError, NETWORK_UNAVAILABLE } from './http'

/** The real name from `filename*=UTF-8''…`, else the ASCII `filename="…"`, else `fallback`. */
export function fileNameOf(disposition: string | null, fallback: string): string {
  if (!disposition) return fallback
  const extended = /filename\*=UTF-8''([^;]+)/i.exec(disposition)?.[1]
  if (extended) {
    try {
      return decodeURIComponent(extended)
    } catch {
      // A broken encoding falls through to the plain name.
    }
  }
  return /filename="([^"]+)"/i.exec(disposition)?.[1] ?? fallback
}

/**
 * A file from `/api/…` with the token as a Bearer header (a plain link could not carry it): its
 * body and the name the server gives it. Refusals arrive as `ApiError` like every other call.
 */
export async function fetchFile(
  path: string,
  token: string,
  fallbackName: string,
): Promise<{ blob: Blob; name: string }> {
  let response: Response
  try {
    response = await fetch(path, {
      headers: { Authorization: `Bearer ${token}` },
      credentials: 'omit',
      cache: 'no-store',
    })
  } catch {
    throw new ApiError(0, NETWORK_UNAVAILABLE, 'the server could not be reached')
  }
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as {
      error?: { code?: string; message?: string }
    } | null
    throw new ApiError(
      response.status,
      body?.error?.code ?? `http.${response.status}`,
      body?.error?.message ?? `HTTP ${response.status}`,
    )
  }
  return {
    blob: await response.blob(),
    name: fileNameOf(response.headers.get('Content-Disposition'), fallbackName),
  }
}

/** Hands a fetched file to the browser's download, under the name the server gave it. */
export function saveFile(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob)
  const link = document.createElement('a')
  link.href = url
  link.download = name
  document.body.append(link)
  link.click()
  link.remove()
  // The browser has the file once the click is handled; the address can go after that.
  setTimeout(() => URL.revokeObjectURL(url), 60_000)
}
