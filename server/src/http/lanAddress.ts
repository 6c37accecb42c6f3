import { type NetworkInterfaceInfo, networkInterfaces } from 'node:os'

type Interfaces = NodeJS.Dict<NetworkInterfaceInfo[]>

const PRIVATE_IPV4 = [/^10\./, /^192\.168\./, /^172\.(1[6-9]|2\d|3[01])\./]

/**
 * The IPv4 address of this machine that a phone on the same network can open: a private
 * (venue or office LAN) address first, else any other non-loopback, non-link-local one.
 * Null when the machine has none (then links can only say localhost).
 */
export function lanAddress(interfaces: Interfaces = networkInterfaces()): string | null {
  const candidates = Object.values(interfaces)
    .flatMap((list) => list ?? [])
    .filter(
      (info) => info.family === 'IPv4' && !info.internal && !info.address.startsWith('169.254.'),
    )
    .map((info) => info.address)
  return (
    candidates.find((address) => PRIVATE_IPV4.some((range) => range.test(address))) ??
    candidates[0] ??
    null
  )
}
