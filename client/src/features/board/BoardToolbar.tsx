import { FormattedMessage } from 'react-intl'
import { NativeButton } from '../../ui/NativeButton'

export interface BoardToolbarProps {
  count: number
  /** Null hides the button (read-only, or the lane with its own large button). */
  onAdd: (() => void) | null
  /** The facilitator's "new cluster"; null for everyone else. */
  onAddCluster: (() => void) | null
}

/** The number of notes, and adding (the views are with the board's details). */
export function BoardToolbar({ count, onAdd, onAddCluster }: BoardToolbarProps) {
  return (
    <div className="board__toolbar">
      <h2 className="board__count">
        <FormattedMessage id="board.count" values={{ count }} />
      </h2>
      {onAddCluster ? (
        <NativeButton onClick={onAddCluster}>
          <FormattedMessage id="cluster.add" />
        </NativeButton>
      ) : null}
      {onAdd ? (
        <NativeButton variant="primary" onClick={onAdd}>
          <FormattedMessage id="board.addIdea" />
        </NativeButton>
      ) : null}
    </div>
  )
}
