import type { Cluster } from '@hytepaja/shared/doc/schema'
import {
  type IdeaOrder,
  mostVotedFirst,
  newestFirst,
  sectionsOf,
} from '@hytepaja/shared/layout/order'
import { useMemo, useRef } from 'react'
import { useIntl } from 'react-intl'
import { SegmentedControl } from '../../ui/SegmentedControl'
import type { NoteAbilities, NoteHandlers } from './NoteActions'
import { NoteCard } from './NoteCard'
import { type FollowTarget, NoteRows } from './NoteRows'
import { NoteSections } from './NoteSections'
import type { NoteView } from './noteView'
import { useFocusRecovery } from './useFocusRecovery'
import { WINDOW_FROM } from './useWindowedList'

export interface LaneViewProps {
  notes: NoteView[]
  clusters: Cluster[]
  order: IdeaOrder
  onOrderChange(order: IdeaOrder): void
  /** Totals this viewer may see; sorting by votes is offered only with them. */
  totals: Record<string, number> | null
  abilities: NoteAbilities
  handlers: NoteHandlers
  follow: FollowTarget | null
  spotlight: { kind: 'idea' | 'cluster'; id: string } | null
  say(text: string): void
}

/** The phone layout: one column of notes, newest first, by votes or by cluster. */
export function LaneView(props: LaneViewProps) {
  const { notes, clusters, totals, abilities, handlers, follow, spotlight } = props
  const intl = useIntl()
  const root = useRef<HTMLDivElement>(null)
  const order = props.order === 'votes' && !totals ? 'newest' : props.order
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

  const windowed = notes.length > WINDOW_FROM
  const spotlitIdea = spotlight?.kind === 'idea' ? spotlight.id : null
  const renderNote = (note: NoteView) => (
    <NoteCard
      note={note}
      abilities={abilities}
      handlers={handlers}
      showCluster={order !== 'cluster'}
      spotlit={note.idea.id === spotlitIdea}
    />
  )
  const orders: Array<{ value: IdeaOrder; label: string }> = [
    { value: 'newest', label: intl.formatMessage({ id: 'board.order.newest' }) },
    ...(totals
      ? [{ value: 'votes' as const, label: intl.formatMessage({ id: 'board.order.votes' }) }]
      : []),
    { value: 'cluster', label: intl.formatMessage({ id: 'board.order.cluster' }) },
  ]

  return (
    <div className="lane" ref={root}>
      <SegmentedControl
        label={intl.formatMessage({ id: 'board.order.label' })}
        value={order}
        onChange={props.onOrderChange}
        segments={orders}
        className="lane__order"
      />
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
