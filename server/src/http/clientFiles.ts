import { createReadStream, readdirSync, statSync } from 'node:fs'
import { join, relative, sep } from 'node:path'
import { Readable } from 'node:stream'
import type { Context } from 'hono'
import { getMimeType } from 'hono/utils/mime'
import { type Encoding, pickEncoding, varyOnEncoding } from './acceptEncoding.js'

const SUFFIX: Record<Encoding, string> = { br: '.br', gzip: '.gz' }

/** One file of the built client, with the precompressed copies the build made beside it. */
interface ClientFile {
  type: string
  path: string
  size: number
  etag: string
  encoded: Partial<Record<Encoding, { path: string; size: number }>>
}

/** Built files carry their content hash in the name: a kept copy is always right. */
const IMMUTABLE = 'public, max-age=31536000, immutable'
/** Everything else (the service worker, the icon) is checked for a new version on every visit. */
const REVALIDATE = 'no-cache'

/**
 * The files of the built client, listed once at start: only these are ever sent (no path from
 * a request reaches the file system), each as the brotli or gzip copy made at build time when
 * the browser accepts one (`client/build/precompress.ts`).
 */
export function indexClientFiles(root: string): Map<string, ClientFile> {
  const names = readdirSync(root, { recursive: true, encoding: 'utf8' }).map((n) =>
    n.split(sep).join('/'),
  )
  const present = new Set(names)
  const files = new Map<string, ClientFile>()
  for (const name of names) {
    // Dot-folders are the build's own (`.vite/`); the copies are reached through their original.
    if (name.startsWith('.') || name.includes('/.') || /\.(br|gz)$/.test(name)) continue
    const path = join(root, name)
    const stat = statSync(path)
    if (!stat.isFile()) continue
    const encoded: ClientFile['encoded'] = {}
    for (const [encoding, suffix] of Object.entries(SUFFIX) as Array<[Encoding, string]>) {
      if (present.has(name + suffix)) {
        encoded[encoding] = { path: path + suffix, size: statSync(path + suffix).size }
      }
    }
    files.set(`/${relative(root, path).split(sep).join('/')}`, {
      type: getMimeType(name) ?? 'application/octet-stream',
      path,
      size: stat.size,
      etag: `"${stat.size.toString(16)}-${Math.floor(stat.mtimeMs).toString(16)}"`,
      encoded,
    })
  }
  return files
}

/** Sends one built file (GET or HEAD), or null when the path is not one. */
export function sendClientFile(c: Context, files: Map<string, ClientFile>): Response | null {
  const file = files.get(c.req.path)
  if (!file || (c.req.method !== 'GET' && c.req.method !== 'HEAD')) return null
  const encodings = Object.keys(file.encoded) as Encoding[]
  const encoding = pickEncoding(c.req.header('Accept-Encoding'), encodings)
  const chosen = encoding ? (file.encoded[encoding] ?? file) : file
  const headers = new Headers({
    'Content-Type': file.type,
    'Cache-Control': c.req.path.startsWith('/assets/') ? IMMUTABLE : REVALIDATE,
    ETag: encoding ? `${file.etag.slice(0, -1)}-${encoding}"` : file.etag,
  })
  // Every copy of a file that has copies is one variant: caches must key on the encoding.
  if (encodings.length > 0) headers.set('Vary', varyOnEncoding(null))
  if (encoding) headers.set('Content-Encoding', encoding)
  if (c.req.header('If-None-Match') === headers.get('ETag')) {
    return new Response(null, { status: 304, headers })
  }
  headers.set('Content-Length', String(chosen.size))
  if (c.req.method === 'HEAD') return new Response(null, { status: 200, headers })
  const body = Readable.toWeb(createReadStream(chosen.path)) as ReadableStream<Uint8Array>
  return new Response(body, { status: 200, headers })
}
