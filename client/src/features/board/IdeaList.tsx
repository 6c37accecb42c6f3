import { FormattedMessage, useIntl } from 'react-intl'
import { Button } from '../../ui/Button'
import type { NoteView } from './noteView'

export interface IdeaListProps {
  notes: NoteView[]
  onEdit(note: NoteView): void
  onDelete(note: NoteView): void
}

/** The phone layout: one column, newest first, each note with its own actions. */
export function IdeaList({ notes, onEdit, onDelete }: IdeaListProps) {
  const intl = useIntl()
  const newestFirst = [...notes].sort(
    (a, b) => b.idea.createdAt - a.idea.createdAt || b.idea.id.localeCompare(a.idea.id),
  )
  return (
    <ul className="idea-list" aria-label={intl.formatMessage({ id: 'board.list.label' })}>
      {newestFirst.map((note) => (
        <li key={note.idea.id} className={`note note--${note.idea.color} idea-list__item`}>
          <p className="note__text" lang={note.idea.lang}>
            {note.idea.text}
          </p>
          <NoteByline note={note} />
          {note.changeable ? (
            <div className="note__actions">
              <Button
                variant="quiet"
                size="small"
                aria-label={intl.formatMessage(
                  { id: 'board.idea.editNamed' },
                  { text: shorten(note.idea.text) },
                )}
                onPress={() => onEdit(note)}
              >
                <FormattedMessage id="board.idea.edit" />
              </Button>
              <Button
                variant="quiet"
                size="small"
                aria-label={intl.formatMessage(
                  { id: 'board.idea.deleteNamed' },
                  { text: shorten(note.idea.text) },
                )}
                onPress={() => onDelete(note)}
              >
                <FormattedMessage id="board.idea.delete" />
              </Button>
            </div>
          ) : null}
        </li>
      ))}
    </ul>
  )
}

/** "Aino · klo 10.42" or "Sinä · 10:42"; nobody's name in anonymous mode. */
export function NoteByline({ note }: { note: NoteView }) {
  const intl = useIntl()
  const time = intl.formatTime(note.idea.createdAt, { hour: 'numeric', minute: '2-digit' })
  const who = note.own
    ? intl.formatMessage({ id: 'board.idea.byYou' })
    : (note.author ?? intl.formatMessage({ id: 'board.idea.anonymous' }))
  return (
    <p className="note__byline">
      {who} · <time dateTime={new Date(note.idea.createdAt).toISOString()}>{time}</time>
    </p>
  )
}

/** The start of a note's text, for button labels that say which note they act on. */
export function shorten(text: string, max = 40): string {
  const chars = [...text.replace(/\s+/g, ' ')]
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : chars.join('')
}
