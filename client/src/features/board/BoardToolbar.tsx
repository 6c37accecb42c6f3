import { FormattedMessage, useIntl } from 'react-intl'
import { Button } from '../../ui/Button'
import { SegmentedControl } from '../../ui/SegmentedControl'
import type { BoardLayout } from './useBoardLayout'

export interface BoardToolbarProps {
  layout: BoardLayout
  onLayoutChange(layout: BoardLayout): void
  count: number
  /** Null hides the button (read-only, or the list layout with its own large button). */
  onAdd: (() => void) | null
}

export function BoardToolbar({ layout, onLayoutChange, count, onAdd }: BoardToolbarProps) {
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
          { value: 'list', label: intl.formatMessage({ id: 'board.layout.list' }) },
          { value: 'canvas', label: intl.formatMessage({ id: 'board.layout.canvas' }) },
        ]}
      />
      {onAdd ? (
        <Button variant="primary" onPress={onAdd}>
          <FormattedMessage id="board.addIdea" />
        </Button>
      ) : null}
    </div>
  )
}
