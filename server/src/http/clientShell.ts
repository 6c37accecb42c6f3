import { createHash } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { brotliCompressSync, constants, gzipSync } from 'node:zlib'
import type { Context } from 'hono'
import { type Encoding, pickEncoding, varyOnEncoding } from './acceptEncoding.js'

/** Written by the client's build (`client/build/routePreloads.ts`). */
const ROUTE_PRELOADS_FILE = 'route-preloads.json'

interface RoutePreload {
  path: string
  modules: string[]
  styles: string[]
}

/**
 * The app shell as sent: the HTML, and its compressed copies, each made when first asked for
 * and kept. Made at start, the five shells' copies (brotli at its best quality) held ~2 MB of
 * memory (the encoder's buffers and code) in a server that nobody had opened a page of yet.
 */
interface ShellVariant {
  etag: string
  identity: Buffer
  encoded: Partial<Record<Encoding, Buffer>>
}

export interface ClientShell {
  /** The shell for a client route: the one HTML, naming the files that route needs first. */
  send(c: Context): Response
}

/**
 * Every client route is answered with `index.html`. For the routes a phone opens from a link
 * (join, board, a person's own link) the shell also names that route's chunks, so they load
 * beside the entry instead of one round trip after it: on venue wifi each trip is ~400 ms.
 */
export function loadClientShell(root: string): ClientShell {
  const html = readFileSync(join(root, 'index.html'), 'utf8')
  const routes = readRoutePreloads(root).map((route) => ({
    match: routePattern(route.path),
    variant: shellVariant(withPreloads(html, route)),
  }))
  const plain = shellVariant(html)
  return {
    send(c) {
      const variant = routes.find((r) => r.match.test(c.req.path))?.variant ?? plain
      const encoding = pickEncoding(c.req.header('Accept-Encoding'), ['br', 'gzip'])
      const etag = encoding ? `${variant.etag.slice(0, -1)}-${encoding}"` : variant.etag
      const headers = new Headers({
        'Content-Type': 'text/html; charset=utf-8',
        // A new deploy must reach every phone on its next visit; the ETag makes that cheap.
        'Cache-Control': 'no-cache',
        Vary: varyOnEncoding(null),
        ETag: etag,
      })
      if (encoding) headers.set('Content-Encoding', encoding)
      if (c.req.header('If-None-Match') === etag)
        return new Response(null, { status: 304, headers })
      const body = encoding ? encodedBody(variant, encoding) : variant.identity
      headers.set('Content-Length', String(body.byteLength))
      return new Response(c.req.method === 'HEAD' ? null : new Uint8Array(body), { headers })
    },
  }
}

function readRoutePreloads(root: string): RoutePreload[] {
  const file = join(root, ROUTE_PRELOADS_FILE)
  // A client built without the plugin (or an older build) still works, one trip slower.
  if (!existsSync(file)) return []
  const parsed = JSON.parse(readFileSync(file, 'utf8')) as { routes?: RoutePreload[] }
  return parsed.routes ?? []
}

/** `/e/:eventId/g/:groupId` → a regular expression matching that path, with or without `/`. */
export function routePattern(path: string): RegExp {
  const source = path
    .split('/')
    .map((part) => (part.startsWith(':') ? '[^/]+' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('/')
  return new RegExp(`^${source}/?$`)
}

const SAFE_URL = /^\/[A-Za-z0-9/_.-]+$/

export function withPreloads(html: string, route: RoutePreload): string {
  const tags = [
    ...route.modules
      .filter((m) => SAFE_URL.test(m))
      .map((m) => `<link rel="modulepreload" crossorigin href="${m}">`),
    ...route.styles
      .filter((s) => SAFE_URL.test(s))
      .map((s) => `<link rel="preload" as="style" crossorigin href="${s}">`),
  ]
  if (tags.length === 0) return html
  return html.replace('</head>', `${tags.join('\n')}\n</head>`)
}

function shellVariant(html: string): ShellVariant {
  const identity = Buffer.from(html, 'utf8')
  return {
    etag: `"${createHash('sha256').update(identity).digest('base64url').slice(0, 22)}"`,
    identity,
    encoded: {},
  }
}

function encodedBody(variant: ShellVariant, encoding: Encoding): Buffer {
  variant.encoded[encoding] ??=
    encoding === 'br'
      ? brotliCompressSync(variant.identity, {
          params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY },
        })
      : gzipSync(variant.identity, { level: constants.Z_BEST_COMPRESSION })
  return variant.encoded[encoding]
}
