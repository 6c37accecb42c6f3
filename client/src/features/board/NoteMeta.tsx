import { FormattedMessage, useIntl } from 'react-intl'
import { ageGroupLabel } from './labels'
import type { NoteView } from './noteView'

/**
 * "Aino · klo 10.42" or "Sinä · 10:42"; "Nimetön" in anonymous mode; only the time when the
 * server names nobody for the note (a hidden note's author is named only through their notes
 * on the board). One's own note that has not reached the server yet says so.
 */
export function NoteByline({ note }: { note: NoteView }) {
  const intl = useIntl()
  const time = intl.formatTime(note.idea.createdAt, { hour: 'numeric', minute: '2-digit' })
  const who = note.own
    ? intl.formatMessage({ id: 'board.idea.byYou' })
    : (note.author ?? (note.anonymous ? intl.formatMessage({ id: 'board.idea.anonymous' }) : null))
  return (
    <p className="note__byline">
      {who ? `${who} · ` : null}
      <time dateTime={new Date(note.idea.createdAt).toISOString()}>{time}</time>
      {note.unsent ? (
        <span className="note__unsent">
          <FormattedMessage id="board.idea.unsent" />
        </span>
      ) : null}
    </p>
  )
}

/**
 * Everything said about a note besides its text, in words: cluster, age groups and tags, votes,
 * and whether it is hidden from the others.
 */
export function NoteFacts({ note, showCluster }: { note: NoteView; showCluster: boolean }) {
  const intl = useIntl()
  const { idea } = note
  const tags = [
    ...idea.ageGroups.map((group) => intl.formatMessage(ageGroupLabel[group])),
    ...idea.tags.map((tag) => `#${tag}`),
  ]
  const cluster = showCluster ? note.clusterName : null
  if (!cluster && tags.length === 0 && note.votes === null && !note.myVotes && !idea.hidden) {
    return null
  }
  return (
    <ul className="note__facts">
      {idea.hidden ? (
        <li className="note__fact note__fact--hidden">
          <FormattedMessage id="board.idea.hiddenBadge" />
        </li>
      ) : null}
      {cluster ? (
        <li className="note__fact">
          <FormattedMessage id="board.idea.inCluster" values={{ name: cluster }} />
        </li>
      ) : null}
      {tags.map((tag) => (
        <li key={tag} className="note__fact note__fact--tag">
          {tag}
        </li>
      ))}
      {note.votes !== null ? (
        <li className="note__fact note__fact--votes">
          <FormattedMessage id="vote.total" values={{ count: note.votes }} />
        </li>
      ) : null}
      {note.myVotes > 0 ? (
        <li className="note__fact note__fact--mine">
          <FormattedMessage id="vote.mine" values={{ count: note.myVotes }} />
        </li>
      ) : null}
    </ul>
  )
}

/** The start of a note's text, for button labels that say which note they act on. */
export function shorten(text: string, max = 40): string {
  const chars = [...text.replace(/\s+/g, ' ')]
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : chars.join('')
}
