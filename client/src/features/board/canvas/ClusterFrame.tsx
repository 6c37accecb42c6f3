import type { Cluster } from '@hytepaja/shared/doc/schema/board'
import type { Rect } from '@hytepaja/shared/layout/canvas'
import { type KeyboardEvent, memo, useState } from 'react'
import { FormattedMessage, useIntl } from 'react-intl'
import { ActionMenu } from '../../../ui/ActionMenu'
import type { ClusterHandlers } from '../OutlineView'
import { KEY_STEP_PX } from './CanvasNote'
import { usePointerDrag } from './usePointerDrag'

export interface ClusterFrameProps {
  cluster: Cluster
  /** The frame as drawn: grown to hold its notes. */
  bounds: Rect
  origin: { x: number; y: number }
  zoom: number
  count: number
  facilitates: boolean
  spotlit: boolean
  handlers: ClusterHandlers
  /** Moves the frame (and its notes) by board pixels. */
  onShift(cluster: Cluster, by: { dx: number; dy: number }): void
  onResize(cluster: Cluster, size: { width: number; height: number }): void
  /** "Siirrä taululla…": the frame moved by buttons instead of dragging (WCAG 2.5.7). */
  onPlace(cluster: Cluster): void
}

/**
 * A named frame on the canvas that its notes sit in. The facilitator drags it by its title bar
 * (its notes come along), resizes it from the corner, or moves it with arrow keys on the title
 * bar; everyone else sees the name and the number of notes. The outline lists the same clusters
 * as headings.
 */
export const ClusterFrame = memo(function ClusterFrame(props: ClusterFrameProps) {
  const { cluster, bounds, origin, zoom, count, facilitates, spotlit, handlers } = props
  const intl = useIntl()
  const [move, setMove] = useState<{ dx: number; dy: number } | null>(null)
  const [grow, setGrow] = useState<{ dx: number; dy: number } | null>(null)
  const title = usePointerDrag(facilitates, {
    onMove: (dx, dy) => setMove({ dx: dx / zoom, dy: dy / zoom }),
    onDrop: (dx, dy) => {
      setMove(null)
      props.onShift(cluster, { dx: dx / zoom, dy: dy / zoom })
    },
    onCancel: () => setMove(null),
  })
  const corner = usePointerDrag(facilitates, {
    onMove: (dx, dy) => setGrow({ dx: dx / zoom, dy: dy / zoom }),
    onDrop: (dx, dy) => {
      setGrow(null)
      props.onResize(cluster, {
        width: bounds.width + dx / zoom,
        height: bounds.height + dy / zoom,
      })
    },
    onCancel: () => setGrow(null),
  })

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.target !== event.currentTarget) return
    const step = event.shiftKey ? KEY_STEP_PX * 4 : KEY_STEP_PX
    const by = {
      ArrowLeft: { dx: -step, dy: 0 },
      ArrowRight: { dx: step, dy: 0 },
      ArrowUp: { dx: 0, dy: -step },
      ArrowDown: { dx: 0, dy: step },
    }[event.key]
    if (!by) return
    event.preventDefault()
    props.onShift(cluster, by)
  }

  const name = cluster.name
  const menu = facilitates
    ? [
        { id: 'rename', label: intl.formatMessage({ id: 'cluster.rename' }) },
        { id: 'place', label: intl.formatMessage({ id: 'canvas.place.open' }) },
        { id: 'spotlight', label: intl.formatMessage({ id: 'facilitation.spotlight.cluster' }) },
        {
          id: 'remove',
          label: intl.formatMessage({ id: 'cluster.remove' }),
          tone: 'danger' as const,
        },
      ]
    : []

  const titleContent = (
    <>
      <h3 id={`frame-${cluster.id}`} className="frame__name">
        {name}
      </h3>
      <span className="frame__count">
        <FormattedMessage id="board.count.short" values={{ count }} />
      </span>
      {spotlit ? (
        <span className="canvas-note__badge canvas-note__badge--spotlight">
          <FormattedMessage id="facilitation.spotlight.badge" />
        </span>
      ) : null}
      <ActionMenu
        label={intl.formatMessage({ id: 'cluster.actionsNamed' }, { name })}
        items={menu}
        onAction={(id) => {
          if (id === 'rename') handlers.onRename(cluster)
          else if (id === 'place') props.onPlace(cluster)
          else if (id === 'spotlight') handlers.onSpotlight(cluster)
          else if (id === 'remove') handlers.onRemove(cluster)
        }}
      >
        <span aria-hidden="true" className="note__more">
          ⋯
        </span>
      </ActionMenu>
    </>
  )

  return (
    <section
      className={`frame${spotlit ? ' is-spotlit' : ''}${move ? ' is-dragging' : ''}`}
      aria-labelledby={`frame-${cluster.id}`}
      data-cluster-id={cluster.id}
      style={{
        left: bounds.x - origin.x,
        top: bounds.y - origin.y,
        width: bounds.width + (grow?.dx ?? 0),
        height: bounds.height + (grow?.dy ?? 0),
        transform: move ? `translate(${move.dx}px, ${move.dy}px)` : undefined,
      }}
    >
      {facilitates ? (
        // biome-ignore lint/a11y/useSemanticElements: a focusable title bar with a heading and a menu button; <fieldset> would mean a form.
        <div
          className="frame__title is-movable"
          role="group"
          aria-roledescription={intl.formatMessage({ id: 'cluster.frameRole' })}
          aria-labelledby={`frame-${cluster.id}`}
          aria-describedby="canvas-frame-help"
          // biome-ignore lint/a11y/noNoninteractiveTabindex: the facilitator moves the frame with arrow keys on its title.
          tabIndex={0}
          onKeyDown={onKeyDown}
          {...title}
        >
          {titleContent}
        </div>
      ) : (
        <div className="frame__title">{titleContent}</div>
      )}
      {facilitates ? <div className="frame__corner" aria-hidden="true" {...corner} /> : null}
    </section>
  )
})
