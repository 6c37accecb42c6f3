import { FormattedMessage } from 'react-intl'
import { Button } from '../../ui/Button'

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
        <Button onPress={onAddCluster}>
          <FormattedMessage id="cluster.add" />
        </Button>
      ) : null}
      {onAdd ? (
        <Button variant="primary" onPress={onAdd}>
          <FormattedMessage id="board.addIdea" />
        </Button>
      ) : null}
    </div>
  )
}
