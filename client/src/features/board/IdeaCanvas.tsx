import { type RefObject, useEffect, useRef, useState } from 'react'
import { FormattedMessage, useIntl } from 'react-intl'
import { CanvasNote } from './CanvasNote'
import type { NoteView } from './noteView'
import { canvasExtent } from './placement'

export interface IdeaCanvasProps {
  notes: NoteView[]
  canChangeAny: boolean
  /** Kept up to date with the top-left of the visible part, where new notes are placed. */
  viewOrigin: RefObject<{ x: number; y: number }>
  onMove(note: NoteView, to: { x: number; y: number }): void
  onEdit(note: NoteView): void
  onDelete(note: NoteView): void
}

/** The laptop layout: notes where people put them, on a surface that scrolls both ways. */
export function IdeaCanvas({
  notes,
  canChangeAny,
  viewOrigin,
  onMove,
  onEdit,
  onDelete,
}: IdeaCanvasProps) {
  const intl = useIntl()
  const scroller = useRef<HTMLElement>(null)
  const [minimum, setMinimum] = useState({ width: 960, height: 640 })

  useEffect(() => {
    const element = scroller.current
    if (!element) return
    const measure = () => setMinimum({ width: element.clientWidth, height: element.clientHeight })
    const track = () => {
      viewOrigin.current = { x: element.scrollLeft, y: element.scrollTop }
    }
    measure()
    const observer = new ResizeObserver(measure)
    observer.observe(element)
    element.addEventListener('scroll', track, { passive: true })
    return () => {
      observer.disconnect()
      element.removeEventListener('scroll', track)
    }
  }, [viewOrigin])

  // Notes someone placed above or left of the origin are shifted into view, never cut off.
  const shiftX = Math.min(0, ...notes.map((n) => n.idea.x))
  const shiftY = Math.min(0, ...notes.map((n) => n.idea.y))
  const extent = canvasExtent(
    notes.map((n) => ({ x: n.idea.x - shiftX, y: n.idea.y - shiftY })),
    minimum,
  )
  const helpId = 'canvas-note-help'

  return (
    <section
      ref={scroller}
      className="canvas"
      aria-label={intl.formatMessage({ id: 'board.canvas.label' })}
    >
      <p id={helpId} className="visually-hidden">
        {canChangeAny ? (
          <FormattedMessage id="board.canvas.helpEdit" />
        ) : (
          <FormattedMessage id="board.canvas.helpMove" />
        )}
      </p>
      <div className="canvas__surface" style={{ width: extent.width, height: extent.height }}>
        {notes.map((note) => (
          <CanvasNote
            key={note.idea.id}
            note={note}
            left={note.idea.x - shiftX}
            top={note.idea.y - shiftY}
            helpId={helpId}
            onMove={(to) => onMove(note, to)}
            onEdit={() => onEdit(note)}
            onDelete={() => onDelete(note)}
          />
        ))}
      </div>
    </section>
  )
}
