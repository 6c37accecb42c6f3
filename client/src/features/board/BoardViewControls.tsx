import type { IdeaOrder } from '@hytepaja/shared/layout/order'
import { useIntl } from 'react-intl'
import { SegmentedControl } from '../../ui/SegmentedControl'
import { type BoardLayout, laneOrder } from './settings'

/** The three views of the same board ("Lista", "Taulu", "Jäsennys"). */
export function ViewSwitch({
  layout,
  onChange,
}: {
  layout: BoardLayout
  onChange(layout: BoardLayout): void
}) {
  const intl = useIntl()
  return (
    <SegmentedControl
      label={intl.formatMessage({ id: 'board.layout.label' })}
      value={layout}
      onChange={onChange}
      segments={[
        { value: 'lane', label: intl.formatMessage({ id: 'board.layout.lane' }) },
        { value: 'canvas', label: intl.formatMessage({ id: 'board.layout.canvas' }) },
        { value: 'outline', label: intl.formatMessage({ id: 'board.layout.outline' }) },
      ]}
    />
  )
}

export function LaneOrderSwitch({
  order,
  totalsShown,
  onChange,
}: {
  order: IdeaOrder
  totalsShown: boolean
  onChange(order: IdeaOrder): void
}) {
  const intl = useIntl()
  return (
    <SegmentedControl
      label={intl.formatMessage({ id: 'board.order.label' })}
      value={laneOrder(order, totalsShown)}
      onChange={onChange}
      segments={[
        { value: 'newest', label: intl.formatMessage({ id: 'board.order.newest' }) },
        ...(totalsShown
          ? [{ value: 'votes' as const, label: intl.formatMessage({ id: 'board.order.votes' }) }]
          : []),
        { value: 'cluster', label: intl.formatMessage({ id: 'board.order.cluster' }) },
      ]}
      className="lane__order"
    />
  )
}
