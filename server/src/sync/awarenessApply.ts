import { equalityDeep } from 'lib0/function'
import { getUnixTime } from 'lib0/time'
import type * as awarenessProtocol from 'y-protocols/awareness'

/** An awareness entry to apply: its state's JSON and, when already at hand, the parsed state. */
export interface EntryToApply {
  client: number
  clock: number
  /** The state's JSON ("null": removed). */
  state: string
  /** `JSON.parse(state)` if the caller has it (parsed or built before it was stringified). */
  value?: unknown
}

/**
 * y-protocols' `applyAwarenessUpdate` (1.0.7), line for line, for entries the room has decoded
 * already. A peer's awareness message was decoded and its states parsed to judge and stamp them;
 * applying it through y-protocols meant encoding the stamped entries again, decoding them and
 * parsing every state once more (a JSON.parse, an encoder and a decoder per message). Same
 * states, same clocks and the same `change` and `update` events with the same origin
 * (awarenessApply.test.ts checks both ways alike).
 */
export function applyAwarenessEntries(
  awareness: awarenessProtocol.Awareness,
  entries: readonly EntryToApply[],
  origin: unknown,
): void {
  const timestamp = getUnixTime()
  const added: number[] = []
  const updated: number[] = []
  const filteredUpdated: number[] = []
  const removed: number[] = []
  for (const entry of entries) {
    const clientID = entry.client
    let clock = entry.clock
    const state = entry.value !== undefined ? entry.value : JSON.parse(entry.state)
    const clientMeta = awareness.meta.get(clientID)
    const prevState = awareness.states.get(clientID)
    const currClock = clientMeta === undefined ? 0 : clientMeta.clock
    if (
      currClock < clock ||
      (currClock === clock && state === null && awareness.states.has(clientID))
    ) {
      if (state === null) {
        // As y-protocols: a peer never removes the server's own state (it has none).
        if (clientID === awareness.clientID && awareness.getLocalState() != null) clock++
        else awareness.states.delete(clientID)
      } else {
        awareness.states.set(clientID, state as Record<string, unknown>)
      }
      awareness.meta.set(clientID, { clock, lastUpdated: timestamp })
      if (clientMeta === undefined && state !== null) added.push(clientID)
      else if (clientMeta !== undefined && state === null) removed.push(clientID)
      else if (state !== null) {
        if (!equalityDeep(state, prevState)) filteredUpdated.push(clientID)
        updated.push(clientID)
      }
    }
  }
  if (added.length > 0 || filteredUpdated.length > 0 || removed.length > 0) {
    awareness.emit('change', [{ added, updated: filteredUpdated, removed }, origin])
  }
  if (added.length > 0 || updated.length > 0 || removed.length > 0) {
    awareness.emit('update', [{ added, updated, removed }, origin])
  }
}
