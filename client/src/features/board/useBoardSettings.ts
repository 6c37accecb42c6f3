import { useCallback, useEffect, useState } from 'react'
import {
  type BoardLayout,
  type BoardSettings,
  layoutFor,
  readSettings,
  settingsStore,
  wideScreen,
  writeSettings,
} from './settings'

/** The person's board settings on this device, and the view to show now. */
export function useBoardSettings(): {
  settings: BoardSettings
  layout: BoardLayout
  change(patch: Partial<BoardSettings>): void
} {
  const [settings, setSettings] = useState(() => readSettings(settingsStore))
  const [wide] = useState(wideScreen)
  const change = useCallback((patch: Partial<BoardSettings>) => {
    setSettings((current) => ({ ...current, ...patch }))
  }, [])
  useEffect(() => writeSettings(settingsStore, settings), [settings])
  return { settings, layout: layoutFor(settings, wide), change }
}
