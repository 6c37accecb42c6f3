import { promisify } from 'node:util'
import { brotliCompress, constants, gzip } from 'node:zlib'
import type { MiddlewareHandler } from 'hono'
import { pickEncoding, varyOnEncoding } from './acceptEncoding.js'

const brotli = promisify(brotliCompress)
const gzipAsync = promisify(gzip)

/** JSON, the minutes' HTML and Markdown: text that shrinks; PDF and DOCX are compressed already. */
const TEXT = /^(application\/json|text\/)/i
/** Smaller answers gain less than the encoding costs in headers and time. */
const MIN_BYTES = 1024

/**
 * Compresses the API's answers for browsers that accept it (brotli, else gzip). Answers are
 * read whole before compressing: the API sends bounded JSON and documents, never a stream
 * (the WebSocket routes are not under this middleware). Brotli at quality 5 is about as fast
 * as gzip and still smaller.
 */
export function compressAnswers(): MiddlewareHandler {
  return async (c, next) => {
    await next()
    const res = c.res
    if (c.req.method === 'HEAD' || !res.body || res.headers.has('Content-Encoding')) return
    if (!TEXT.test(res.headers.get('Content-Type') ?? '')) return
    c.header('Vary', varyOnEncoding(res.headers.get('Vary')))
    const encoding = pickEncoding(c.req.header('Accept-Encoding'), ['br', 'gzip'])
    if (!encoding) return
    const plain = Buffer.from(await res.arrayBuffer())
    const body =
      plain.byteLength < MIN_BYTES
        ? plain
        : encoding === 'br'
          ? await brotli(plain, { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } })
          : await gzipAsync(plain)
    c.res = new Response(new Uint8Array(body), { status: res.status, headers: res.headers })
    // Assigning c.res carries the old headers over; set the ones that changed afterwards.
    c.res.headers.set('Content-Length', String(body.byteLength))
    if (body !== plain) c.res.headers.set('Content-Encoding', encoding)
  }
}
