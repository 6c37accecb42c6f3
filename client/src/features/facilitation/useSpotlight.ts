import type { Spotlight } from '@hytepaja/shared/doc/schema/event'
import { useCallback, useEffect, useState } from 'react'
import { deviceStore, readJson, writeJson } from '../../device/storage'
import type { FollowTarget } from '../board/NoteRows'

const store = deviceStore()
const key = (board: string) => `hytepaja:spotlight-seen:${board}`

/**
 * The facilitator's spotlight as this screen follows it: once per spotlight (its `at`), the
 * view scrolls or zooms to the target, which stays highlighted with a notice until the person
 * closes it. Keyboard focus never moves. A spotlight already followed on this device is not
 * followed again after a reload.
 */
export function useSpotlight(spotlight: Spotlight | null, board: string) {
  const [follow, setFollow] = useState<FollowTarget | null>(null)
  const [dismissed, setDismissed] = useState<number | null>(null)

  useEffect(() => {
    if (!spotlight) return
    if (readJson(store, key(board)) === spotlight.at) return
    writeJson(store, key(board), spotlight.at)
    setFollow({ ...spotlight })
  }, [spotlight, board])

  const active = spotlight && dismissed !== spotlight.at ? spotlight : null
  const dismiss = useCallback(() => setDismissed(spotlight?.at ?? null), [spotlight])
  return { follow, active, dismiss }
}
