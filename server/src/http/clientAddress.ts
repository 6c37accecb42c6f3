import type { IncomingMessage } from 'node:http'
import { isIPv6, type Socket } from 'node:net'
import { getConnInfo } from '@hono/node-server/conninfo'
import type { Context } from 'hono'

/**
 * The address a request came from, for rate limits and socket caps. Behind `trustProxy`
 * reverse proxies it is read from `X-Forwarded-For`, right to left: each proxy appends the
 * address it received the request from, so the N-th entry from the right was written by the
 * outermost trusted proxy, and anything left of it is whatever the client chose to send.
 */
export function clientAddress(c: Context, trustProxy: number): string {
  return addressFrom(
    c.req.header('x-forwarded-for'),
    () => getConnInfo(c).remote.address,
    trustProxy,
  )
}

/**
 * The same for a Node request read directly (the sync upgrade, which skips Hono): Node joins
 * repeated `X-Forwarded-For` lines with ", " as the request's `Headers` do.
 */
export function incomingAddress(incoming: IncomingMessage | undefined, trustProxy: number): string {
  const forwarded = incoming?.headers['x-forwarded-for']
  return addressFrom(
    typeof forwarded === 'string' ? forwarded : undefined,
    () => uncachedRemoteAddress((incoming as IncomingMessage).socket),
    trustProxy,
  )
}

/**
 * The socket's remote address, without the copy Node keeps on the socket once it is read
 * (`_peername`: the address, its family and port, ~100 bytes for as long as a sync socket
 * stays open). Read again, it is asked of the connection again.
 */
function uncachedRemoteAddress(socket: Socket): string | undefined {
  const address = socket.remoteAddress
  ;(socket as unknown as { _peername?: unknown })._peername = undefined
  return address
}

function addressFrom(
  forwardedFor: string | undefined,
  remote: () => string | undefined,
  trustProxy: number,
): string {
  if (trustProxy > 0) {
    const hops = (forwardedFor ?? '')
      .split(',')
      .map((hop) => hop.trim())
      .filter(Boolean)
    // Fewer entries than proxies: the request skipped one, so the left-most is all we know.
    const hop = hops[Math.max(0, hops.length - trustProxy)]
    if (hop) return hop
  }
  try {
    return remote() ?? 'unknown'
  } catch {
    return 'unknown'
  }
}

/**
 * What limits count by: an IPv4 address, or an IPv6 /64 (one home or phone network holds a
 * whole /64, so counting single IPv6 addresses would let one person be millions of clients).
 */
export function addressKey(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)
  if (mapped) return mapped[1] as string
  if (!isIPv6(address)) return address
  return `${expandIPv6(address).slice(0, 4).join(':')}::/64`
}

function expandIPv6(address: string): string[] {
  const [head = '', tail] = address.split('%')[0]?.split('::') ?? ['']
  const left = head ? head.split(':') : []
  const right = tail ? tail.split(':') : []
  const zeros = tail === undefined ? [] : Array(8 - left.length - right.length).fill('0')
  return [...left, ...zeros, ...right].map((group) => group.toLowerCase().replace(/^0+(?=.)/, ''))
}
