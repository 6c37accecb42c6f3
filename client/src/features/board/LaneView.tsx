import type { Cluster } from '@hytepaja/shared/doc/schema/board'
import {
  type IdeaOrder,
  mostVotedFirst,
  newestFirst,
  sectionsOf,
} from '@hytepaja/shared/layout/order'
import { useMemo, useRef } from 'react'
import { useIntl } from 'react-intl'
import type { NoteAbilities, NoteHandlers } from './NoteActions'
import { NoteCard } from './NoteCard'
import { type FollowTarget, NoteRows } from './NoteRows'
import { NoteSections } from './NoteSections'
import type { NoteView } from './noteView'
import { laneOrder } from './settings'
import { useFocusRecovery } from './useFocusRecovery'
import { WINDOW_FROM } from './useWindowedList'

export interface LaneViewProps {
  notes: NoteView[]
  clusters: Cluster[]
  /** The order chosen (its switch is with the board's other view settings). */
  order: IdeaOrder
  /** Totals this viewer may see; sorting by votes works only with them. */
  totals: Record<string, number> | null
  abilities: NoteAbilities
  handlers: NoteHandlers
  follow: FollowTarget | null
  spotlight: { kind: 'idea' | 'cluster'; id: string } | null
  say(text: string): void
  /** Notes that just arrived, highlighted for a moment. */
  fresh: ReadonlySet<string>
}

/** The phone layout: one column of notes, newest first, by votes or by cluster. */
export function LaneView(props: LaneViewProps) {
  const { notes, clusters, totals, abilities, handlers, spotlight, fresh } = props
  const intl = useIntl()
  const root = useRef<HTMLDivElement>(null)
  const order = laneOrder(props.order, totals !== null)
  const sorted = useMemo(() => {
    const byId = new Map(notes.map((n) => [n.idea.id, n]))
    const ideas = notes.map((n) => n.idea)
    const ordered = order === 'votes' && totals ? mostVotedFirst(ideas, totals) : newestFirst(ideas)
    return ordered.map((idea) => byId.get(idea.id) as NoteView)
  }, [notes, order, totals])
  const shownIds = useMemo(
    () =>
      order === 'cluster'
        ? sectionsOf(
            notes.map((n) => n.idea),
            clusters,
          ).flatMap((section) => section.ideas.map((idea) => idea.id))
        : sorted.map((n) => n.idea.id),
    [order, notes, clusters, sorted],
  )
  useFocusRecovery(root, shownIds, props.say)

  // A cluster brought into view while the lane is not grouped by cluster: its first note.
  const follow = useMemo<FollowTarget | null>(() => {
    const target = props.follow
    if (target?.kind !== 'cluster' || order === 'cluster') return target
    const first = sorted.find((n) => n.idea.clusterId === target.id)
    return first ? { kind: 'idea', id: first.idea.id, at: target.at } : null
  }, [props.follow, order, sorted])

  const windowed = notes.length > WINDOW_FROM
  const spotlitIdea = spotlight?.kind === 'idea' ? spotlight.id : null
  const renderNote = (note: NoteView) => (
    <NoteCard
      note={note}
      abilities={abilities}
      handlers={handlers}
      showCluster={order !== 'cluster'}
      spotlit={note.idea.id === spotlitIdea}
      fresh={fresh.has(note.idea.id)}
    />
  )

  return (
    <div className="lane" ref={root}>
      {order === 'cluster' ? (
        <NoteSections
          notes={notes}
          clusters={clusters}
          windowed={windowed}
          follow={follow}
          spotlitCluster={spotlight?.kind === 'cluster' ? spotlight.id : null}
          renderNote={renderNote}
        />
      ) : (
        <NoteRows
          notes={sorted}
          label={intl.formatMessage(
            order === 'votes' ? { id: 'board.list.labelVotes' } : { id: 'board.list.label' },
          )}
          windowed={windowed}
          follow={follow}
          renderNote={renderNote}
        />
      )}
    </div>
  )
}
