import { FormattedMessage, useIntl } from 'react-intl'
import { ActionMenu, type ActionMenuItem } from '../../ui/ActionMenu'
import { VoteControls } from '../voting/VoteControls'
import { shorten } from './NoteMeta'
import type { NoteView } from './noteView'

/** What this viewer may do to notes beyond their own rights on each one. */
export interface NoteAbilities {
  /** Runs the board: spotlight, hide and show any note. */
  facilitates: boolean
  /** Some cluster exists to move a note into ("Siirrä nippuun…" is offered only then). */
  clustersExist: boolean
  /** Votes now (a participant in the voting phase); null otherwise. */
  voting: {
    multiple: boolean
    /** Every dot is used: the id of the words that say so, for the disabled buttons. */
    spentReasonId: string | null
    cast(note: NoteView): void
    retract(note: NoteView): void
  } | null
}

export interface NoteHandlers {
  onEdit(note: NoteView): void
  onDelete(note: NoteView): void
  onMoveToCluster(notes: NoteView[]): void
  onSetHidden(note: NoteView, hidden: boolean): void
  onSpotlight(note: NoteView): void
  /** On the canvas: move a free note by buttons instead of dragging ("Siirrä taululla…"). */
  onPlace?(note: NoteView): void
}

/**
 * The actions of one note: voting buttons in the voting phase, and a menu with everything else
 * ("Muokkaa", "Siirrä nippuun…", "Poista", and for the facilitator "Nosta esiin" and
 * "Piilota"). The menu is the keyboard and touch path to what dragging does on the canvas.
 */
export function NoteActions({
  note,
  abilities,
  handlers,
  compact = false,
}: {
  note: NoteView
  abilities: NoteAbilities
  handlers: NoteHandlers
  compact?: boolean
}) {
  const intl = useIntl()
  const text = shorten(note.idea.text)
  const items: ActionMenuItem[] = []
  if (note.changeable)
    items.push({ id: 'edit', label: intl.formatMessage({ id: 'board.idea.edit' }) })
  if (note.movable && abilities.clustersExist)
    items.push({ id: 'move', label: intl.formatMessage({ id: 'cluster.moveTo' }) })
  if (note.movable && handlers.onPlace)
    items.push({ id: 'place', label: intl.formatMessage({ id: 'canvas.place.open' }) })
  if (abilities.facilitates) {
    items.push({
      id: 'spotlight',
      label: intl.formatMessage({ id: 'facilitation.spotlight.idea' }),
    })
    items.push(
      note.idea.hidden
        ? { id: 'show', label: intl.formatMessage({ id: 'board.idea.show' }) }
        : { id: 'hide', label: intl.formatMessage({ id: 'board.idea.hide' }) },
    )
  }
  if (note.changeable)
    items.push({
      id: 'delete',
      label: intl.formatMessage({ id: 'board.idea.delete' }),
      tone: 'danger',
    })

  const act = (id: string) => {
    if (id === 'edit') handlers.onEdit(note)
    else if (id === 'move') handlers.onMoveToCluster([note])
    else if (id === 'place') handlers.onPlace?.(note)
    else if (id === 'spotlight') handlers.onSpotlight(note)
    else if (id === 'hide' || id === 'show') handlers.onSetHidden(note, id === 'hide')
    else if (id === 'delete') handlers.onDelete(note)
  }

  const { voting } = abilities
  if (!voting && items.length === 0) return null
  return (
    <div className="note__actions">
      {voting && !note.idea.hidden ? (
        <VoteControls
          text={text}
          myVotes={note.myVotes}
          multiple={voting.multiple}
          spentReasonId={voting.spentReasonId}
          onCast={() => voting.cast(note)}
          onRetract={() => voting.retract(note)}
        />
      ) : null}
      <ActionMenu
        label={intl.formatMessage({ id: 'board.idea.actionsNamed' }, { text })}
        items={items}
        onAction={act}
      >
        {compact ? (
          <span aria-hidden="true" className="note__more">
            ⋯
          </span>
        ) : (
          <FormattedMessage id="board.idea.actions" />
        )}
      </ActionMenu>
    </div>
  )
}
