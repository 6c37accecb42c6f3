import { type ReactNode, useEffect } from 'react'
import type { NoteView } from './noteView'
import { useWindowedList } from './useWindowedList'

/** A spotlight (or another reason) to bring one note into view, once per `at`. */
export interface FollowTarget {
  kind: 'idea' | 'cluster'
  id: string
  at: number
}

const ROW_ESTIMATE_PX = 190

/**
 * A list of notes, windowed when the board is large. Rows carry their position in the whole
 * list (aria-posinset/-setsize), so a screen reader says "5 of 2 000" even when only a screenful
 * is in the page.
 */
export function NoteRows({
  notes,
  label,
  windowed,
  follow,
  renderNote,
}: {
  notes: NoteView[]
  label: string
  windowed: boolean
  follow: FollowTarget | null
  renderNote(note: NoteView): ReactNode
}) {
  const keys = notes.map((note) => note.idea.id)
  const rows = useWindowedList(keys, { estimate: ROW_ESTIMATE_PX, enabled: windowed })

  // biome-ignore lint/correctness/useExhaustiveDependencies: follow each spotlight once, when it is set.
  useEffect(() => {
    if (follow?.kind !== 'idea') return
    const index = keys.indexOf(follow.id)
    if (index < 0) return
    rows.scrollToIndex(index)
    // Once rendered, centre it exactly; scrolling never moves keyboard focus.
    const frame = requestAnimationFrame(() =>
      document
        .querySelector(`[data-idea-id="${CSS.escape(follow.id)}"]`)
        ?.scrollIntoView({ block: 'center' }),
    )
    return () => cancelAnimationFrame(frame)
  }, [follow?.at])

  return (
    <ul
      ref={rows.listRef}
      className="note-rows"
      aria-label={label}
      style={windowed ? { paddingTop: rows.padTop, paddingBottom: rows.padBottom } : undefined}
    >
      {notes.slice(rows.start, rows.end).map((note, offset) => (
        <li
          key={note.idea.id}
          ref={rows.measure(note.idea.id)}
          className="note-rows__row"
          aria-posinset={windowed ? rows.start + offset + 1 : undefined}
          aria-setsize={windowed ? notes.length : undefined}
        >
          {renderNote(note)}
        </li>
      ))}
    </ul>
  )
}
