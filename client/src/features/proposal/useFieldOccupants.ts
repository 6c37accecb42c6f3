import { useCallback, useEffect, useState } from 'react'
import type { SyncedDoc } from '../../sync/openDoc'
import { type FieldKey, fieldOccupants } from './fieldPresence'

const NONE = new Map<FieldKey, string[]>()

/**
 * Others per field on the proposal's main document, and `enter(field | null)` to tell them
 * which field this person is in.
 */
export function useFieldOccupants(main: SyncedDoc | null) {
  const [occupants, setOccupants] = useState(NONE)
  useEffect(() => {
    if (!main) return
    const { awareness } = main
    const refresh = () => setOccupants(fieldOccupants(awareness.getStates(), awareness.clientID))
    refresh()
    awareness.on('change', refresh)
    return () => awareness.off('change', refresh)
  }, [main])
  const enter = useCallback(
    (field: FieldKey | null) => {
      if (main?.awareness.getLocalState()) main.awareness.setLocalStateField('field', field)
    },
    [main],
  )
  return { occupants, enter }
}
