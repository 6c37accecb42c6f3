import type { Provider } from '@lexical/yjs'
import { useCallback, useEffect, useRef, useState } from 'react'
import * as Y from 'yjs'
import { openDoc, type SyncedDoc } from '../../../sync/openDoc'
import { lexicalProvider } from './provider'

/**
 * The `providerFactory` for one Lexical editor, and the synced document it made. Each mount
 * gets a fresh Y.Doc (the binding must observe it before content arrives); the document and
 * its socket are destroyed a moment after unmount, which React's development double mount
 * cancels by mounting again.
 */
export function useLexicalDoc(token: string): {
  factory: (id: string, docMap: Map<string, Y.Doc>) => Provider
  synced: SyncedDoc | null
} {
  const owned = useRef<SyncedDoc | null>(null)
  const pendingDestroy = useRef<ReturnType<typeof setTimeout> | null>(null)
  const [synced, setSynced] = useState<SyncedDoc | null>(null)

  const factory = useCallback(
    (id: string, docMap: Map<string, Y.Doc>) => {
      owned.current?.destroy()
      const doc = new Y.Doc()
      docMap.set(id, doc)
      const opened = openDoc(id, token, { presence: true, doc, deferStart: true })
      owned.current = opened
      setSynced(opened)
      return lexicalProvider(opened)
    },
    [token],
  )

  useEffect(() => {
    if (pendingDestroy.current) clearTimeout(pendingDestroy.current)
    pendingDestroy.current = null
    return () => {
      pendingDestroy.current = setTimeout(() => {
        // Others stop seeing this person's caret at once rather than after a timeout.
        owned.current?.awareness.setLocalState(null)
        owned.current?.destroy()
        owned.current = null
      }, 0)
    }
  }, [])

  return { factory, synced }
}
