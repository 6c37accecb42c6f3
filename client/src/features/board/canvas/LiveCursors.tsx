import type { Point } from '@hytepaja/shared/layout/canvas'
import { useEffect, useState } from 'react'
import type { Awareness } from 'y-protocols/awareness'
import { type RemoteCursor, readCursors } from './liveCursors'

/**
 * Other people's pointers on the canvas, with their names. Decoration for sighted users only:
 * hidden from screen readers, which hear changes through the live region instead. Only this
 * layer re-renders when a pointer moves.
 */
export function LiveCursors({
  awareness,
  origin,
  zoom,
}: {
  awareness: Awareness
  origin: Point
  zoom: number
}) {
  const [cursors, setCursors] = useState<RemoteCursor[]>([])
  useEffect(() => {
    const refresh = () => setCursors(readCursors(awareness.getStates(), awareness.clientID))
    refresh()
    awareness.on('change', refresh)
    return () => awareness.off('change', refresh)
  }, [awareness])
  if (cursors.length === 0) return null
  return (
    <div className="cursors" aria-hidden="true">
      {cursors.map((c) => (
        <div
          key={c.clientId}
          className="cursor"
          style={{
            transform: `translate(${c.x - origin.x}px, ${c.y - origin.y}px) scale(${1 / zoom})`,
            color: c.color,
          }}
        >
          <svg
            width="16"
            height="20"
            viewBox="0 0 16 20"
            className="cursor__arrow"
            aria-hidden="true"
          >
            <path
              d="M1 1 L1 17 L5 13 L8 19 L11 18 L8 12 L14 12 Z"
              fill="currentColor"
              stroke="#fff"
              strokeWidth="1.5"
            />
          </svg>
          <span className="cursor__name" style={{ backgroundColor: c.color }}>
            {c.name}
          </span>
        </div>
      ))}
    </div>
  )
}
