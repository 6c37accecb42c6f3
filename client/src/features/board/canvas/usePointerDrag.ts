import { type PointerEvent, useRef, useState } from 'react'

/** Movement below this is a tap or a shaky click, not a drag. */
const DRAG_THRESHOLD_PX = 4

export interface NoteDrag {
  offset: { dx: number; dy: number } | null
  handlers: {
    onPointerDown(event: PointerEvent<HTMLElement>): void
    onPointerMove(event: PointerEvent<HTMLElement>): void
    onPointerUp(event: PointerEvent<HTMLElement>): void
    onPointerCancel(event: PointerEvent<HTMLElement>): void
  }
}

/**
 * Dragging with any pointer. The note follows the pointer locally and the position is written
 * once, on release (pointer up, per WCAG 2.5.2), so other people see one move, not hundreds.
 */
export function useNoteDrag(enabled: boolean, onDrop: (dx: number, dy: number) => void): NoteDrag {
  const start = useRef<{ x: number; y: number; pointerId: number } | null>(null)
  const [offset, setOffset] = useState<{ dx: number; dy: number } | null>(null)
  const latest = useRef<{ dx: number; dy: number } | null>(null)

  const reset = () => {
    start.current = null
    latest.current = null
    setOffset(null)
  }

  return {
    offset,
    handlers: {
      onPointerDown(event) {
        if (!enabled || event.button !== 0) return
        // The note's own buttons keep working as buttons.
        if ((event.target as Element).closest('button, a, input, textarea')) return
        start.current = { x: event.clientX, y: event.clientY, pointerId: event.pointerId }
        event.currentTarget.setPointerCapture(event.pointerId)
      },
      onPointerMove(event) {
        const from = start.current
        if (!from || from.pointerId !== event.pointerId) return
        const dx = event.clientX - from.x
        const dy = event.clientY - from.y
        if (!latest.current && Math.hypot(dx, dy) < DRAG_THRESHOLD_PX) return
        latest.current = { dx, dy }
        setOffset(latest.current)
      },
      onPointerUp(event) {
        const from = start.current
        if (!from || from.pointerId !== event.pointerId) return
        const moved = latest.current
        reset()
        if (moved) onDrop(moved.dx, moved.dy)
      },
      onPointerCancel: reset,
    },
  }
}
