import { useEffect, useState } from 'react'
import type { SyncedDoc } from '../../../sync/openDoc'

/**
 * The names of the others with their caret in this editor, from Lexical's awareness state
 * (`{name, color, focusing}`): the carets show where they are, this says it in words.
 */
export function useEditorPeers(synced: SyncedDoc | null): string[] {
  const [names, setNames] = useState<string[]>([])
  useEffect(() => {
    if (!synced) return
    const { awareness } = synced
    const refresh = () => {
      const next = new Set<string>()
      for (const [clientId, state] of awareness.getStates()) {
        if (clientId === awareness.clientID) continue
        const { name, focusing } = (state ?? {}) as { name?: unknown; focusing?: unknown }
        if (focusing === true && typeof name === 'string' && name.trim())
          next.add(name.slice(0, 80))
      }
      const sorted = [...next].sort((a, b) => a.localeCompare(b))
      setNames((prev) => (prev.join('\n') === sorted.join('\n') ? prev : sorted))
    }
    refresh()
    awareness.on('change', refresh)
    return () => awareness.off('change', refresh)
  }, [synced])
  return names
}
