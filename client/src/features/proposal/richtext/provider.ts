import type { Provider } from '@lexical/yjs'
import type { SyncedDoc } from '../../../sync/openDoc'

type Listener = (value: never) => void

/**
 * The `@lexical/yjs` provider interface over one of our synced documents, so a Lexical editor
 * gets the same offline copy, reconnects and "saved" acknowledgements as the board.
 *
 * The plugin calls `connect()` once its binding observes the document: that is when the
 * document may start to fill (`start()` is idempotent). `disconnect()` does nothing: the
 * editor's owner destroys the document after unmount, and React's development double mount
 * would otherwise close a socket that is about to be used again.
 */
export function lexicalProvider(synced: SyncedDoc): Provider {
  const listeners = { sync: new Set<Listener>(), status: new Set<Listener>() }
  let last = synced.status()
  synced.onStatus(() => {
    const next = synced.status()
    if (next.connection !== last.connection) {
      for (const listener of listeners.status)
        (listener as (e: object) => void)({ status: next.connection })
    }
    if (next.synced !== last.synced) {
      for (const listener of listeners.sync) (listener as (s: boolean) => void)(next.synced)
    }
    last = next
  })
  const setOf = (type: string) => (type === 'sync' || type === 'status' ? listeners[type] : null)
  const provider = {
    awareness: synced.awareness,
    connect: () => synced.start(),
    disconnect: () => {},
    on: (type: string, listener: Listener) => {
      setOf(type)?.add(listener)
    },
    off: (type: string, listener: Listener) => {
      setOf(type)?.delete(listener)
    },
  }
  // y-protocols' Awareness has the members Lexical calls; its state type is wider.
  return provider as unknown as Provider
}
