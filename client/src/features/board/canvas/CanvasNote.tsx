import { type KeyboardEvent, useId } from 'react'
import { FormattedMessage, useIntl } from 'react-intl'
import { Button } from '../../ui/Button'
import { NoteByline, shorten } from './IdeaList'
import type { NoteView } from './noteView'
import { useNoteDrag } from './useNoteDrag'

/** Arrow keys move a focused note by this much; with Shift, four times as far. */
export const KEY_STEP_PX = 16

export interface CanvasNoteProps {
  note: NoteView
  left: number
  top: number
  helpId: string
  onMove(to: { x: number; y: number }): void
  onEdit(): void
  onDelete(): void
}

/** A note on the canvas: draggable, movable with arrow keys, focusable in creation order. */
export function CanvasNote({ note, left, top, helpId, onMove, onEdit, onDelete }: CanvasNoteProps) {
  const intl = useIntl()
  const id = useId()
  const { idea } = note
  const drag = useNoteDrag(note.movable, (dx, dy) => onMove({ x: idea.x + dx, y: idea.y + dy }))

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.target !== event.currentTarget) return
    const step = event.shiftKey ? KEY_STEP_PX * 4 : KEY_STEP_PX
    const moves: Record<string, [number, number]> = {
      ArrowLeft: [-step, 0],
      ArrowRight: [step, 0],
      ArrowUp: [0, -step],
      ArrowDown: [0, step],
    }
    const move = moves[event.key]
    if (move && note.movable) {
      event.preventDefault()
      onMove({ x: idea.x + move[0], y: idea.y + move[1] })
    } else if ((event.key === 'Enter' || event.key === 'F2') && note.changeable) {
      event.preventDefault()
      onEdit()
    } else if (event.key === 'Delete' && note.changeable) {
      event.preventDefault()
      onDelete()
    }
  }

  const dragging = drag.offset !== null
  return (
    // biome-ignore lint/a11y/useSemanticElements: a note is a focusable group of text and buttons; <fieldset> would mean a form.
    <div
      role="group"
      aria-roledescription={intl.formatMessage({ id: 'board.note.role' })}
      aria-labelledby={`${id}-text ${id}-by`}
      aria-describedby={note.movable ? helpId : undefined}
      // biome-ignore lint/a11y/noNoninteractiveTabindex: notes move with arrow keys, so each one takes focus itself.
      tabIndex={0}
      className={`note note--${idea.color} canvas-note${dragging ? ' is-dragging' : ''}${
        note.movable ? ' is-movable' : ''
      }`}
      style={{
        left,
        top,
        transform: dragging ? `translate(${drag.offset?.dx}px, ${drag.offset?.dy}px)` : undefined,
      }}
      onKeyDown={onKeyDown}
      {...drag.handlers}
    >
      <p className="note__text" id={`${id}-text`} lang={idea.lang}>
        {idea.text}
      </p>
      <div id={`${id}-by`}>
        <NoteByline note={note} />
      </div>
      {note.changeable ? (
        <div className="note__actions">
          <Button
            variant="quiet"
            size="small"
            aria-label={intl.formatMessage(
              { id: 'board.idea.editNamed' },
              { text: shorten(idea.text) },
            )}
            onPress={onEdit}
          >
            <FormattedMessage id="board.idea.edit" />
          </Button>
          <Button
            variant="quiet"
            size="small"
            aria-label={intl.formatMessage(
              { id: 'board.idea.deleteNamed' },
              { text: shorten(idea.text) },
            )}
            onPress={onDelete}
          >
            <FormattedMessage id="board.idea.delete" />
          </Button>
        </div>
      ) : null}
    </div>
  )
}
