import { FormattedMessage, useIntl } from 'react-intl'
import { Button } from '../../ui/Button'
import { SegmentedControl } from '../../ui/SegmentedControl'
import type { BoardLayout } from './settings'

export interface BoardToolbarProps {
  layout: BoardLayout
  onLayoutChange(layout: BoardLayout): void
  count: number
  /** Null hides the button (read-only, or the lane with its own large button). */
  onAdd: (() => void) | null
  /** The facilitator's "new cluster"; null for everyone else. */
  onAddCluster: (() => void) | null
}

/** The number of notes, the three views of the same board, and adding. */
export function BoardToolbar({
  layout,
  onLayoutChange,
  count,
  onAdd,
  onAddCluster,
}: BoardToolbarProps) {
  const intl = useIntl()
  return (
    <div className="board__toolbar">
      <h2 className="board__count">
        <FormattedMessage id="board.count" values={{ count }} />
      </h2>
      <SegmentedControl
        label={intl.formatMessage({ id: 'board.layout.label' })}
        value={layout}
        onChange={onLayoutChange}
        segments={[
          { value: 'lane', label: intl.formatMessage({ id: 'board.layout.lane' }) },
          { value: 'canvas', label: intl.formatMessage({ id: 'board.layout.canvas' }) },
          { value: 'outline', label: intl.formatMessage({ id: 'board.layout.outline' }) },
        ]}
      />
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
