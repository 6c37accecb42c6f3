/** What a sync upgrade asks for: the document (decoded), the token and `?saved=1`. */
export interface SyncTarget {
  docName: string
  token: string | undefined
  wantsSaved: boolean
}

const PREFIX = '/sync/'
/** A document name as clients send it (ids are base64url), its colons plain or as `%3A`. */
const PLAIN_NAME = /^(?:[A-Za-z0-9_.~:-]|%3[Aa])+$/
/** A query of `key=value` pairs of base64url and unreserved characters only (tokens are). */
const PLAIN_QUERY = /^[A-Za-z0-9_.~-]+=[A-Za-z0-9_.~-]*(?:&[A-Za-z0-9_.~-]+=[A-Za-z0-9_.~-]*)*$/

/**
 * The target of an upgrade in the form clients send (`/sync/{name}?token=…[&saved=1]`, the
 * name plain or with its colons as `%3A`), read without Hono; null for every other form, which
 * goes through the app's sync route as before. For the forms read here, Hono's path decoding,
 * `:doc` parameter, the route's second decoding and its `query()` give exactly these values
 * (upgradeTarget.test.ts compares them): nothing here needs decoding but `%3A`, and a query
 * without `%`, `+`, `#` or empty pairs is read the same by any parser.
 */
export function syncTargetOf(url: string | undefined): SyncTarget | null {
  if (url === undefined || !url.startsWith(PREFIX)) return null
  const queryAt = url.indexOf('?', PREFIX.length)
  const rawName = url.slice(PREFIX.length, queryAt === -1 ? undefined : queryAt)
  const docName = plainName(rawName)
  if (docName === null) return null
  let token: string | undefined
  let wantsSaved = false
  if (queryAt !== -1) {
    const query = url.slice(queryAt + 1)
    if (!PLAIN_QUERY.test(query)) return null
    let savedSeen = false
    for (const pair of query.split('&')) {
      const equals = pair.indexOf('=')
      const key = pair.slice(0, equals)
      // The first of each key counts, as in Hono's `query(key)`.
      if (key === 'token' && token === undefined) token = pair.slice(equals + 1)
      else if (key === 'saved' && !savedSeen) {
        savedSeen = true
        wantsSaved = pair.slice(equals + 1) === '1'
      }
    }
  }
  return { docName, token, wantsSaved }
}

/** The name with `%3A` as `:`, or null when it holds anything else needing a decoder. */
function plainName(raw: string): string | null {
  if (!PLAIN_NAME.test(raw)) return null
  return raw.includes('%') ? raw.replace(/%3a/gi, ':') : raw
}
