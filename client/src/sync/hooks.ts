import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from 'react'
import type * as Y from 'yjs'
import type { SyncStatus } from './connectionState'
import { INITIAL_STATUS } from './connectionState'
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
 * A plain value read from a document, recomputed after each change to it. `read` runs
 * during render, so every root it touches exists by the time we subscribe to the roots.
 * The value is cached per change, so `read` should depend on the document only.
 */
export function useSnapshot<T>(doc: Y.Doc | null, read: (doc: Y.Doc) => T, fallback: T): T {
  const cache = useRef<{ doc: Y.Doc | null; version: number; value: T } | null>(null)
  const version = useRef(0)
  const readRef = useRef(read)
  readRef.current = read

  const subscribe = useCallback(
    (onChange: () => void) => {
      if (!doc) return () => {}
      const roots = [...doc.share.values()]
      const changed = () => {
        version.current++
        onChange()
      }
      for (const root of roots) root.observeDeep(changed)
      return () => {
        for (const root of roots) root.unobserveDeep(changed)
      }
    },
    [doc],
  )

  const getSnapshot = () => {
    const hit = cache.current
    if (hit && hit.doc === doc && hit.version === version.current) return hit.value
    const value = doc ? readRef.current(doc) : fallback
    cache.current = { doc, version: version.current, value }
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
