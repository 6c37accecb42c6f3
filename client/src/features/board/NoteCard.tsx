import { FormattedMessage } from 'react-intl'
import { type NoteAbilities, NoteActions, type NoteHandlers } from './NoteActions'
import { NoteByline, NoteFacts } from './NoteMeta'
import type { NoteView } from './noteView'

export interface NoteCardProps {
  note: NoteView
  abilities: NoteAbilities
  handlers: NoteHandlers
  /** Say which cluster the note is in (lists not grouped by cluster). */
  showCluster: boolean
  spotlit: boolean
  /** Just arrived: highlighted for a moment so the eye finds it. */
  fresh?: boolean
}

/**
 * One note in the lane and the outline: its text, who wrote it and when, its tags and votes in
 * words, and its actions. Focusable as a whole (tabindex −1) only so focus has somewhere to go
 * when a neighbour disappears; the buttons are the tab stops.
 */
export function NoteCard({
  note,
  abilities,
  handlers,
  showCluster,
  spotlit,
  fresh = false,
}: NoteCardProps) {
  const { idea } = note
  const classes = [
    'note',
    `note--${idea.color}`,
    'note-card',
    spotlit && 'is-spotlit',
    fresh && 'is-fresh',
    idea.hidden && 'is-hidden',
  ]
  return (
    <article className={classes.filter(Boolean).join(' ')} data-idea-id={idea.id} tabIndex={-1}>
      {spotlit ? (
        <p className="note__spotlight">
          <FormattedMessage id="facilitation.spotlight.badge" />
        </p>
      ) : null}
      <p className="note__text" lang={idea.lang}>
        {idea.text}
      </p>
      <NoteByline note={note} />
      <NoteFacts note={note} showCluster={showCluster} />
      <NoteActions note={note} abilities={abilities} handlers={handlers} />
    </article>
  )
}
