import { timingSafeEqual } from 'node:crypto'
import type { Context } from 'hono'

/** The token of `Authorization: Bearer …`, if any. */
export function bearerToken(c: Context): string | undefined {
  const header = c.req.header('authorization')
  const match = header ? /^Bearer\s+(\S+)$/i.exec(header) : null
  return match?.[1]
}

export function sameSecret(given: string | undefined, expected: string): boolean {
  if (!given) return false
  const a = Buffer.from(given)
  const b = Buffer.from(expected)
  return a.length === b.length && timingSafeEqual(a, b)
}
