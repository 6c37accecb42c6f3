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
    at = writeHeader(out, at, payload.byteLength)
    out.set(payload, at)
    at += payload.byteLength
  }
  return out
}

/**
 * The frames of a relayed batch: each Yjs update as a y-websocket update message (sync, update,
 * the update's length, the update) framed straight from the update's bytes, then `others` as
 * they are. The same bytes as `encodeWebSocketFrames` of the encoded messages, without encoding
 * every message on its own first.
 */
export function encodeRelayFrames(
  updates: readonly Uint8Array[],
  others: readonly Uint8Array[],
): Buffer {
  let total = 0
  for (const update of updates) {
    const length = updateMessageBytes(update.byteLength)
    total += headerBytes(length) + length
  }
  for (const other of others) total += headerBytes(other.byteLength) + other.byteLength
  const out = Buffer.allocUnsafe(total)
  let at = 0
  for (const update of updates) {
    at = writeHeader(out, at, updateMessageBytes(update.byteLength))
    out[at++] = MESSAGE_SYNC
    out[at++] = SYNC_UPDATE
    at = writeVarUint(out, at, update.byteLength)
    out.set(update, at)
    at += update.byteLength
  }
  for (const other of others) {
    at = writeHeader(out, at, other.byteLength)
    out.set(other, at)
    at += other.byteLength
  }
  return out
}

/** The bytes of a y-websocket update message carrying an update of `length` bytes. */
export function updateMessageBytes(length: number): number {
  return 2 + varUintBytes(length) + length
}

/** y-websocket's message type `sync` and its sub-type `update` (y-protocols/sync). */
const MESSAGE_SYNC = 0
const SYNC_UPDATE = 2

function varUintBytes(value: number): number {
  let bytes = 1
  while (value >= 0x80) {
    value = Math.floor(value / 0x80)
    bytes++
  }
  return bytes
}

/** lib0's varUint: seven bits a byte, lowest first, the high bit set on all but the last. */
function writeVarUint(out: Buffer, at: number, value: number): number {
  while (value >= 0x80) {
    out[at++] = 0x80 | (value % 0x80)
    value = Math.floor(value / 0x80)
  }
  out[at++] = value
  return at
}

function writeHeader(out: Buffer, at: number, length: number): number {
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
  return at
}

/** FIN set, opcode 2 (binary). */
const FIN_BINARY = 0x82

function headerBytes(length: number): number {
  return length < 126 ? 2 : length <= 0xffff ? 4 : 10
}
