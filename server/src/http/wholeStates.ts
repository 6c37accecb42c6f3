import { promisify } from 'node:util'
import { brotliCompress, constants, gzip } from 'node:zlib'
import * as Y from 'yjs'
import { hasPending } from '../sync/admission.js'
import type { Room } from '../sync/room.js'
import type { Encoding } from './acceptEncoding.js'

const brotli = promisify(brotliCompress)
const gzipAsync = promisify(gzip)

/** The whole document as of one change count, plain and in each encoding asked for so far. */
interface Kept {
  changes: number
  plain: Uint8Array
  encoded: Partial<Record<Encoding, Promise<Buffer>>>
}

/**
 * The whole state of each loaded room as one Yjs update, kept with its compressed forms until
 * the room changes: thousands of phones opening one board cost one encoding and one compression
 * per encoding, not one each (a 2,000-note board is ~870 kB, ~140 kB compressed). Keyed by the
 * room object, so an unloaded room's copy goes with it. `room.changes` counts every update of
 * any origin; changes Yjs holds back (waiting for what they build on) fire none, so while there
 * are any each answer is encoded afresh, as `FirstSync` does for the sockets.
 */
export class WholeStates {
  private readonly kept = new WeakMap<Room, Kept>()

  /** The room's document as one update, applied to an empty Y.Doc it gives the same document. */
  plain(room: Room): Uint8Array {
    return this.current(room).plain
  }

  /** The same bytes compressed (brotli at quality 5 is about as fast as gzip and smaller). */
  encoded(room: Room, encoding: Encoding): Promise<Buffer> {
    const kept = this.current(room)
    let done = kept.encoded[encoding]
    if (!done) {
      done = compress(kept.plain, encoding)
      kept.encoded[encoding] = done
      // A failed compression is tried again by the next request, not kept.
      done.catch(() => {
        if (kept.encoded[encoding] === done) delete kept.encoded[encoding]
      })
    }
    return done
  }

  private current(room: Room): Kept {
    const kept = this.kept.get(room)
    if (kept && kept.changes === room.changes && !hasPending(room.doc)) return kept
    const fresh: Kept = {
      changes: room.changes,
      plain: Y.encodeStateAsUpdate(room.doc),
      encoded: {},
    }
    if (!hasPending(room.doc)) this.kept.set(room, fresh)
    else this.kept.delete(room)
    return fresh
  }
}

function compress(plain: Uint8Array, encoding: Encoding): Promise<Buffer> {
  if (encoding === 'gzip') return gzipAsync(plain)
  return brotli(plain, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: 5,
      [constants.BROTLI_PARAM_SIZE_HINT]: plain.byteLength,
    },
  })
}
