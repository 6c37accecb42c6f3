import * as decoding from 'lib0/decoding'
import * as Y from 'yjs'

/**
 * What an update writes at the top of a document, read from the update without applying it:
 * the roots it names, and per root the map keys it sets. An item names its root only when it
 * has no neighbour to inherit it from, so every root an update creates is named here; items
 * placed after an existing one belong to that one's root, which the document already has.
 */
export interface Writes {
  roots: Set<string>
  keys: Map<string, Set<string>>
}

/** What the room judges an update by before applying it, and relays it by after. */
export interface UpdateHeaders {
  writes: Writes
  /** Each Yjs client id the update writes under, with the clock its changes reach. */
  clients: Map<number, number>
  /** Every client the update holds structs of, gaps (skips) included: what `Y.parseUpdateMeta` names. */
  named: Set<number>
  /**
   * Where each client's structs start, for a plain update: every client named once, in one
   * run of items without gaps or collected (GC) structs, and no bytes after the delete set
   * (what a client's transaction is). Null for anything else (merged updates with gaps,
   * deleted content a sync step 2 carries as GC structs, odd encodings).
   */
  starts: Map<number, number> | null
  /** The delete set: per client its ranges, as clock, length, clock, length, … */
  deletes: Map<number, number[]>
}

/**
 * An update with its headers in one object, as `decodeFrame` hands it to the room: made once
 * by the reader, of one shape whichever reader made it (spreading the headers into a message
 * copied them into a second object for every edit).
 */
export interface UpdateMessage extends UpdateHeaders {
  type: 'update'
  update: Uint8Array
}

/**
 * Reads an update's struct headers (ids, lengths, parents, map keys) and its delete set, and
 * steps over the content bytes without building objects: `Y.decodeUpdate` builds an Item, an
 * ID and the content of every struct, only for the room to read a few fields and for
 * `Y.applyUpdate` to build them all again. It gives exactly what `Y.decodeUpdate` would; an
 * update it is unsure of (a sub-document, bytes Yjs would refuse) is handed to
 * `Y.decodeUpdate`, which answers it or throws as before.
 */
export function readUpdateHeaders(update: Uint8Array): UpdateMessage {
  try {
    return readLean(update)
  } catch {
    return readDecoded(update)
  }
}

/** Deeper nesting of plain values is left to `Y.decodeUpdate` (which recurses as deep as it can). */
const MAX_ANY_DEPTH = 64

/** The lean reader alone (exported for its test): throws on whatever it does not read itself. */
export function readLean(update: Uint8Array): UpdateMessage {
  const decoder = decoding.createDecoder(update)
  const writes: Writes = { roots: new Set(), keys: new Map() }
  const clients = new Map<number, number>()
  const named = new Set<number>()
  let starts: Map<number, number> | null = new Map()
  const sections = decoding.readVarUint(decoder)
  for (let s = 0; s < sections; s++) {
    const count = decoding.readVarUint(decoder)
    const client = decoding.readVarUint(decoder)
    let clock = decoding.readVarUint(decoder)
    if (starts?.has(client)) starts = null
    if (count > 0) {
      named.add(client)
      starts?.set(client, clock)
    }
    for (let i = 0; i < count; i++) {
      const info = readByte(decoder)
      if (info === SKIP) {
        clock += decoding.readVarUint(decoder)
        starts = null
        continue
      }
      let length: number
      if ((info & 0b11111) === 0) {
        length = decoding.readVarUint(decoder)
        starts = null
      } else {
        if (info & HAS_ORIGIN) skipId(decoder)
        if (info & HAS_RIGHT_ORIGIN) skipId(decoder)
        const ownParent = (info & (HAS_ORIGIN | HAS_RIGHT_ORIGIN)) === 0
        let root: string | null = null
        if (ownParent) {
          if (decoding.readVarUint(decoder) === 1) root = readString(decoder)
          else skipId(decoder)
        }
        const key = ownParent && info & HAS_PARENT_SUB ? readString(decoder) : null
        length = skipContent(decoder, info & 0b11111)
        if (root !== null) {
          writes.roots.add(root)
          if (key !== null) {
            const keys = writes.keys.get(root) ?? new Set<string>()
            keys.add(key)
            writes.keys.set(root, keys)
          }
        }
      }
      const end = clock + length
      if (end > (clients.get(client) ?? 0)) clients.set(client, end)
      clock = end
    }
  }
  const deletes = readDeletes(decoder)
  if (decoder.pos !== update.byteLength) starts = null
  return { type: 'update', update, writes, clients, named, starts, deletes }
}

