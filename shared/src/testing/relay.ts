import * as Y from 'yjs'

const RELAY = Symbol('relay')

/**
 * Connects Y.Docs as if through a server: every local update reaches every other doc. With
 * `paused`, updates queue until `flush()`, which lets a test make truly concurrent edits.
 */
export function connect(...docs: Y.Doc[]) {
  let paused = false
  const queue: Array<{ from: Y.Doc; update: Uint8Array }> = []
  const deliver = (from: Y.Doc, update: Uint8Array) => {
    for (const to of docs) if (to !== from) Y.applyUpdate(to, update, RELAY)
  }
  const handlers = docs.map((doc) => {
    const handler = (update: Uint8Array, origin: unknown) => {
      if (origin === RELAY) return
      if (paused) queue.push({ from: doc, update })
      else deliver(doc, update)
    }
    doc.on('update', handler)
    return () => doc.off('update', handler)
  })
  return {
    pause() {
      paused = true
    },
    flush() {
      paused = false
      for (const { from, update } of queue.splice(0)) deliver(from, update)
    },
    disconnect() {
      for (const off of handlers) off()
    },
  }
}
