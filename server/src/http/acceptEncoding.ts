/** The encodings this server sends besides the plain bytes, the smallest first. */
export const ENCODINGS = ['br', 'gzip'] as const
export type Encoding = (typeof ENCODINGS)[number]

/**
 * The best of `available` that the request's `Accept-Encoding` allows, or null for the plain
 * bytes. Honours q-values (`br;q=0` refuses brotli) and `*`; brotli wins a tie, being smaller.
 */
export function pickEncoding(
  header: string | undefined,
  available: readonly Encoding[],
): Encoding | null {
  if (!header || available.length === 0) return null
  const weights = new Map<string, number>()
  for (const part of header.split(',')) {
    const [token = '', ...params] = part.toLowerCase().split(';')
    const name = token.trim()
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='))
    const weight = q ? Number(q.slice(2)) : 1
    if (name) weights.set(name, Number.isFinite(weight) ? weight : 0)
  }
  let best: Encoding | null = null
  let bestWeight = 0
  for (const encoding of ENCODINGS) {
    if (!available.includes(encoding)) continue
    const weight = weights.get(encoding) ?? weights.get('*') ?? 0
    if (weight > bestWeight) {
      best = encoding
      bestWeight = weight
    }
  }
  return best
}

/** Adds `Accept-Encoding` to a `Vary` header value, once. */
export function varyOnEncoding(current: string | null): string {
  if (!current) return 'Accept-Encoding'
  if (current === '*' || /(^|,)\s*accept-encoding\s*(,|$)/i.test(current)) return current
  return `${current}, Accept-Encoding`
}
