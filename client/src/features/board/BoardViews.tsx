import type { Cluster } from '@hytepaja/shared/doc/schema/board'
import type { Rect } from '@hytepaja/shared/layout/canvas'
import { lazy, type RefObject, Suspense } from 'react'
import { FormattedMessage } from 'react-intl'
import type { Awareness } from 'y-protocols/awareness'
import { Loading } from '../../ui/Loading'
import type { ClusterCommands, CommandResult, IdeaCommands } from './commands'
import { LaneView } from './LaneView'
import type { NoteAbilities, NoteHandlers } from './NoteActions'
import type { FollowTarget } from './NoteRows'
import type { NoteView } from './noteView'
import type { ClusterHandlers } from './OutlineView'
import type { BoardLayout, BoardSettings } from './settings'

// A phone shows the lane: the canvas (panning, dragging, frames, cursors) and the outline load
// only when a wider screen shows them or the person switches to them.
const CanvasView = lazy(() =>
  import('./canvas/CanvasView').then((m) => ({ default: m.CanvasView })),
)
const OutlineView = lazy(() => import('./OutlineView').then((m) => ({ default: m.OutlineView })))

type Spotlight = { kind: 'idea' | 'cluster'; id: string } | null

export interface BoardViewsProps {
  layout: BoardLayout
  order: BoardSettings['order']
  notes: NoteView[]
  clusters: Cluster[]
  totals: Record<string, number> | null
  abilities: NoteAbilities
  noteHandlers: NoteHandlers
  clusterHandlers: ClusterHandlers
  commands: IdeaCommands | null
  clusterWrites: ClusterCommands | null
  report(result: CommandResult): void
  canAdd: boolean
  /** What the lane and outline scroll to: one's own new idea or a spotlight. */
  follow: FollowTarget | null
  /** The canvas follows only spotlights: a new note is placed in its view already. */
  spotlightFollow: FollowTarget | null
  revealCluster: FollowTarget | null
  spotlight: Spotlight
  fresh: ReadonlySet<string>
  say(text: string): void
  viewRect: RefObject<Rect | null>
  awareness: Awareness | null
}

/** The ideas in the layout this person chose: the lane, the outline or the canvas. */
export function BoardViews(props: BoardViewsProps) {
  const { layout, notes, clusters, abilities, noteHandlers, clusterHandlers, report } = props
  const { commands, clusterWrites } = props
  if (layout === 'lane')
    return (
      <LaneView
        notes={notes}
        clusters={clusters}
        order={props.order}
        totals={props.totals}
        abilities={abilities}
        handlers={noteHandlers}
        follow={props.follow}
        spotlight={props.spotlight}
        say={props.say}
        fresh={props.fresh}
      />
    )
  return (
    <Suspense
      fallback={
        <Loading>
          <FormattedMessage id="board.loading" />
        </Loading>
      }
    >
      {layout === 'outline' ? (
        <OutlineView
          notes={notes}
          clusters={clusters}
          canAdd={props.canAdd}
          abilities={abilities}
          handlers={noteHandlers}
          clusterHandlers={clusterHandlers}
          follow={props.follow}
          spotlight={props.spotlight}
          say={props.say}
          fresh={props.fresh}
        />
      ) : (
        <CanvasView
          notes={notes}
          clusters={clusters}
          abilities={abilities}
          handlers={noteHandlers}
          clusterHandlers={clusterHandlers}
          onPlace={(placements) => commands && report(commands.place(placements))}
          onShiftCluster={(cluster, by, members) =>
            clusterWrites &&
            report(
              clusterWrites.shift(
                cluster.id,
                { x: cluster.x + by.dx, y: cluster.y + by.dy },
                members.map((m) => m.idea),
                by,
              ),
            )
          }
          onResizeCluster={(cluster, size) =>
            clusterWrites && report(clusterWrites.resize(cluster.id, size))
          }
          viewRect={props.viewRect}
          follow={props.spotlightFollow}
          reveal={props.revealCluster}
          spotlight={props.spotlight}
          awareness={props.awareness}
        />
      )}
    </Suspense>
  )
}
