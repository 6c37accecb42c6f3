/**
 * WebSocket frames (RFC 6455 §5.2) as a server writes them: final, binary, unmasked. A room
 * frames what it relays once and writes the same bytes to every socket, where `ws` would
 * build a header per socket and hand each message to the kernel separately.
 */
export function encodeWebSocketFrames(payloads: readonly Uint8Array[]): Buffer {
  let total = 0
  for (const payload of payloads) total += headerBytes(payload.byteLength) + payload.byteLength
  const out = Buffer.allocUnsafe(total)
  let at = 0
  for (const payload of payloads) {
    const length = payload.byteLength
    out[at++] = FIN_BINARY
    if (length < 126) {
      out[at++] = length
    } else if (length <= 0xffff) {
      out[at++] = 126
      out.writeUInt16BE(length, at)
      at += 2
    } else {
      out[at++] = 127
      // A 64-bit length; the frames here are far below 2^48 bytes.
      out.writeUInt16BE(0, at)
      out.writeUIntBE(length, at + 2, 6)
      at += 8
    }
    out.set(payload, at)
    at += length
  }
  return out
}

/** FIN set, opcode 2 (binary). */
const FIN_BINARY = 0x82

function headerBytes(length: number): number {
  return length < 126 ? 2 : length <= 0xffff ? 4 : 10
}
