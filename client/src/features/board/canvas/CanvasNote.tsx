import { type KeyboardEvent, memo, useId } from 'react'
import { FormattedMessage, useIntl } from 'react-intl'
import { type NoteAbilities, NoteActions, type NoteHandlers } from '../NoteActions'
import { NoteByline, NoteFacts } from '../NoteMeta'
import type { NoteView } from '../noteView'
import { usePointerDrag } from './usePointerDrag'

/** Arrow keys move a focused note by this much; with Shift, four times as far. */
export const KEY_STEP_PX = 16

export interface CanvasNoteProps {
  note: NoteView
  left: number
  top: number
  /** Its size from its content (shared/layout/noteSize): the whole text fits. */
  width: number
  height: number
  /** Where a drag has taken it so far, in board pixels. */
  offset: { dx: number; dy: number } | null
  /** Arrow keys then move it in its cluster's order (the help says so). */
  inCluster: boolean
  selected: boolean
  spotlit: boolean
  helpId: string
  abilities: NoteAbilities
  handlers: NoteHandlers
  onDragStart(id: string): void
  onDragMove(dx: number, dy: number): void
  onDrop(dx: number, dy: number): void
  onDragCancel(): void
  onToggleSelect(id: string): void
  onKeyMove(note: NoteView, by: { dx: number; dy: number }): void
  onClearSelection(): void
}

/**
 * A note on the canvas: draggable (with the other selected notes), movable with arrow keys,
 * selectable with Shift/Ctrl-click or Space, focusable in creation order. Its accessible name
 * is its text, who wrote it, and whether it is selected or in the spotlight.
 */
export const CanvasNote = memo(function CanvasNote(props: CanvasNoteProps) {
  const { note, left, top, width, height, offset, selected, spotlit, helpId, abilities, handlers } =
    props
  const intl = useIntl()
  const id = useId()
  const { idea } = note
  const drag = usePointerDrag(note.movable, {
    onStart: () => props.onDragStart(idea.id),
    onMove: props.onDragMove,
    onDrop: props.onDrop,
    onCancel: props.onDragCancel,
    onTap: (event) => {
      if (event.shiftKey || event.ctrlKey || event.metaKey) props.onToggleSelect(idea.id)
    },
  })

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
      props.onKeyMove(note, { dx: move[0], dy: move[1] })
    } else if ((event.key === 'Enter' || event.key === 'F2') && note.changeable) {
      event.preventDefault()
      handlers.onEdit(note)
    } else if (event.key === 'Delete' && note.changeable) {
      event.preventDefault()
      handlers.onDelete(note)
    } else if (event.key === ' ') {
      // Space only acts while this note has focus (WCAG 2.1.4: not a page-wide shortcut).
      event.preventDefault()
      props.onToggleSelect(idea.id)
    } else if (event.key === 'Escape') {
      props.onClearSelection()
    }
  }

  const classes = [
    'note',
    `note--${idea.color}`,
    'canvas-note',
    offset && 'is-dragging',
    note.movable && 'is-movable',
    selected && 'is-selected',
    spotlit && 'is-spotlit',
    idea.hidden && 'is-hidden',
  ]
  return (
    // biome-ignore lint/a11y/useSemanticElements: a note is a focusable group of text and buttons; <fieldset> would mean a form.
    <div
      role="group"
      aria-roledescription={intl.formatMessage({ id: 'board.note.role' })}
      aria-labelledby={`${id}-text ${id}-by ${id}-state`}
      aria-describedby={
        note.movable ? (props.inCluster ? `${helpId} canvas-cluster-note-help` : helpId) : undefined
      }
      // biome-ignore lint/a11y/noNoninteractiveTabindex: notes move with arrow keys, so each one takes focus itself.
      tabIndex={0}
      data-idea-id={idea.id}
      className={classes.filter(Boolean).join(' ')}
      style={{
        left,
        top,
        width,
        minHeight: height,
        transform: offset ? `translate(${offset.dx}px, ${offset.dy}px)` : undefined,
      }}
      onKeyDown={onKeyDown}
      {...drag}
    >
      <span id={`${id}-state`} className="canvas-note__badges">
        {selected ? (
          <span className="canvas-note__badge">
            <FormattedMessage id="board.canvas.selected" />
          </span>
        ) : null}
        {spotlit ? (
          <span className="canvas-note__badge canvas-note__badge--spotlight">
            <FormattedMessage id="facilitation.spotlight.badge" />
          </span>
        ) : null}
      </span>
      <p className="note__text" id={`${id}-text`} lang={idea.lang}>
        {idea.text}
      </p>
      <div id={`${id}-by`}>
        <NoteByline note={note} />
      </div>
      <NoteFacts note={note} showCluster={false} />
      <NoteActions note={note} abilities={abilities} handlers={handlers} compact />
    </div>
  )
})