/** The same headers from `Y.decodeUpdate`'s structs: for what the lean reader leaves. */
export function readDecoded(update: Uint8Array): UpdateMessage {
  const { structs, ds } = Y.decodeUpdate(update)
  const writes: Writes = { roots: new Set(), keys: new Map() }
  const clients = new Map<number, number>()
  const named = new Set<number>()
  for (const struct of structs) {
    named.add(struct.id.client)
    // Skips are gaps in the update, not changes of their client.
    if (struct instanceof Y.Skip) continue
    const end = struct.id.clock + struct.length
    if (end > (clients.get(struct.id.client) ?? 0)) clients.set(struct.id.client, end)
    if (!(struct instanceof Y.Item)) continue
    const parent = struct.parent as unknown
    if (typeof parent !== 'string') continue
    writes.roots.add(parent)
    if (struct.parentSub !== null) {
      const keys = writes.keys.get(parent) ?? new Set<string>()
      keys.add(struct.parentSub)
      writes.keys.set(parent, keys)
    }
  }
  const deletes = new Map<number, number[]>()
  for (const [client, items] of ds.clients) {
    deletes.set(
      client,
      items.flatMap((item) => [item.clock, item.len]),
    )
  }
  return { type: 'update', update, writes, clients, named, starts: null, deletes }
}

/** A struct's info byte: a skip (a gap), and the flags of an item's header. */
const SKIP = 10
const HAS_ORIGIN = 0b1000_0000
const HAS_RIGHT_ORIGIN = 0b0100_0000
const HAS_PARENT_SUB = 0b0010_0000

function readByte(decoder: decoding.Decoder): number {
  if (decoder.pos >= decoder.arr.length) throw new RangeError('end of update')
  return decoding.readUint8(decoder)
}

function skipId(decoder: decoding.Decoder): void {
  decoding.readVarUint(decoder)
  decoding.readVarUint(decoder)
}

function skipBytes(decoder: decoding.Decoder, length: number): void {
  if (decoder.pos + length > decoder.arr.length) throw new RangeError('end of update')
  decoder.pos += length
}

/** Names (roots, keys) this short and ASCII are read without the TextDecoder's cost per call. */
const SHORT_NAME = 32

/** A string as lib0 reads it (`decoding.readVarString`). */
function readString(decoder: decoding.Decoder): string {
  const start = decoder.pos
  const bytes = decoding.readVarUint(decoder)
  const from = decoder.pos
  const arr = decoder.arr
  if (bytes <= SHORT_NAME && from + bytes <= arr.length) {
    let text = ''
    for (let i = from; i < from + bytes; i++) {
      const byte = arr[i] as number
      if (byte >= 0x80) break
      text += String.fromCharCode(byte)
    }
    if (text.length === bytes) {
      decoder.pos = from + bytes
      return text
    }
  }
  decoder.pos = start
  return decoding.readVarString(decoder)
}

