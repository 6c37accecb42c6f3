import { type PointerEvent, useRef } from 'react'

/** Movement below this is a tap or a shaky click, not a drag. */
const DRAG_THRESHOLD_PX = 4

export interface DragCallbacks {
  /** The drag has begun (the pointer moved past the threshold). */
  onStart?(): void
  /** Screen pixels moved since the press, while dragging. */
  onMove(dx: number, dy: number): void
  /** Released after a drag: write the new place now (WCAG 2.5.2: on the up event). */
  onDrop(dx: number, dy: number): void
  /** Released without a drag: a click or tap, with its modifier keys. */
  onTap?(event: PointerEvent<HTMLElement>): void
  onCancel?(): void
}

export interface PointerDragHandlers {
  onPointerDown(event: PointerEvent<HTMLElement>): void
  onPointerMove(event: PointerEvent<HTMLElement>): void
  onPointerUp(event: PointerEvent<HTMLElement>): void
  onPointerCancel(event: PointerEvent<HTMLElement>): void
}

/**
 * Dragging with any pointer. What follows the pointer is drawn locally; the new place is
 * written once, on release, so other people see one move, not hundreds.
 */
export function usePointerDrag(enabled: boolean, callbacks: DragCallbacks): PointerDragHandlers {
  const start = useRef<{ x: number; y: number; pointerId: number; dragging: boolean } | null>(null)
  const latest = useRef(callbacks)
  latest.current = callbacks

  return {
    onPointerDown(event) {
      if (event.button !== 0) return
      // The note's own buttons keep working as buttons.
      if ((event.target as Element).closest('button, a, input, textarea, [role="menu"]')) return
      event.stopPropagation()
      start.current = {
        x: event.clientX,
        y: event.clientY,
        pointerId: event.pointerId,
        dragging: false,
      }
      if (enabled) event.currentTarget.setPointerCapture(event.pointerId)
    },
    onPointerMove(event) {
      const from = start.current
      if (!enabled || !from || from.pointerId !== event.pointerId) return
      const dx = event.clientX - from.x
      const dy = event.clientY - from.y
      if (!from.dragging) {
        if (Math.hypot(dx, dy) < DRAG_THRESHOLD_PX) return
        from.dragging = true
        latest.current.onStart?.()
      }
      latest.current.onMove(dx, dy)
    },
    onPointerUp(event) {
      const from = start.current
      if (!from || from.pointerId !== event.pointerId) return
      start.current = null
      if (from.dragging) latest.current.onDrop(event.clientX - from.x, event.clientY - from.y)
      else latest.current.onTap?.(event)
    },
    onPointerCancel() {
      if (start.current?.dragging) latest.current.onCancel?.()
      start.current = null
    },
  }
}
