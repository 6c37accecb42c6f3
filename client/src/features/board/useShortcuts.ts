import { useEffect, useRef } from 'react'
import type { BoardLayout } from './settings'

const TYPING = 'input, textarea, select, [contenteditable="true"], [role="menu"], [role="dialog"]'

/**
 * Single-key shortcuts, only when the person has turned them on (WCAG 2.1.4): N adds an idea,
 * 1, 2 and 3 switch between the lane, the canvas and the outline. Never while typing or in a
 * dialog or menu, and never with a modifier key.
 */
export function useShortcuts(
  enabled: boolean,
  actions: { add: (() => void) | null; layout(layout: BoardLayout): void },
): void {
  const latest = useRef(actions)
  latest.current = actions
  useEffect(() => {
    if (!enabled) return
    const onKey = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return
      if ((event.target as Element | null)?.closest?.(TYPING)) return
      const { add, layout } = latest.current
      const key = event.key.toLowerCase()
      if (key === 'n' && add) {
        event.preventDefault()
        add()
      } else if (key === '1' || key === '2' || key === '3') {
        event.preventDefault()
        layout(key === '1' ? 'lane' : key === '2' ? 'canvas' : 'outline')
      }
    }
    document.addEventListener('keydown', onKey)
    return () => document.removeEventListener('keydown', onKey)
  }, [enabled])
}