/** A string's length in UTF-16 code units, as Yjs counts text; decoded only when not ASCII. */
function stringLength(decoder: decoding.Decoder): number {
  const start = decoder.pos
  const bytes = decoding.readVarUint(decoder)
  const from = decoder.pos
  skipBytes(decoder, bytes)
  const arr = decoder.arr
  for (let i = from; i < from + bytes; i++) {
    if ((arr[i] as number) >= 0x80) {
      decoder.pos = start
      // Decoded as Yjs decodes it (lib0's strict decoder throws on broken UTF-8).
      return decoding.readVarString(decoder).length
    }
  }
  return bytes
}

/** Steps over an item's content; returns its length (the clocks it takes). */
function skipContent(decoder: decoding.Decoder, ref: number): number {
  switch (ref) {
    case 1: // deleted
      return decoding.readVarUint(decoder)
    case 2: {
      // JSON (older clients): parsed, as Yjs refuses what does not parse
      const count = decoding.readVarUint(decoder)
      for (let i = 0; i < count; i++) {
        const text = decoding.readVarString(decoder)
        if (text !== 'undefined') JSON.parse(text)
      }
      return count
    }
    case 3: // binary
      skipBytes(decoder, decoding.readVarUint(decoder))
      return 1
    case 4: // string
      return stringLength(decoder)
    case 5: // embed
      JSON.parse(decoding.readVarString(decoder))
      return 1
    case 6: // format: key and JSON value
      decoding.readVarString(decoder)
      JSON.parse(decoding.readVarString(decoder))
      return 1
    case 7: {
      // a type; elements and hooks carry their name
      const type = decoding.readVarUint(decoder)
      if (type > 6) throw new RangeError('unknown type')
      if (type === 3 || type === 5) decoding.readVarString(decoder)
      return 1
    }
    case 8: {
      // plain values (lib0's `any`)
      const count = decoding.readVarUint(decoder)
      for (let i = 0; i < count; i++) skipAny(decoder, 0)
      return count
    }
    default:
      // 9, a sub-document, is left to Yjs; 10 with flags and 11–31 are no content at all.
      throw new RangeError('content left to Yjs')
  }
}

/** Steps over one lib0 `any` value, checking it as `decoding.readAny` would. */
function skipAny(decoder: decoding.Decoder, depth: number): void {
  if (depth > MAX_ANY_DEPTH) throw new RangeError('nested deeper than read here')
  switch (readByte(decoder)) {
    case 127: // undefined
    case 126: // null
    case 121: // false
    case 120: // true
      return
    case 125: // integer
      decoding.readVarInt(decoder)
      if (decoder.pos > decoder.arr.length) throw new RangeError('end of update')
      return
    case 124: // float32
      skipBytes(decoder, 4)
      return
    case 123: // float64
    case 122: // bigint64
      skipBytes(decoder, 8)
      return
    case 119: // string
      stringLength(decoder)
      return
    case 118: {
      // object: keys and values
      const count = decoding.readVarUint(decoder)
      for (let i = 0; i < count; i++) {
        stringLength(decoder)
        skipAny(decoder, depth + 1)
      }
      return
    }
    case 117: {
      // array
      const count = decoding.readVarUint(decoder)
      for (let i = 0; i < count; i++) skipAny(decoder, depth + 1)
      return
    }
    case 116: // bytes
      skipBytes(decoder, decoding.readVarUint(decoder))
      return
    default:
      throw new RangeError('unknown value type')
  }
}

/** The delete set, read as `Y.decodeUpdate` reads it (a client named twice adds to its ranges). */
function readDeletes(decoder: decoding.Decoder): Map<number, number[]> {
  const deletes = new Map<number, number[]>()
  const count = decoding.readVarUint(decoder)
  for (let i = 0; i < count; i++) {
    const client = decoding.readVarUint(decoder)
    const ranges = decoding.readVarUint(decoder)
    if (ranges === 0) continue
    let list = deletes.get(client)
    if (!list) {
      list = []
      deletes.set(client, list)
    }
    for (let r = 0; r < ranges; r++) {
      list.push(decoding.readVarUint(decoder), decoding.readVarUint(decoder))
    }
  }
  return deletes
}
