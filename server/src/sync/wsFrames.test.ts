import { describe, expect, it } from 'vitest'
import { encodeUpdate } from './protocol.js'
import { encodeRelayFrames, encodeWebSocketFrames, updateMessageBytes } from './wsFrames.js'

/** An update-sized run of bytes (the framing does not read them). */
const bytes = (length: number) => Uint8Array.from({ length }, (_, i) => i % 251)

describe('WebSocket frames of a relayed batch', () => {
  it('frames updates from their bytes as the encoded update messages would be framed', () => {
    // Lengths at each edge of the frame header (125/126, 65535/65536) and of the varUint
    // that carries the update's length inside the message (127/128, 16383/16384).
    const lengths = [0, 1, 120, 121, 122, 123, 124, 125, 126, 127, 128, 16383, 16384, 65530]
    const updates = [...lengths, 65531, 65532, 65533, 70000].map(bytes)
    const awareness = bytes(300)
    const messages = updates.map(encodeUpdate)
    expect(encodeRelayFrames(updates, [awareness])).toEqual(
      encodeWebSocketFrames([...messages, awareness]),
    )
    for (const [i, update] of updates.entries()) {
      expect(updateMessageBytes(update.byteLength)).toBe(messages[i]?.byteLength)
    }
  })
})
