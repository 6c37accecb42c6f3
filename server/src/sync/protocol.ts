import { MESSAGE_SAVED } from '@hytepaja/shared/protocol/saved'
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import * as awarenessProtocol from 'y-protocols/awareness'
import * as syncProtocol from 'y-protocols/sync'
import * as Y from 'yjs'
import { readUpdateHeaders, type UpdateMessage } from './updateHeaders.js'

/** y-websocket message types (the first varUint of every frame). */
export const MessageType = { sync: 0, awareness: 1, auth: 2, queryAwareness: 3 } as const

export type Incoming =
  | { type: 'syncStep1'; stateVector: Uint8Array }
  | UpdateMessage
  | { type: 'awareness'; update: Uint8Array; clients: number[]; entries: AwarenessEntry[] }
  | { type: 'queryAwareness' }

/** One client's entry in an awareness update: whose, which version, and whether it is a removal. */
export interface AwarenessEntry {
  client: number
  clock: number
  removed: boolean
  /** The state as sent (JSON text; "null" for a removal). */
  state: string
  /** Longer than `MAX_AWARENESS_STATE` (not parsed, never relayed). */
  oversize?: boolean
  /** The state parsed, when it was (not kept for a state whose JSON is rewritten). */
  value?: unknown
}

/**
 * The longest awareness state relayed, in characters of its JSON: a name, a colour, a cursor and
 * a selection take a few hundred; nothing a person does needs more than this.
 */
export const MAX_AWARENESS_STATE = 4096

export class BadFrame extends Error {}

/**
 * Decodes one frame without touching any document. A frame that does not parse, or that
 * carries an update Yjs cannot decode, throws `BadFrame`, so bad input is refused before it
 * can reach a document.
 */
export function decodeFrame(frame: Uint8Array): Incoming {
  try {
    const decoder = decoding.createDecoder(frame)
    const type = decoding.readVarUint(decoder)
    switch (type) {
      case MessageType.sync: {
        const syncType = decoding.readVarUint(decoder)
        const payload = decoding.readVarUint8Array(decoder)
        if (syncType === syncProtocol.messageYjsSyncStep1) {
          Y.decodeStateVector(payload)
          return { type: 'syncStep1', stateVector: payload }
        }
        if (
          syncType === syncProtocol.messageYjsSyncStep2 ||
          syncType === syncProtocol.messageYjsUpdate
        ) {
          return readUpdateHeaders(payload)
        }
        throw new BadFrame(`unknown sync message ${syncType}`)
      }
      case MessageType.awareness: {
        const update = decoding.readVarUint8Array(decoder)
        const entries = awarenessEntries(update)
        return { type: 'awareness', update, clients: entries.map((e) => e.client), entries }
      }
      case MessageType.queryAwareness:
        return { type: 'queryAwareness' }
      default:
        throw new BadFrame(`unknown message type ${type}`)
    }
  } catch (error) {
    if (error instanceof BadFrame) throw error
    throw new BadFrame(error instanceof Error ? error.message : String(error))
  }
}

/** The entries of an awareness update; also checks that every state is JSON. */
export function awarenessEntries(update: Uint8Array): AwarenessEntry[] {
  const decoder = decoding.createDecoder(update)
  const count = decoding.readVarUint(decoder)
  const entries: AwarenessEntry[] = []
  for (let i = 0; i < count; i++) {
    const client = decoding.readVarUint(decoder)
    const clock = decoding.readVarUint(decoder)
    const state = decoding.readVarString(decoder)
    if (state.length > MAX_AWARENESS_STATE) {
      entries.push({ client, clock, removed: false, state, oversize: true })
    } else {
      const value: unknown = JSON.parse(state)
      entries.push({ client, clock, removed: value === null, state, value })
    }
  }
  return entries
}

/** An awareness update (without the frame's message type) of the given entries. */
export function encodeAwarenessEntries(
  entries: ReadonlyArray<Pick<AwarenessEntry, 'client' | 'clock' | 'state'>>,
): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, entries.length)
  for (const { client, clock, state } of entries) {
    encoding.writeVarUint(encoder, client)
    encoding.writeVarUint(encoder, clock)
    encoding.writeVarString(encoder, state)
  }
  return encoding.toUint8Array(encoder)
}

export function encodeSyncStep1(doc: Y.Doc): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MessageType.sync)
  syncProtocol.writeSyncStep1(encoder, doc)
  return encoding.toUint8Array(encoder)
}

export function encodeSyncStep2(doc: Y.Doc, stateVector: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MessageType.sync)
  syncProtocol.writeSyncStep2(encoder, doc, stateVector)
  return encoding.toUint8Array(encoder)
}

export function encodeUpdate(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MessageType.sync)
  syncProtocol.writeUpdate(encoder, update)
  return encoding.toUint8Array(encoder)
}

export function encodeAwareness(awareness: awarenessProtocol.Awareness, clients: number[]) {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MessageType.awareness)
  encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(awareness, clients))
  return encoding.toUint8Array(encoder)
}

/** Re-wraps an awareness update received from a peer, byte for byte, for the other peers. */
export function encodeAwarenessFrame(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MessageType.awareness)
  encoding.writeVarUint8Array(encoder, update)
  return encoding.toUint8Array(encoder)
}

/**
 * The clocks to acknowledge for an update just applied to `doc`: for each client the update
 * carries changes of (`named`, as read from it by `decodeFrame`), the document's contiguous
 * state of that client. Read from the document
 * and not from the update: `Y.encodeStateVectorFromUpdate` leaves out every client whose
 * changes in the update do not start at clock 0, i.e. every incremental update, and an update
 * with a gap before it is held back by Yjs and must not be acknowledged.
 */
export function savedClocks(doc: Y.Doc, named: Iterable<number>): Map<number, number> {
  const clocks = new Map<number, number>()
  for (const client of named) {
    clocks.set(client, Y.getState(doc.store, client))
  }
  return clocks
}

/** "Everything of these clients up to these clocks is on disk" (see shared/protocol/saved.ts). */
export function encodeSaved(clocks: ReadonlyMap<number, number>): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MESSAGE_SAVED)
  encoding.writeVarUint(encoder, clocks.size)
  for (const [clientId, clock] of clocks) {
    encoding.writeVarUint(encoder, clientId)
    encoding.writeVarUint(encoder, clock)
  }
  return encoding.toUint8Array(encoder)
}
