import { FormattedMessage, useIntl } from 'react-intl'
import { Button } from '../../../ui/Button'

/**
 * Zoom without gestures (WCAG 2.5.1) and what to do with the selected notes. The zoom level is
 * a button that goes back to 100 %.
 */
export function CanvasControls({
  zoom,
  onZoomIn,
  onZoomOut,
  onReset,
  onFit,
  selected,
  onMoveSelected,
  onClearSelection,
}: {
  zoom: number
  onZoomIn(): void
  onZoomOut(): void
  onReset(): void
  onFit(): void
  selected: number
  onMoveSelected: (() => void) | null
  onClearSelection(): void
}) {
  const intl = useIntl()
  const percent = Math.round(zoom * 100)
  return (
    <div className="canvas__controls">
      <div className="canvas__zoom">
        <Button
          size="small"
          aria-label={intl.formatMessage({ id: 'board.canvas.zoomOut' })}
          onPress={onZoomOut}
        >
          −
        </Button>
        <Button
          size="small"
          aria-label={intl.formatMessage({ id: 'board.canvas.zoomReset' }, { percent })}
          onPress={onReset}
        >
          {`${percent} %`}
        </Button>
        <Button
          size="small"
          aria-label={intl.formatMessage({ id: 'board.canvas.zoomIn' })}
          onPress={onZoomIn}
        >
          +
        </Button>
        <Button size="small" onPress={onFit}>
          <FormattedMessage id="board.canvas.fit" />
        </Button>
      </div>
      {selected > 0 ? (
        <div className="canvas__selection">
          <p className="canvas__selected">
            <FormattedMessage id="board.canvas.selectedCount" values={{ count: selected }} />
          </p>
          {onMoveSelected ? (
            <Button size="small" variant="primary" onPress={onMoveSelected}>
              <FormattedMessage id="cluster.moveSelected" />
            </Button>
          ) : null}
          <Button size="small" onPress={onClearSelection}>
            <FormattedMessage id="board.canvas.clearSelection" />
          </Button>
        </div>
      ) : null}
    </div>
  )
}
