import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from 'react'
import type * as Y from 'yjs'
import type { SyncStatus } from './connectionState'
import { INITIAL_STATUS } from './connectionState'
import { changeCount, onDocChange } from './docChanges'
import type { SyncedDoc } from './openDoc'
import { type Present, readPresent } from './presence'
import { acquireDoc, releaseDoc } from './registry'

/** Opens a document for as long as the component shows it; null until a token is known. */
export function useDoc(
  docName: string | null,
  token: string | null,
  options: { presence?: boolean } = {},
): SyncedDoc | null {
  const [synced, setSynced] = useState<SyncedDoc | null>(null)
  const presence = options.presence ?? false
  useEffect(() => {
    if (!docName || !token) return
    const opened = acquireDoc(docName, token, { presence })
    setSynced(opened)
    return () => {
      releaseDoc(opened, token)
      setSynced(null)
    }
  }, [docName, token, presence])
  return synced
}

export function useSyncStatus(synced: SyncedDoc | null): SyncStatus {
  return useSyncExternalStore(
    (onChange) => synced?.onStatus(onChange) ?? (() => {}),
    () => synced?.status() ?? INITIAL_STATUS,
  )
}

/**
 * A plain value read from a document, recomputed after each transaction that changed it
 * (`docChanges.ts`: subscribed per root, a participant's "Vaihda ryhmää" or a board's
 * follow-up panel sometimes never appeared). The value is cached per change, so `read` should
 * depend on the document only.
 */
export function useSnapshot<T>(doc: Y.Doc | null, read: (doc: Y.Doc) => T, fallback: T): T {
  const cache = useRef<{ doc: Y.Doc | null; changes: number; value: T } | null>(null)
  const readRef = useRef(read)
  readRef.current = read

  const subscribe = useCallback(
    (onChange: () => void) => {
      if (!doc) return () => {}
      return onDocChange(doc, onChange)
    },
    [doc],
  )

  const getSnapshot = () => {
    const changes = doc ? changeCount(doc) : 0
    const hit = cache.current
    if (hit && hit.doc === doc && hit.changes === changes) return hit.value
    const value = doc ? readRef.current(doc) : fallback
    cache.current = { doc, changes, value }
    return value
  }

  return useSyncExternalStore(subscribe, getSnapshot)
}

/** Everyone shown on a document right now. */
export function usePresence(synced: SyncedDoc | null): Present[] {
  const [present, setPresent] = useState<Present[]>([])
  useEffect(() => {
    if (!synced) {
      setPresent([])
      return
    }
    const { awareness } = synced
    // Awareness changes with every pointer move on the canvas; the list of people does not.
    let shown = ''
    const refresh = () => {
      const next = readPresent(awareness.getStates(), awareness.clientID)
      const signature = JSON.stringify(next)
      if (signature === shown) return
      shown = signature
      setPresent(next)
    }
    refresh()
    awareness.on('change', refresh)
    return () => awareness.off('change', refresh)
  }, [synced])
  return present
}
