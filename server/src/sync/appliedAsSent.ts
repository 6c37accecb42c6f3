import * as Y from 'yjs'
import { hasPending } from './admission.js'
import type { UpdateHeaders } from './updateHeaders.js'

/** A delete set larger than this (a reconnecting client's sync step 2 carries its whole one) is not compared. */
const MAX_COMPARED_DELETES = 256

/**
 * Whether a peer's transaction changed exactly what the peer's update says, so that the
 * update as sent can be stored and relayed in place of Yjs encoding the transaction again:
 *
 * - every client's structs are new from the first (the document's state of that client was
 *   where the update starts) and all went in as items: nothing was a resend, nothing was
 *   held back, and nothing was collected on arrival (an edit of a note whose map is gone
 *   lands nowhere, and Yjs would send it as a bare range without its text);
 * - the transaction deleted exactly the update's delete set, and none of the update's own
 *   items: an item that lands in a deleted note, or a map value that loses to a concurrent
 *   one, is deleted on arrival, and Yjs would send it without its content.
 *
 * Anything else (a sync step 2 with parts the server had, gaps, an odd encoding) is encoded
 * by Yjs as before. Called after the transaction's observers, before Yjs encodes it.
 */
export function appliedAsSent(doc: Y.Doc, tr: Y.Transaction, headers: UpdateHeaders): boolean {
  const { starts, clients, deletes } = headers
  if (starts === null || hasPending(doc)) return false
  // Keys, then `get`: no pair made and destructured per client (this runs for every edit).
  for (const client of starts.keys()) {
    const start = starts.get(client) as number
    const end = clients.get(client) ?? start
    if (end <= start) return false
    if ((tr.beforeState.get(client) ?? 0) !== start) return false
    if ((tr.afterState.get(client) ?? 0) !== end) return false
    if (collected(doc, client, start, end)) return false
  }
  const deleted = tr.deleteSet.clients
  if (deleted.size === 0) return deletes.size === 0 && starts.size > 0
  if (deleted.size !== deletes.size) return false
  let compared = 0
  for (const client of deleted.keys()) {
    const items = deleted.get(client) as Array<{ clock: number; len: number }>
    const sent = deletes.get(client)
    if (!sent) return false
    compared += sent.length / 2
    if (compared > MAX_COMPARED_DELETES) return false
    const ranges = merged(sent)
    if (ranges.length !== items.length * 2) return false
    const before = tr.beforeState.get(client) ?? 0
    for (let i = 0; i < items.length; i++) {
      const item = items[i] as { clock: number; len: number }
      if (item.clock + item.len > before) return false
      if (ranges[i * 2] !== item.clock || ranges[i * 2 + 1] !== item.len) return false
    }
  }
  return true
}

/** Whether any of a client's structs from `start` to `end` is a collected (GC) one. */
function collected(doc: Y.Doc, client: number, start: number, end: number): boolean {
  const structs = doc.store.clients.get(client)
  if (!structs) return true
  for (let i = Y.findIndexSS(structs, start); i < structs.length; i++) {
    const struct = structs[i] as Y.AbstractStruct
    if (struct.id.clock >= end) break
    if (struct instanceof Y.GC) return true
  }
  return false
}

/**
 * Delete ranges (clock, length, …) sorted and merged as Yjs merges a transaction's delete set
 * (`sortAndMergeDeleteSet`: ranges that touch or overlap become one).
 */
function merged(ranges: number[]): number[] {
  const pairs: Array<[number, number]> = []
  for (let i = 0; i < ranges.length; i += 2) {
    pairs.push([ranges[i] as number, ranges[i + 1] as number])
  }
  pairs.sort((a, b) => a[0] - b[0])
  const out: number[] = []
  for (const [clock, len] of pairs) {
    const last = out.length - 2
    if (last >= 0 && (out[last] as number) + (out[last + 1] as number) >= clock) {
      out[last + 1] = Math.max(out[last + 1] as number, clock + len - (out[last] as number))
    } else out.push(clock, len)
  }
  return out
}
