/** Random ids in the `[a-z0-9]` alphabet the document names allow. */

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789'

// Both browsers and Node 20 have Web Crypto on globalThis; shared/ must not import node:crypto.
const webCrypto = (
  globalThis as unknown as { crypto: { getRandomValues(a: Uint8Array): Uint8Array } }
).crypto

/** A random id of `length` characters (default 12: ~62 bits, plenty for notes and groups). */
export function newId(length = 12): string {
  const bytes = webCrypto.getRandomValues(new Uint8Array(length))
  let id = ''
  for (const byte of bytes) id += ALPHABET[byte % ALPHABET.length]
  return id
}
